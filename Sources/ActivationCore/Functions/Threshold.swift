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

    /// PyTorch's where(x > θ, x, v), with x bounded below by θ where it is not chosen.
    static func naive(threshold: Double, replacement: Double) -> NaiveFormula {
        let above = NaiveFormula.step(NaiveFormula.offset(threshold))
        let kept = "max(x, \(NaiveFormula.literal(threshold)))*" + above
        let value = replacement == 0 ? kept : kept + " + \(NaiveFormula.literal(replacement))*(1 - \(above))"
        return NaiveFormula(value: value, derivative: above)
    }
}

extension CatalogEntry {
    /// PyTorch's Threshold: the identity above a threshold, a constant below.
    public static let threshold: CatalogEntry = {
        let threshold = Parameter.real(.threshold, 0, .finite, "where the identity starts")
        let value = Parameter.real(.value, 0, .finite, "the output at and below the threshold")
        return CatalogEntry(
            name: "threshold", family: .rectifier, formula: "f(x) = x if x > threshold else value",
            parameters: [threshold, value],
            notes: """
                PyTorch's Threshold (and Keras' threshold): the identity above a threshold, \
                a constant below. Discontinuous unless value = threshold.
                """,
            hasKinks: true, smoothness: { a in a[threshold] == a[value] ? .continuous : .discontinuous },
            corners: { a in [a[threshold]] },
            naive: { a in Threshold.naive(threshold: a[threshold], replacement: a[value]) },
            makeKernel: { a in Threshold(threshold: a[threshold], replacement: a[value], kink: a.kink) })
    }()

    /// DL4J's and Keras 2's ThresholdedReLU: zero up to θ, then the identity.
    public static let thresholdedReLU: CatalogEntry = {
        let theta = Parameter.real(.theta, 1, .finite, "where the identity starts")
        return CatalogEntry(
            name: "thresholded_relu", family: .rectifier, formula: "f(x) = x if x > theta else 0",
            parameters: [theta],
            notes: """
                DL4J's and Keras 2's ThresholdedReLU: zero up to θ, then the identity, with \
                a jump of θ at θ. Used in some autoencoders to force sparse codes.
                """,
            hasKinks: true, smoothness: { a in a[theta] == 0 ? .continuous : .discontinuous },
            corners: { a in [a[theta]] },
            naive: { a in Threshold.naive(threshold: a[theta], replacement: 0) },
            makeKernel: { a in Threshold(threshold: a[theta], replacement: 0, kink: a.kink) })
    }()
}
