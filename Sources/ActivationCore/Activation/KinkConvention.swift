/// Which derivative a piecewise function reports exactly at a corner (a kink).
///
/// Frameworks disagree on f′ at corners: PyTorch's `leaky_relu′(0)` is α, JAX's and DL4J's
/// is 1; PyTorch's `hardtanh′(±1)` is 0, JAX's and Keras' is 1. Each piecewise function
/// names an *active piece* (the side with the larger slope: x > 0 for ReLU-like
/// functions, the middle for clipping functions, |x| > λ for shrinkage) and the
/// convention says whether a corner belongs to it.
///
/// ```
/// exclusive: the active piece is open   relu′(0) = 0, leaky_relu′(0) = α, hardtanh′(±1) = 0
/// inclusive: the active piece is closed  leaky_relu′(0) = 1, hardtanh′(±1) = 1, selu′(0) = λ
/// average:   the mean of both sides      sparse_sigmoid′(±1) = 1/4 (JAX)
/// ```
///
/// The same rule applies to the second derivative at a corner. Values never depend on it.
public enum KinkConvention: String, Sendable, Hashable, CaseIterable {
    /// A corner belongs to the neighbouring, inactive piece (PyTorch; the default).
    case exclusive
    /// A corner belongs to the active piece.
    case inclusive
    /// The mean of the two one-sided derivatives.
    case average

    /// The derivative at a corner, from the active piece's and the other piece's.
    @inline(__always)
    func pick(inside: Double, outside: Double) -> Double {
        switch self {
        case .exclusive: outside
        case .inclusive: inside
        case .average: 0.5 * (inside + outside)
        }
    }
}
