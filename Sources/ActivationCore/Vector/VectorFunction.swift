/// What a vector activation does to a whole vector: its output and Jacobian.
///
/// Each vector entry of the catalog carries one (``CatalogEntry/vector``), defined in its
/// function's file with the formulas it computes; the exponentials of softmax and its
/// relatives have the largest input subtracted, so none overflows, and a vector holding +∞ or
/// only −∞ gives NaN where the quotient is undefined, as in every framework.
public struct VectorFunction: Sendable {
    /// The input lengths the function accepts.
    public enum LengthRule: Sendable {
        /// One or more inputs.
        case any
        /// A positive even number of inputs (GLU splits the vector in halves).
        case even
    }

    /// The input lengths accepted.
    public let lengthRule: LengthRule
    let compute: @Sendable ([Double]) -> VectorEvaluation

    /// The output and Jacobian at a whole input vector.
    /// - Parameter x: The input; its length must pass ``problem(withLength:)``.
    /// - Returns: f(x) and ∂fᵢ/∂xⱼ.
    public func evaluate(_ x: [Double]) -> VectorEvaluation {
        precondition(problem(withLength: x.count) == nil, "invalid input length \(x.count)")
        return compute(x)
    }

    /// Checks an input length.
    /// - Parameter count: The number of inputs.
    /// - Returns: Why the length is refused, or nil when it is fine.
    public func problem(withLength count: Int) -> String? {
        if count < 1 { return "needs at least one input" }
        if lengthRule == .even && count % 2 != 0 {
            return "needs an even number of inputs (it splits the vector in halves), got \(count)"
        }
        return nil
    }
}

/// A vector function's output at one input vector, and its Jacobian.
public struct VectorEvaluation: Sendable, Hashable {
    /// f(x).
    public let output: [Double]
    /// ∂fᵢ/∂xⱼ as rows i (outputs) of columns j (inputs).
    public let jacobian: [[Double]]
}
