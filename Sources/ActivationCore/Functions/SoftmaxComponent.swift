/// One output of softmax, log-softmax or softmin as a function of its own input, the
/// other inputs held fixed: how `actplot` plots a vector activation over x.
///
/// ```
/// s(x) = e^x/(e^x + Σⱼ e^{oⱼ})      softmax:  f = s, f′ = s(1 − s), f″ = s(1 − s)(1 − 2s)
///                                   log:      f = log s, f′ = 1 − s, f″ = −s(1 − s)
///                                   softmin:  f = s(−x; −o), f′ = −s(1 − s), f″ = s(1 − s)(1 − 2s)
/// ```
/// Every exponential has the largest input subtracted first, and 1 − s is computed as
/// Σ e^{oⱼ}/(e^x + Σ e^{oⱼ}), never as a difference; with one other input o, (1 − s) − s
/// is tanh((o − x)/2). With others = [0], softmax is σ(x).
struct SoftmaxComponent: ScalarKernel {
    enum Variant: Sendable { case softmax, logSoftmax, softmin }

    var others: [Double]
    var variant: Variant
    private let largestOther: Double

    init(others: [Double], variant: Variant) {
        self.variant = variant
        self.others = variant == .softmin ? others.map { -$0 } : others
        self.largestOther = self.others.max() ?? -.infinity
    }

    /// (s, 1 − s, log s) at input x (already negated for softmin).
    @inline(__always)
    private func shares(_ x: Double) -> (share: Double, rest: Double, logShare: Double) {
        if x.isInfinite && !largestOther.isInfinite {
            return x > 0 ? (1, 0, 0) : (0, 1, -.infinity)
        }
        let m = Swift.max(x, largestOther)
        let own = exp(x - m)
        var rest = 0.0
        for o in others { rest += exp(o - m) }
        let total = own + rest
        let logShare = x >= largestOther ? -log1p(rest) : (x - m) - log(total)
        return (own / total, rest / total, logShare)
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN { return x }
        switch variant {
        case .softmax: return shares(x).share
        case .logSoftmax: return shares(x).logShare
        case .softmin: return shares(-x).share
        }
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let input = variant == .softmin ? -x : x
        let (s, r, logShare) = shares(input)
        let slope = s * r
        // (1 − s) − s cancels near s = ½; with one other input it is exactly tanh((o − x)/2).
        let balance = others.count == 1 ? tanh(0.5 * (others[0] - input)) : r - s
        let curvature = slope * balance
        switch variant {
        case .softmax: return Jet(value: s, derivative: slope, secondDerivative: curvature)
        case .logSoftmax: return Jet(value: logShare, derivative: r, secondDerivative: -slope)
        case .softmin: return Jet(value: s, derivative: -slope, secondDerivative: curvature)
        }
    }
}

extension CatalogEntry {
    /// Softmax, plotted as output 0 over x with the other inputs fixed.
    static let softmax = CatalogEntry(
        name: "softmax", family: .vector, formula: "f(x)_i = e^(x_i)/sum_j e^(x_j)",
        notes: """
            Turns scores into a probability distribution: the output layer of a \
            classifier, and attention weights. Computed with the largest input \
            subtracted. Plotted as output 0 over x with the other inputs fixed.
            """,
        vector: .softmax, smoothness: { _ in .smooth },
        makeKernel: { a in SoftmaxComponent(others: a.others, variant: .softmax) })

    /// Log-softmax.
    static let logSoftmax = CatalogEntry(
        name: "log_softmax", family: .vector, aliases: ["logsoftmax"],
        formula: "f(x)_i = x_i - log(sum_j e^(x_j))",
        notes: """
            The log of softmax, computed without forming softmax: the input to \
            negative log-likelihood (cross-entropy) losses.
            """,
        vector: .logSoftmax, smoothness: { _ in .smooth },
        makeKernel: { a in SoftmaxComponent(others: a.others, variant: .logSoftmax) })

    /// Softmin, softmax(−x).
    static let softmin = CatalogEntry(
        name: "softmin", family: .vector, formula: "f(x) = softmax(-x)",
        notes: "PyTorch's Softmin: a distribution that favours the smallest inputs.",
        vector: .softmin, smoothness: { _ in .smooth },
        makeKernel: { a in SoftmaxComponent(others: a.others, variant: .softmin) })
}

extension VectorFunction {
    /// softmax: sᵢ = e^{xᵢ−m}/Σⱼ e^{xⱼ−m} (m the largest input), J = diag(s) − s·sᵀ.
    static let softmax = VectorFunction(lengthRule: .any) { x in
        let s = shares(x)
        return VectorEvaluation(output: s, jacobian: softmaxJacobian(s, sign: 1))
    }

    /// log_softmax: xᵢ − m − log Σⱼ e^{xⱼ−m}, J = I − 1·sᵀ.
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

    /// softmin: softmax(−x), J = −(diag(s) − s·sᵀ) with s = softmin(x).
    static let softmin = VectorFunction(lengthRule: .any) { x in
        let s = shares(x.map { -$0 })
        return VectorEvaluation(output: s, jacobian: softmaxJacobian(s, sign: -1))
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
