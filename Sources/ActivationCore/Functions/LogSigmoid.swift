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
