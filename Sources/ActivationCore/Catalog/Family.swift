/// Families of activation functions, as `list` groups them.
public enum Family: String, Sendable, CaseIterable, CustomStringConvertible {
    /// identity.
    case linear
    /// binary_step.
    case step
    /// sigmoid, tanh and their hard and rational variants.
    case sigmoidal
    /// ReLU and its piecewise-linear relatives.
    case rectifier
    /// ELU, CELU, SELU.
    case exponentialLinear
    /// softplus, squareplus, sparse_plus, log_sigmoid.
    case smoothRectifier
    /// GELU, SiLU, Mish, hard swish: x times a gate.
    case selfGated
    /// hardshrink, softshrink, tanhshrink.
    case shrinkage
    /// exponential, cube.
    case elementary
    /// NALU: a gate between an additive and a multiplicative path.
    case arithmetic
    /// softmax, log_softmax, softmin, GLU, CReLU.
    case vector
    /// A formula typed by the user (``Expression``).
    case expression

    /// The family's name as `list` prints it.
    public var description: String {
        switch self {
        case .linear: "linear"
        case .step: "step"
        case .sigmoidal: "sigmoidal"
        case .rectifier: "rectifier"
        case .exponentialLinear: "exponential-linear"
        case .smoothRectifier: "smooth rectifier"
        case .selfGated: "self-gated"
        case .shrinkage: "shrinkage"
        case .elementary: "elementary"
        case .arithmetic: "arithmetic"
        case .vector: "vector"
        case .expression: "expression"
        }
    }
}
