/// Leaky ReLU, PReLU and RReLU in evaluation mode: x for x ≥ 0, α·x below.
///
/// ```
/// f = x (x ≥ 0), α·x (x < 0)    f′ = 1, α    f″ = 0
/// ```
/// f′(0) follows the kink convention with x > 0 as the active piece: α when exclusive
/// (PyTorch, TensorFlow, Keras), 1 when inclusive (JAX, DL4J). One rounding at most.
struct LeakyRectifier: ScalarKernel {
    var alpha: Double
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        x >= 0 ? x : alpha == 0 && x.isInfinite ? 0 : alpha * x
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let slope = x > 0 ? 1 : x < 0 ? alpha : kink.pick(inside: 1, outside: alpha)
        return Jet(value: value(at: x), derivative: slope, secondDerivative: 0)
    }

    /// max(x, 0) + α·min(x, 0), f′ = 1 or α (0 at 0, where neither step is on).
    static func naive(alpha: Double) -> NaiveFormula {
        let alpha = NaiveFormula.literal(alpha)
        return NaiveFormula(
            value: "max(x, 0) + \(alpha)*min(x, 0)",
            derivative: "\(NaiveFormula.step("x")) + \(alpha)*\(NaiveFormula.step("-x"))")
    }
}

extension CatalogEntry {
    /// Leaky ReLU: a fixed small slope for x < 0.
    public static let leakyReLU: CatalogEntry = {
        let alpha = Parameter.real(.alpha, 0.01, .finite, "slope for x < 0")
        return CatalogEntry(
            name: "leaky_relu", family: .rectifier, aliases: ["lrelu", "leakyrelu"],
            formula: "f(x) = x if x > 0 else alpha*x", parameters: [alpha],
            notes: """
                ReLU with a small slope for x < 0, so no unit dies. Frameworks disagree on \
                the default slope: 0.01 (PyTorch, JAX, DL4J), 0.2 (Keras 3 function, \
                TensorFlow), 0.3 (Keras LeakyReLU layer); and on f′(0): α or 1.
                """,
            hasKinks: true, smoothness: { _ in .continuous }, corners: { _ in [0] },
            torchGain: { a in ((2 / (1 + a[alpha] * a[alpha])).squareRoot(), "√(2/(1 + slope²))") },
            naive: { a in LeakyRectifier.naive(alpha: a[alpha]) },
            makeKernel: { a in LeakyRectifier(alpha: a[alpha], kink: a.kink) })
    }()

    /// PReLU, plotted at a given value of its learned slope.
    public static let prelu: CatalogEntry = {
        let alpha = Parameter.real(
            .alpha, 0.25, .finite, "the learned slope for x < 0, at its plotted value")
        return CatalogEntry(
            name: "prelu", family: .rectifier, aliases: ["parametric_relu"],
            formula: "f(x) = x if x > 0 else alpha*x (alpha learned)", parameters: [alpha],
            notes: """
                Leaky ReLU whose slope is learned per channel (He et al. 2015). Plotted at a \
                given slope; PyTorch initialises it to 0.25, Keras to 0.
                """,
            hasKinks: true, smoothness: { _ in .continuous }, corners: { _ in [0] },
            naive: { a in LeakyRectifier.naive(alpha: a[alpha]) },
            makeKernel: { a in LeakyRectifier(alpha: a[alpha], kink: a.kink) })
    }()

    /// RReLU in evaluation mode (the mean slope), with its training band of random slopes.
    public static let rrelu: CatalogEntry = {
        let lower = Parameter.real(.lower, 0.125, .finite, "lower bound of the random slope")
        let upper = Parameter.real(.upper, 1.0 / 3.0, .finite, "upper bound of the random slope")
        return CatalogEntry(
            name: "rrelu", family: .rectifier, aliases: ["randomized_relu"],
            formula:
                "f(x) = x if x > 0 else a*x; a ~ U(lower, upper) in training, (lower + upper)/2 in evaluation",
            parameters: [lower, upper],
            notes: """
                Randomised leaky ReLU: a random negative slope per element while training (a \
                regulariser), the mean slope at evaluation, which is what is computed here \
                (11/48 = 0.2291… with the defaults).
                """,
            hasKinks: true, smoothness: { _ in .continuous }, corners: { _ in [0] },
            validate: { a throws(ActivationError) in
                try a.require(
                    a[lower] <= a[upper], lower, "a number ≤ upper (\(DecimalText.shortest(a[upper])))")
            },
            trainingBand: { a in
                let (low, high) = (a[lower], a[upper])
                guard low < high else { return nil }
                return TrainingBand(quantity: "slopes", range: low...high) { x in
                    x >= 0 ? (x, x) : (high * x, low * x)
                }
            },
            naive: { a in LeakyRectifier.naive(alpha: 0.5 * (a[lower] + a[upper])) },
            makeKernel: { a in LeakyRectifier(alpha: 0.5 * (a[lower] + a[upper]), kink: a.kink) })
    }()
}
