/// JAX's sparse sigmoid: the line (x + 1)/2 clipped to [0, 1].
///
/// ```
/// f = 0 (x ≤ −1), (x + 1)/2, 1 (x ≥ 1)    f′ = 0, 1/2, 0    f″ = 0
/// ```
/// At ±1 the exclusive convention gives 0 (TensorFlow/Keras); JAX's clip splits ties and
/// gives 1/4, the `average` convention. Exact.
struct SparseSigmoid: ScalarKernel {
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        x <= -1 ? 0 : x >= 1 ? 1 : (x + 1) * 0.5
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let slope = abs(x) < 1 ? 0.5 : abs(x) > 1 ? 0 : kink.pick(inside: 0.5, outside: 0)
        return Jet(value: value(at: x), derivative: slope, secondDerivative: 0)
    }

    /// (x + 1)/2 exactly (a double-double) inside (−1, 1): a value on a midpoint is a true tie.
    func preciseJet(at x: Double) -> PreciseJet? {
        guard abs(x) < 1 else { return nil }
        return PreciseJet(
            value: DoubleDouble.sum(x, 1).times(0.5), derivative: DoubleDouble(0.5), error: (0, 0))
    }
}

extension CatalogEntry {
    /// JAX's sparse sigmoid.
    public static let sparseSigmoid = CatalogEntry(
        name: "sparse_sigmoid", family: .sigmoidal, aliases: ["sparsesigmoid"],
        formula: "f(x) = 0 if x <= -1, (x + 1)/2 if -1 < x < 1, 1 if x >= 1",
        notes: """
            A hard sigmoid with corners at ±1 (JAX, Keras), the derivative of sparse_plus. \
            JAX's gradient at ±1 is 1/4, TensorFlow's 0.
            """,
        hasKinks: true, smoothness: { _ in .continuous }, corners: { _ in [-1, 1] },
        naive: { _ in
            NaiveFormula(
                value: "min(max((x + 1)/2, 0), 1)",
                derivative: NaiveFormula.step("x + 1") + "*" + NaiveFormula.step("1 - x") + "/2")
        },
        makeKernel: { a in SparseSigmoid(kink: a.kink) })
}
