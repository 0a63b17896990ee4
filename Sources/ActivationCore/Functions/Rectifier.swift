/// The rectifier family: ReLU, ReLU6 and Keras' generalised ReLU.
///
/// ```
/// f(x) = min(x, maxValue)            for x > threshold
///        negativeSlope·(x − threshold) otherwise
/// ```
/// ReLU is (0, ∞, 0), ReLU6 is (0, 6, 0). The corners are at `threshold` (where the value
/// jumps by `threshold` when it is not 0) and at `maxValue`; their derivatives follow the
/// kink convention with x ∈ (threshold, maxValue) as the active piece. Every operation is
/// exact or one rounding.
struct Rectifier: ScalarKernel {
    var negativeSlope: Double
    var maxValue: Double
    var threshold: Double
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        if x > threshold { return Swift.min(x, maxValue) }
        if negativeSlope == 0 { return x.isNaN ? x : 0 }
        return negativeSlope * (x - threshold)
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let slope: Double
        if x > threshold && (x < maxValue || maxValue == .infinity) {
            slope = 1
        } else if x < threshold {
            slope = negativeSlope
        } else if x > maxValue {
            slope = 0
        } else if x == threshold {
            slope = kink.pick(inside: 1, outside: negativeSlope)
        } else {
            slope = kink.pick(inside: 1, outside: 0)
        }
        return Jet(value: value(at: x), derivative: slope, secondDerivative: 0)
    }
}
