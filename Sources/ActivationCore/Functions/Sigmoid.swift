/// The logistic sigmoid σ(x) = 1/(1 + e^−x).
///
/// ```
/// f = σ(x)    f′ = σ(x)·σ(−x)    f″ = f′·(σ(−x) − σ(x)) = −f′·tanh(x/2)
/// ```
/// Computed as `1/(1 + e^−x)` for x ≥ 0 and `e^x/(1 + e^x)` below, so neither tail
/// overflows or loses relative accuracy. f′ is never `y(1 − y)`, which is 0 for x ≥ 37
/// where the true value is 8.5e-17; `σ(−x) − σ(x)` is `−tanh(x/2)`, which does not cancel.
struct Sigmoid: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double { logistic(x) }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        let s = LogisticPair(x)
        let d = s.derivative
        return Jet(value: s.positive, derivative: d, secondDerivative: -d * tanh(0.5 * x))
    }
}

extension CatalogEntry {
    /// The logistic sigmoid.
    static let sigmoid = CatalogEntry(
        name: "sigmoid", family: .sigmoidal, aliases: ["logistic"], formula: "f(x) = 1/(1 + e^-x)",
        notes: """
            Output layer for binary probabilities, and gates in LSTMs and GRUs. In hidden \
            layers it saturates (f′ < 1e-3 beyond |x| ≈ 6.9), its outputs are not centred \
            on 0 and f′ ≤ 1/4, so deep stacks of it train slowly.
            """,
        smoothness: { _ in .smooth }, makeKernel: { _ in Sigmoid() })
}
