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
