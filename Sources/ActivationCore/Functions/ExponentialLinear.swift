/// ELU and SELU: λ·x for x > 0, λα·(e^x − 1) below.
///
/// ```
/// f = λx, λα·expm1(x)    f′ = λ, λα·e^x    f″ = 0, λα·e^x
/// ```
/// ELU is λ = 1; SELU is λ = 1.0507…, α = 1.6732…, whose product is taken as the
/// correctly rounded λα = 1.7580993408473768 rather than the rounded product of the two
/// rounded constants (and carried to 106 bits with λ). A double-double `expm1` keeps f
/// relatively exact near 0 and rounds it once. f′(0) follows the kink
/// convention with x > 0 active: λα when exclusive (PyTorch, JAX), λ when inclusive
/// (TensorFlow's SELU and ELU, DL4J's ELU).
struct ExponentialLinear: FastPathKernel {
    var alpha: Double
    var scale: Double
    var kink: KinkConvention
    /// λ·α, rounded.
    private let negativeScale: Double
    /// λ and λ·α to 106 bits (SELU's are the 31-digit decimals, others exact products).
    private let precise: (scale: DoubleDouble, negativeScale: DoubleDouble)

    init(alpha: Double, scale: Double, kink: KinkConvention) {
        self.alpha = alpha
        self.scale = scale
        self.kink = kink
        let seluDefaults = alpha == Self.seluAlpha && scale == Self.seluLambda
        self.negativeScale = seluDefaults ? Self.seluLambdaAlpha : alpha * scale
        self.precise =
            seluDefaults
            ? (
                DoubleDouble(Self.seluLambda, 3.987_484_766_715_414_4e-17),
                DoubleDouble(Self.seluLambdaAlpha, 1.415_351_938_008_45e-17)
            )
            : (DoubleDouble(scale), DoubleDouble.product(alpha, scale))
    }

    /// SELU's λ, 1.0507009873554804934193349852946.
    static let seluLambda = 1.050_700_987_355_480_493_419_334_985_294_6
    /// SELU's α, 1.6732632423543772848170429916717.
    static let seluAlpha = 1.673_263_242_354_377_284_817_042_991_671_7
    /// λα to double precision, 1.7580993408473768599402175208123.
    static let seluLambdaAlpha = 1.758_099_340_847_376_859_940_217_520_812_3

    @inline(__always)
    func value(at x: Double) -> Double {
        if x > 0 { return precise.scale.times(x).value }
        if let fast = fastValueAndSlope(at: x) { return fast.value }
        if x < 0 { return precise.negativeScale.times(DoubleDouble.expm1(x)).value }
        return x * scale
    }

    /// λα(e^x − 1) and λα·e^x for −650 ≤ x ≤ −1/4 from ``FastPath/exp(_:)``, where their
    /// bounds decide the rounding.
    ///
    /// e^x is within 2⁻⁶⁴ relative, so e^x − 1 (at least 0.22 in size, e^x at most 0.78) is
    /// within 2⁻⁶²·⁲ of it and f within that relatively; f′ within 2⁻⁶⁴. Both are checked with
    /// a factor of 2 to spare, for λα a normal number.
    @inline(__always)
    func fastValueAndSlope(at x: Double) -> (value: Double, slope: Double)? {
        let c = precise.negativeScale
        guard x <= -0.25, x >= -650, abs(c.hi) > 0x1p-900, abs(c.hi) < 0x1p900 else { return nil }
        let e = FastPath.exp(x)
        let m = DoubleDouble.quickSum(-1, e.hi)
        let f = FastPath.product(c, DoubleDouble(m.hi, m.lo + e.lo))
        let d = FastPath.product(c, e)
        guard let value = FastPath.decided(f.hi, f.lo, error: 0x1p-61 * abs(f.hi)),
            let slope = FastPath.decided(d.hi, d.lo, error: 0x1p-62 * abs(d.hi))
        else { return nil }
        return (value, slope)
    }

    @inline(__always)
    func fullJet(at x: Double) -> Jet {
        if x > 0 { return Jet(value: value(at: x), derivative: scale, secondDerivative: 0) }
        if x < 0 {
            let slope = DoubleDouble.scaledExp(DoubleDouble(x), times: precise.negativeScale)
            return Jet(value: value(at: x), derivative: slope, secondDerivative: slope)
        }
        if x.isNaN { return Jet(nan: x) }
        return Jet(
            value: x * scale,
            derivative: kink.pick(inside: scale, outside: negativeScale),
            secondDerivative: kink.pick(inside: 0, outside: negativeScale))
    }
}

extension CatalogEntry {
    /// ELU: x for x > 0, α(e^x − 1) below.
    public static let elu: CatalogEntry = {
        let alpha = Parameter.real(.alpha, 1, .finite, "the negative saturation value is -alpha")
        return CatalogEntry(
            name: "elu", family: .exponentialLinear, formula: "f(x) = x if x > 0 else alpha*(e^x - 1)",
            parameters: [alpha],
            notes: """
                Smooth negative part that saturates at −α, pushing mean activations toward 0 \
                (Clevert et al. 2016). Costs an exponential. f′(0) is α in PyTorch and JAX, \
                1 in TensorFlow and DL4J.
                """,
            hasKinks: true, smoothness: { a in a[alpha] == 1 ? .differentiable : .continuous },
            corners: { _ in [0] },
            naive: { a in
                let alpha = NaiveFormula.literal(a[alpha])
                return NaiveFormula(
                    value: "max(x, 0) + \(alpha)*(exp(min(x, 0)) - 1)",
                    derivative: "max(sign(x), 0) + max(-sign(x), 0)*(y + \(alpha))")
            },
            makeKernel: { a in ExponentialLinear(alpha: a[alpha], scale: 1, kink: a.kink) })
    }()

    /// SELU: λ·elu with α, with the self-normalising constants as defaults.
    public static let selu: CatalogEntry = {
        let lambda = Parameter.real(
            .lambda, ExponentialLinear.seluLambda, .positive, "scale, 1.0507009873554804934…")
        let alpha = Parameter.real(.alpha, ExponentialLinear.seluAlpha, .finite, "1.6732632423543772848…")
        return CatalogEntry(
            name: "selu", family: .exponentialLinear,
            formula: "f(x) = lambda*(x if x > 0 else alpha*(e^x - 1))",
            parameters: [lambda, alpha],
            notes: """
                Self-normalising networks (Klambauer et al. 2017): with LeCun-normal weights \
                and these constants, activations keep mean 0 and variance 1 through deep \
                fully-connected stacks. f′(0) is λα in PyTorch, JAX and DL4J, λ in TensorFlow.
                """,
            hasKinks: true, smoothness: { _ in .continuous }, corners: { _ in [0] },
            torchGain: { _ in (0.75, "3/4, \"as suggested in the forums\" (pytorch/pytorch#50664)") },
            naive: { a in
                let (l, alpha) = (NaiveFormula.literal(a[lambda]), NaiveFormula.literal(a[alpha]))
                return NaiveFormula(
                    value: "\(l)*(max(x, 0) + \(alpha)*(exp(min(x, 0)) - 1))",
                    derivative: "\(l)*max(sign(x), 0) + max(-sign(x), 0)*(y + \(l)*\(alpha))")
            },
            makeKernel: { a in ExponentialLinear(alpha: a[alpha], scale: a[lambda], kink: a.kink) })
    }()
}
