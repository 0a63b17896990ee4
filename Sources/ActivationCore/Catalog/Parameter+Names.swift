/// The names of the catalog's parameters: the keys a Swift program gives values under.
///
/// ```swift
/// let leaky = try Activation(.leakyReLU, [.alpha: 0.2])
/// let softplus = try Activation(.softplus, [.beta: 2, .threshold: 20])
/// let gelu = try Activation(.gelu, [.approximate: "tanh"])
/// ```
/// A name means what each function that declares it says (``CatalogEntry/parameters``):
/// `alpha` is leaky ReLU's slope and ELU's scale.
extension Parameter {
    /// A parameter's name, as specs write it (`alpha`, `max_value`).
    public struct Name: Sendable, Hashable, ExpressibleByStringLiteral, CustomStringConvertible {
        /// The name as specs and descriptions write it.
        public let rawValue: String

        /// The name `rawValue`.
        public init(_ rawValue: String) {
            self.rawValue = rawValue
        }

        /// The name a literal spells: `"alpha"`.
        public init(stringLiteral value: String) {
            rawValue = value
        }

        /// The name as written.
        public var description: String { rawValue }
    }
}

extension Parameter.Name {
    /// `alpha`: celu, elu, leaky_relu, prelu, selu, snake.
    public static let alpha: Self = "alpha"
    /// `alpha_n`: xielu's negative-side scale.
    public static let alphaN: Self = "alpha_n"
    /// `alpha_p`: xielu's positive-side scale.
    public static let alphaP: Self = "alpha_p"
    /// `approximate`: gelu.
    public static let approximate: Self = "approximate"
    /// `at_zero`: binary_step.
    public static let atZero: Self = "at_zero"
    /// `b`: squareplus.
    public static let b: Self = "b"
    /// `base`: affine_exp, affine_log (Caffe's layers).
    public static let base: Self = "base"
    /// `beta`: silu, softplus, xielu.
    public static let beta: Self = "beta"
    /// `bias`: shrink (ONNX's Shrink), star_relu.
    public static let bias: Self = "bias"
    /// `domain`: log1mexp.
    public static let domain: Self = "domain"
    /// `eps`: xielu, where its two pieces meet.
    public static let eps: Self = "eps"
    /// `epsilon`: nalu.
    public static let epsilon: Self = "epsilon"
    /// `gate`: nalu.
    public static let gate: Self = "gate"
    /// `lambda`: hardshrink, selu, shrink, softshrink.
    public static let lambda: Self = "lambda"
    /// `lower`: rrelu.
    public static let lower: Self = "lower"
    /// `m_hat`: nalu.
    public static let mHat: Self = "m_hat"
    /// `max_val`: hardtanh.
    public static let maxVal: Self = "max_val"
    /// `max_value`: relu (and Keras' relu).
    public static let maxValue: Self = "max_value"
    /// `min_val`: hardtanh.
    public static let minVal: Self = "min_val"
    /// `mu`: laplace, its centre.
    public static let mu: Self = "mu"
    /// `negative_slope`: relu (and Keras' relu).
    public static let negativeSlope: Self = "negative_slope"
    /// `offset`: hard_sigmoid.
    public static let offset: Self = "offset"
    /// `p`: dropout.
    public static let p: Self = "p"
    /// `power`: affine_power (Caffe's layer).
    public static let power: Self = "power"
    /// `scale`: affine_exp, affine_log, affine_power (Caffe's layers), star_relu.
    public static let scale: Self = "scale"
    /// `shift`: affine_exp, affine_log, affine_power (Caffe's layers).
    public static let shift: Self = "shift"
    /// `sigma`: laplace, its width.
    public static let sigma: Self = "sigma"
    /// `slope`: hard_sigmoid.
    public static let slope: Self = "slope"
    /// `theta`: thresholded_relu.
    public static let theta: Self = "theta"
    /// `threshold`: binary_step, relu, softplus, threshold (and Keras' relu).
    public static let threshold: Self = "threshold"
    /// `upper`: rrelu.
    public static let upper: Self = "upper"
    /// `value`: threshold.
    public static let value: Self = "value"
    /// `w_hat`: nalu.
    public static let wHat: Self = "w_hat"
}
