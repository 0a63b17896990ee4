/// The mean-field picture of a deep network of one activation.
///
/// After Poole et al. 2016 and Schoenholz et al. 2017: weights of variance σw²/fan-in, biases of
/// variance σb².
/// The variance of the pre-activations maps as q ↦ σw²·E[f(√q Z)²] + σb²; the fixed point q*
/// is where iterating from q = 1 settles; χ₁ = σw²·E[f′(√q* Z)²] says whether signals decay
/// (χ₁ < 1, ordered) or blow up (χ₁ > 1, chaotic); χ₁ = 1 is the edge of chaos.
///
/// ```swift
/// let tanh = try Catalog.activation("tanh")
/// try MeanField(of: tanh, sigmaW: 1, sigmaB: 0).chi            // 1 (q* = 0)
/// try MeanField.criticalSigmaW(of: tanh, sigmaB: 0)           // 1
/// ```
public struct MeanField: Sendable, Hashable {
    /// σw.
    public let sigmaW: Double
    /// σb.
    public let sigmaB: Double
    /// q*, or nil when the variance grows without bound from q = 1.
    public let fixedPoint: Double?
    /// χ₁ at q* (nil without a fixed point).
    public let chi: Double?

    /// The map's fixed point and χ₁ for `function` with weight and bias scales σw, σb.
    /// - Throws: ``GaussianStatistics/Failure`` when a moment diverges.
    public init(of function: Activation, sigmaW: Double, sigmaB: Double) throws(GaussianStatistics.Failure) {
        self.sigmaW = sigmaW
        self.sigmaB = sigmaB
        let q = try Self.fixedPoint(of: function, sigmaW: sigmaW, sigmaB: sigmaB)
        fixedPoint = q
        chi = try q.map { q throws(GaussianStatistics.Failure) in
            let slope = try Self.secondMoments(of: function, q: q).slope
            return sigmaW * sigmaW * slope
        }
    }

    /// E[f(√q Z)²] and E[f′(√q Z)²]; at q = 0 their limit q → 0⁺, taken at √q = 1e-150
    /// (relu′(0) is 0 by convention, but E[relu′(√q Z)²] = ½ for every q > 0).
    static func secondMoments(of f: Activation, q: Double) throws(GaussianStatistics.Failure) -> (
        value: Double, slope: Double
    ) {
        let s = try GaussianStatistics(of: f, mean: 0, standardDeviation: max(q.squareRoot(), 1e-150))
        return (s.secondMoment, s.meanSquaredSlope)
    }

    /// The fixed point reached from q = 1: the root of V(q) − q next to 1, found by bracketing
    /// (dividing or multiplying q by 4) and then false position in log q to 1e-15.
    static func fixedPoint(of f: Activation, sigmaW: Double, sigmaB: Double) throws(GaussianStatistics
        .Failure)
        -> Double?
    {
        let w2 = sigmaW * sigmaW
        let b2 = sigmaB * sigmaB
        func gap(_ q: Double) throws(GaussianStatistics.Failure) -> Double {
            w2 * (try secondMoments(of: f, q: q).value) + b2 - q
        }
        let start = try gap(1)
        if start == 0 { return 1 }
        var (inside, outside) = (1.0, 1.0)  // gap(inside) has start's sign, gap(outside) not
        var found = false
        for _ in 0..<60 {
            outside = start < 0 ? outside / 4 : outside * 4
            let g = try gap(outside)
            if (g < 0) != (start < 0) || g == 0 {
                found = true
                break
            }
            inside = outside
        }
        if !found {
            // Downwards the variance dies out: q* = 0 when V(0) = 0; upwards it explodes.
            return start < 0 ? 0 : nil
        }
        let (lo, hi) = (min(inside, outside), max(inside, outside))
        return try root(in: lo, hi) { (q: Double) throws(GaussianStatistics.Failure) in try gap(q) }
    }

    /// A root of g in [a, b] (g(a), g(b) of opposite signs) by the Illinois variant of false
    /// position on log x, to 1e-15 relative: a dozen evaluations where bisection takes fifty.
    static func root(
        in a: Double, _ b: Double, _ g: (Double) throws(GaussianStatistics.Failure) -> Double
    ) throws(GaussianStatistics.Failure) -> Double {
        var (u, v) = (log(a), log(b))
        var (gu, gv) = (try g(a), try g(b))
        if gu == 0 { return a }
        if gv == 0 { return b }
        var side = 0
        for _ in 0..<100 where abs(v - u) > 1e-15 {
            let w = (u * gv - v * gu) / (gv - gu)
            let m = w > min(u, v) && w < max(u, v) ? w : 0.5 * (u + v)
            let gm = try g(exp(m))
            if gm == 0 { return exp(m) }
            if (gm < 0) == (gv < 0) {
                (v, gv) = (m, gm)
                if side == -1 { gu *= 0.5 }
                side = -1
            } else {
                (u, gu) = (m, gm)
                if side == 1 { gv *= 0.5 }
                side = 1
            }
        }
        return exp(0.5 * (u + v))
    }

    /// The σw that puts `function` at the edge of chaos (χ₁ = 1) for a bias scale σb, by
    /// false position on log σw over [1e-3, 1e3]; nil when χ₁ stays on one side of 1.
    public static func criticalSigmaW(of function: Activation, sigmaB: Double) throws(GaussianStatistics
        .Failure)
        -> Double?
    {
        func excess(_ w: Double) throws(GaussianStatistics.Failure) -> Double {
            // A variance that explodes is past the edge.
            try MeanField(of: function, sigmaW: w, sigmaB: sigmaB).chi.map { $0 - 1 } ?? 1
        }
        let (lo, hi) = (1e-3, 1e3)
        let (low, high) = (try excess(lo), try excess(hi))
        guard (low < 0) != (high < 0) else { return low == 0 ? lo : nil }
        return try root(in: lo, hi) { (w: Double) throws(GaussianStatistics.Failure) in try excess(w) }
    }
}
