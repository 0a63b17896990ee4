/// How many derivatives of a function are continuous.
public enum Smoothness: String, Sendable, CustomStringConvertible {
    /// The value jumps somewhere.
    case discontinuous
    /// Continuous, with corners where f′ jumps.
    case continuous
    /// f′ continuous, f″ jumps somewhere.
    case differentiable
    /// f and f″ continuous.
    case twiceDifferentiable
    /// Infinitely differentiable.
    case smooth

    /// The smoothness in words.
    public var description: String {
        switch self {
        case .discontinuous: "discontinuous"
        case .continuous: "continuous, with corners (C0)"
        case .differentiable: "continuously differentiable, f″ jumps (C1)"
        case .twiceDifferentiable: "twice continuously differentiable (C2)"
        case .smooth: "smooth (C∞)"
        }
    }
}
