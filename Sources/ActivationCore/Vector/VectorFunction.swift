/// What a vector activation does to a whole vector: its output and Jacobian.
///
/// ```
/// softmax      sᵢ = e^{xᵢ−m}/Σⱼ e^{xⱼ−m}          J = diag(s) − s·sᵀ
/// log_softmax  xᵢ − m − log Σⱼ e^{xⱼ−m}            J = I − 1·sᵀ
/// softmin      softmax(−x)                         J = −(diag(s) − s·sᵀ)
/// glu          a ⊙ σ(b), x = [a, b] (even length)  J = [diag(σ(b)) | diag(a ⊙ σ(b) ⊙ σ(−b))]
/// crelu        [relu(x), relu(−x)] (length 2n)     J = [diag(1[x > 0]); −diag(1[x < 0])]
/// ```
/// m is the largest input, so no exponential overflows; a vector holding +∞ or only −∞
/// gives NaN where the quotient is undefined, as in every framework.
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

    static let softmax = VectorFunction(lengthRule: .any) { x in
        let s = shares(x)
        return VectorEvaluation(output: s, jacobian: softmaxJacobian(s, sign: 1))
    }

    static let logSoftmax = VectorFunction(lengthRule: .any) { x in
        let m = x.max() ?? 0
        var total = 0.0
        for v in x { total += exp(v - m) }
        let logTotal = log(total)
        let s = shares(x)
        let output = x.map { ($0 - m) - logTotal }
        let jacobian = (0..<x.count).map { i in (0..<x.count).map { j in (i == j ? 1 : 0) - s[j] } }
        return VectorEvaluation(output: output, jacobian: jacobian)
    }

    static let softmin = VectorFunction(lengthRule: .any) { x in
        let s = shares(x.map { -$0 })
        return VectorEvaluation(output: s, jacobian: softmaxJacobian(s, sign: -1))
    }

    static let gatedLinear = VectorFunction(lengthRule: .even) { x in
        let n = x.count / 2
        var output = [Double](repeating: 0, count: n)
        var jacobian = [[Double]](repeating: [Double](repeating: 0, count: x.count), count: n)
        for i in 0..<n {
            let gate = LogisticPair(x[n + i])
            output[i] = x[i] * gate.positive
            jacobian[i][i] = gate.positive
            jacobian[i][n + i] = x[i] * gate.derivative
        }
        return VectorEvaluation(output: output, jacobian: jacobian)
    }

    static let concatenatedRectifier = VectorFunction(lengthRule: .any) { x in
        let n = x.count
        var jacobian = [[Double]](repeating: [Double](repeating: 0, count: n), count: 2 * n)
        for i in 0..<n {
            jacobian[i][i] = x[i] > 0 ? 1 : 0
            jacobian[n + i][i] = x[i] < 0 ? -1 : 0
        }
        let output = x.map { Swift.max($0, 0) } + x.map { Swift.max(-$0, 0) }
        return VectorEvaluation(output: output, jacobian: jacobian)
    }

    /// softmax(x) with the largest input subtracted.
    private static func shares(_ x: [Double]) -> [Double] {
        let m = x.max() ?? 0
        let e = x.map { exp($0 - m) }
        let total = e.reduce(0, +)
        return e.map { $0 / total }
    }

    /// sign·(diag(s) − s·sᵀ), with sᵢ(1 − sᵢ) on the diagonal computed as sᵢ·Σ_{j≠i} sⱼ.
    private static func softmaxJacobian(_ s: [Double], sign: Double) -> [[Double]] {
        (0..<s.count).map { i in
            (0..<s.count).map { j in
                if i != j { return -sign * s[i] * s[j] }
                var rest = 0.0
                for k in s.indices where k != i { rest += s[k] }
                return sign * s[i] * rest
            }
        }
    }
}

/// A vector function's output at one input vector, and its Jacobian.
public struct VectorEvaluation: Sendable, Hashable {
    /// f(x).
    public let output: [Double]
    /// ∂fᵢ/∂xⱼ as rows i (outputs) of columns j (inputs).
    public let jacobian: [[Double]]
}
