/// ELU and SELU: λ·x for x > 0, λα·(e^x − 1) below.
///
/// ```
/// f = λx, λα·expm1(x)    f′ = λ, λα·e^x    f″ = 0, λα·e^x
/// ```
/// ELU is λ = 1; SELU is λ = 1.0507…, α = 1.6732…, whose product is taken as the
/// correctly rounded λα = 1.7580993408473768 rather than the rounded product of the two
/// rounded constants. `expm1` keeps f relatively exact near 0. f′(0) follows the kink
/// convention with x > 0 active: λα when exclusive (PyTorch, JAX), λ when inclusive
/// (TensorFlow's SELU and ELU, DL4J's ELU).
struct ExponentialLinear: ScalarKernel {
    var alpha: Double
    var scale: Double
    var kink: KinkConvention
    /// λ·α.
    private let negativeScale: Double

    init(alpha: Double, scale: Double, kink: KinkConvention) {
        self.alpha = alpha
        self.scale = scale
        self.kink = kink
        let seluDefaults = alpha == Self.seluAlpha && scale == Self.seluLambda
        self.negativeScale = seluDefaults ? Self.seluLambdaAlpha : alpha * scale
    }

    /// SELU's λ, 1.0507009873554804934193349852946.
    static let seluLambda = 1.050_700_987_355_480_493_419_334_985_294_6
    /// SELU's α, 1.6732632423543772848170429916717.
    static let seluAlpha = 1.673_263_242_354_377_284_817_042_991_671_7
    /// λα to double precision, 1.7580993408473768599402175208123.
    static let seluLambdaAlpha = 1.758_099_340_847_376_859_940_217_520_812_3

    @inline(__always)
    func value(at x: Double) -> Double {
        x > 0 ? scale * x : x < 0 ? negativeScale * expm1(x) : x * scale
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x > 0 { return Jet(value: scale * x, derivative: scale, secondDerivative: 0) }
        if x < 0 {
            let slope = scaledExp(x, times: negativeScale)
            return Jet(value: negativeScale * expm1(x), derivative: slope, secondDerivative: slope)
        }
        if x.isNaN { return Jet(nan: x) }
        return Jet(
            value: x * scale,
            derivative: kink.pick(inside: scale, outside: negativeScale),
            secondDerivative: kink.pick(inside: 0, outside: negativeScale))
    }
}
