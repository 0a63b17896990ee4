/// Softplus: (1/β)·log(1 + e^{βx}), and x itself where βx exceeds `threshold` (PyTorch).
///
/// ```
/// f = (max(βx, 0) + log1p(e^{−|βx|}))/β    f′ = σ(βx)    f″ = β·σ(βx)·σ(−βx)
/// ```
/// βx is formed exactly (a fused multiply-add keeps its rounding error), because in the
/// left tail f ≈ e^{βx}/β and the error of βx becomes the relative error of f; e^{−|βx|},
/// log1p and σ are double-double, and the jet shares one e^{−|βx|} between f and σ. Below
/// βx = −40, f = e^{βx}/β with one final rounding even when it is subnormal. PyTorch's
/// threshold (default ∞ here, 20 in its preset) makes f jump to x and f′ to 1, as it does.
struct Softplus: FastPathKernel {
    var beta: Double
    var threshold: Double

    @inline(__always)
    func value(at x: Double) -> Double {
        if let fast = fastValueAndSlope(at: x) { return fast.value }
        if x.isNaN { return x }
        let y = DoubleDouble.product(beta, x)
        if y.hi > threshold { return x }
        if y.hi > -700 { return value(at: x, y, exponential: DoubleDouble.exp(y.hi > 0 ? y.negated : y)) }
        return DoubleDouble.scaledExp(y, times: DoubleDouble(1).divided(by: beta))
    }

    /// f at x from βx = y (−700 < y ≤ threshold) and e^{−|y|}: x + e^{−y}/β above y = 40,
    /// otherwise (max(y, 0) + log1p(e^{−|y|}))/β.
    @inline(__always)
    private func value(at x: Double, _ y: DoubleDouble, exponential e: DoubleDouble) -> Double {
        if y.hi > 40 { return x + (beta == 1 ? e : e.divided(by: beta)).value }
        let sum = DoubleDouble.softplus(y, exponential: e)
        return (beta == 1 ? sum : sum.divided(by: beta)).value
    }

    /// f = max(x, 0) + log1p(e^{−|x|}) and f′ = σ(x) for β = 1 and |x| ≤ 40 (below the
    /// threshold) from ``FastPath``, where their bounds decide the rounding.
    ///
    /// σ is within 2⁻⁶², and log1p within the bound ``FastPath/log1p(_:)`` gives; both are
    /// checked with a factor of 2 to spare.
    @inline(__always)
    func fastValueAndSlope(at x: Double) -> (value: Double, slope: Double)? {
        guard beta == 1, abs(x) <= 40, x <= threshold else { return nil }
        let (s, _, e) = FastPath.logisticAndExp(x)
        let (l, error) = FastPath.log1p(e)
        var f = l
        if x > 0 {
            let sum = DoubleDouble.sum(x, l.hi)
            f = DoubleDouble(sum.hi, sum.lo + l.lo)
        }
        guard let value = FastPath.decided(f.hi, f.lo, error: 2 * error),
            let slope = FastPath.decided(s.hi, s.lo, error: 0x1p-61 * s.hi)
        else { return nil }
        return (value, slope)
    }

    @inline(__always)
    func fullJet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let y = DoubleDouble.product(beta, x)
        if y.hi > threshold { return Jet(value: x, derivative: 1, secondDerivative: 0) }
        if abs(y.hi) > 700 {
            let s = LogisticPair(y)
            let tail = y.hi < 0 ? y : y.negated  // σ′(y) = e^{−|y|} out here
            return Jet(
                value: value(at: x), derivative: s.positive,
                secondDerivative: DoubleDouble.scaledExp(tail, times: DoubleDouble(beta)))
        }
        let s = PreciseLogisticPair(y)
        return Jet(
            value: value(at: x, y, exponential: s.exponential), derivative: s.positive.value,
            secondDerivative: s.derivative.times(beta).value)
    }
}

extension Softplus: LaneKernel {
    /// ``fastValueAndSlope(at:)`` per lane, for β = 1, |x| ≤ 40 and x ≤ the threshold; no lane
    /// for any other β.
    @inline(__always)
    func fastLanes(_ x: Lanes, table: UnsafeBufferPointer<DoubleDouble>) -> (
        value: Lanes, slope: Lanes, decided: LaneMask
    ) {
        guard beta == 1 else { return (x, x, LaneMask(repeating: false)) }
        let (s, _, e) = FastLanes.logisticAndExp(x, table: table)
        let (l, error) = FastLanes.log1p(e, table: table)
        let sum = FastLanes.twoSum(x, l.hi)
        let positive = x .> 0
        let f = FastLanes.decided(
            l.hi.replacing(with: sum.hi, where: positive),
            l.lo.replacing(with: sum.lo + l.lo, where: positive),
            error: 2 * error)
        let slope = FastLanes.decided(s.hi, s.lo, error: 0x1p-61 * s.hi)
        let inside = (FastLanes.magnitude(x) .<= 40) .& (x .<= threshold)
        return (f.value, slope.value, f.decided .& slope.decided .& inside)
    }
}

extension CatalogEntry {
    /// Softplus, with PyTorch's threshold above which it returns x.
    public static let softplus: CatalogEntry = {
        let beta = Parameter.real(.beta, 1, .positive, "sharpness: larger beta is closer to ReLU")
        let threshold = Parameter.real(
            .threshold, .infinity, .extended, "above beta*x > threshold, f = x (PyTorch uses 20)")
        return CatalogEntry(
            name: "softplus", family: .smoothRectifier, aliases: ["smooth_relu"],
            formula: "f(x) = log(1 + e^(beta*x))/beta; x where beta*x > threshold",
            parameters: [beta, threshold],
            notes: """
                A smooth ReLU whose derivative is the sigmoid; also used to keep a predicted \
                scale or variance positive. PyTorch's threshold of 20 makes it jump by \
                2.1e-9 at x = 20.
                """,
            smoothness: { a in a[threshold].isFinite ? .discontinuous : .smooth },
            corners: { a in a[threshold].isFinite ? [a[threshold] / a[beta]] : [] },
            naive: { a in
                let b = NaiveFormula.literal(a[beta])
                let (u, scaled) = a[beta] == 1 ? ("x", "") : ("\(b)*x", "/\(b)")
                let formula = NaiveFormula(
                    value: "log(1 + exp(\(u)))" + scaled, derivative: "1/(1 + exp(-\(u)))")
                guard a[threshold].isFinite else { return formula }
                // PyTorch's where(beta·x > threshold, x, …): the branch not taken overflows.
                return NaiveFormula(
                    where: "\(u) - \(NaiveFormula.literal(a[threshold]))", then: ("x", "1"),
                    otherwise: formula)
            },
            makeKernel: { a in Softplus(beta: a[beta], threshold: a[threshold]) })
    }()
}
