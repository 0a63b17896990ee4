/// The log-sigmoid: log σ(x) = −softplus(−x).
///
/// ```
/// f = min(x, 0) − log1p(e^{−|x|})    f′ = σ(−x)    f″ = −σ(x)·σ(−x)
/// ```
/// Finite for every finite x (log σ(−800) = −800, not −∞) and relatively exact in both
/// tails.
struct LogSigmoid: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double {
        Swift.min(x, 0) - log1p(exp(-abs(x)))
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let s = LogisticPair(x)
        return Jet(value: value(at: x), derivative: s.negative, secondDerivative: -s.derivative)
    }
}

extension CatalogEntry {
    /// The log-sigmoid, −softplus(−x).
    static let logSigmoid = CatalogEntry(
        name: "log_sigmoid", family: .smoothRectifier, aliases: ["logsigmoid"],
        formula: "f(x) = log(1/(1 + e^-x)) = -softplus(-x)",
        notes: """
            The log-probability of a sigmoid output, for numerically stable \
            binary cross-entropy. Must be computed as −softplus(−x): log(σ(x)) is −∞ \
            below x ≈ −745.
            """,
        smoothness: { _ in .smooth }, makeKernel: { _ in LogSigmoid() })
}
