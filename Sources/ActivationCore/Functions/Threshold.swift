/// PyTorch's Threshold and DL4J's ThresholdedReLU: x above θ, a constant otherwise.
///
/// ```
/// f = x (x > θ), v (x ≤ θ)    f′ = 1[x > θ]    f″ = 0
/// ```
/// The value jumps at θ unless v = θ; f′(θ) follows the kink convention (x > θ active).
struct Threshold: ScalarKernel {
    var threshold: Double
    var replacement: Double
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        x > threshold ? x : x.isNaN ? x : replacement
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let slope: Double = x > threshold ? 1 : x < threshold ? 0 : kink.pick(inside: 1, outside: 0)
        return Jet(value: value(at: x), derivative: slope, secondDerivative: 0)
    }
}
