/// The Heaviside step at a threshold t: 1 for x > t, 0 for x < t, `atThreshold` at t.
///
/// ```
/// f = 1[x > t] (+ atThreshold·1[x = t])    f′ = 0    f″ = 0
/// ```
/// The derivative is 0 everywhere, t included: the jump carries no finite slope. x is compared
/// with t, never shifted by it, so no rounding moves the step.
struct BinaryStep: ScalarKernel {
    var threshold: Double
    var atThreshold: Double

    @inline(__always)
    func value(at x: Double) -> Double {
        x > threshold ? 1 : x < threshold ? 0 : x == threshold ? atThreshold : x
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        x.isNaN ? Jet(nan: x) : Jet(value: value(at: x), derivative: 0, secondDerivative: 0)
    }
}

extension CatalogEntry {
    /// The Heaviside step, with where it steps (Caffe's Threshold layer) and its value there as
    /// parameters.
    public static let binaryStep: CatalogEntry = {
        let threshold = Parameter.real(.threshold, 0, .finite, "where the step is")
        let atZero = Parameter.real(.atZero, 0, .finite, "the value at x = threshold")
        return CatalogEntry(
            name: "binary_step", family: .step, aliases: ["step", "heaviside"],
            formula: "f(x) = 1 if x > threshold, 0 if x < threshold, at_zero at threshold",
            parameters: [threshold, atZero],
            notes: """
                The perceptron's threshold unit. Its derivative is 0 wherever it exists, so \
                it cannot be trained by gradient descent; useful for teaching and as a \
                hard decision at inference.
                """,
            smoothness: { _ in .discontinuous }, corners: { a in [a[threshold]] },
            naive: { a in
                let above = NaiveFormula.step(NaiveFormula.offset(a[threshold]))
                let below = NaiveFormula.step(NaiveFormula.literal(a[threshold]) + " - x")
                let at = "\(NaiveFormula.literal(a[atZero]))*(1 - \(above) - \(below))"
                return NaiveFormula(value: a[atZero] == 0 ? above : above + " + " + at, derivative: "0")
            },
            makeKernel: { a in BinaryStep(threshold: a[threshold], atThreshold: a[atZero]) })
    }()
}
