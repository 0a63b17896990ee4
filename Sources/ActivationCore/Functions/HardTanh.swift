/// Hard tanh: x clipped to [minimum, maximum].
///
/// ```
/// f = clip(x, lo, hi)    f′ = 1[lo < x < hi]    f″ = 0
/// ```
/// f′(lo) and f′(hi) follow the kink convention: 0 when exclusive (PyTorch), 1 when
/// inclusive (JAX, Keras, DL4J). Exact.
struct HardTanh: ScalarKernel {
    var minimum: Double
    var maximum: Double
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        x < minimum ? minimum : x > maximum ? maximum : x
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let slope: Double =
            x > minimum && x < maximum
            ? 1
            : x < minimum || x > maximum ? 0 : kink.pick(inside: 1, outside: 0)
        return Jet(value: value(at: x), derivative: slope, secondDerivative: 0)
    }
}

extension CatalogEntry {
    /// Hard tanh: x clipped to [min_val, max_val].
    public static let hardtanh: CatalogEntry = {
        let minimum = Parameter.real(.minVal, -1, .finite, "lower clip")
        let maximum = Parameter.real(.maxVal, 1, .finite, "upper clip")
        return CatalogEntry(
            name: "hardtanh", family: .sigmoidal, aliases: ["hard_tanh"],
            formula: "f(x) = min(max(x, min_val), max_val)", parameters: [minimum, maximum],
            notes: """
                A cheap piecewise-linear tanh. f′(±1) is 0 in PyTorch but 1 in JAX, Keras \
                and DL4J.
                """,
            hasKinks: true, smoothness: { _ in .continuous }, corners: { a in [a[minimum], a[maximum]] },
            validate: { a throws(ActivationError) in
                try a.require(
                    a[minimum] < a[maximum], minimum,
                    "a number < max_val (\(DecimalText.shortest(a[maximum])))")
            },
            naive: { a in
                let (low, high) = (NaiveFormula.literal(a[minimum]), NaiveFormula.literal(a[maximum]))
                return NaiveFormula(
                    value: "min(max(x, \(low)), \(high))",
                    derivative: NaiveFormula.step(NaiveFormula.offset(a[minimum])) + "*"
                        + NaiveFormula.step("\(high) - x"))
            },
            makeKernel: { a in HardTanh(minimum: a[minimum], maximum: a[maximum], kink: a.kink) })
    }()
}
