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

extension CatalogEntry {
    /// ReLU, with Keras' generalisation (negative slope, cap, threshold).
    static let relu: CatalogEntry = {
        let negativeSlope = Parameter.real("negative_slope", 0, .finite, "slope below the threshold (Keras)")
        let maxValue = Parameter.real(
            "max_value", .infinity, .positiveOrInfinity, "cap on the output (Keras)")
        let threshold = Parameter.real("threshold", 0, .finite, "where the active piece starts (Keras)")
        return CatalogEntry(
            name: "relu", family: .rectifier, aliases: ["relu_x", "rectifier"],
            formula: "f(x) = max(0, x); generalised: min(x, max_value) for x > threshold, "
                + "negative_slope*(x - threshold) otherwise",
            parameters: [negativeSlope, maxValue, threshold],
            notes: """
                The default hidden activation: cheap, no saturation for x > 0, sparse \
                outputs. Units whose inputs stay negative stop learning ("dying ReLU"); \
                leaky variants, ELU or GELU avoid that. relu′(0) = 0 in every framework.
                """,
            hasKinks: true, smoothness: { a in a[threshold] != 0 ? .discontinuous : .continuous },
            corners: { a in [a[threshold]] + (a[maxValue].isFinite ? [a[maxValue]] : []) },
            validate: { a throws(ActivationError) in
                try a.require(
                    a[maxValue] > a[threshold], maxValue,
                    "a number > threshold (\(DecimalText.shortest(a[threshold])))")
            },
            makeKernel: { a in
                Rectifier(
                    negativeSlope: a[negativeSlope], maxValue: a[maxValue], threshold: a[threshold],
                    kink: a.kink)
            })
    }()

    /// ReLU capped at 6.
    static let relu6 = CatalogEntry(
        name: "relu6", family: .rectifier, formula: "f(x) = min(max(x, 0), 6)",
        notes: """
            ReLU capped at 6 (MobileNet): the bound keeps activations representable in \
            low-precision fixed point. f′ = 0 at 0 and at 6 in every framework.
            """,
        hasKinks: true, smoothness: { _ in .continuous }, corners: { _ in [0, 6] },
        makeKernel: { a in Rectifier(negativeSlope: 0, maxValue: 6, threshold: 0, kink: a.kink) })
}
