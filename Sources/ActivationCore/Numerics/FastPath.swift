/// The fast paths of the sigmoid family, in double with a proven error bound.
///
/// Each result is carried as an unevaluated sum hi + lo with a bound on its error, and
/// returned rounded only where that bound decides the rounding (Ziv's strategy). Elsewhere, about one point in a thousand, the caller falls back
/// to its double-double evaluation, which rounds the same value from about 75 bits.
enum FastPath {
    /// hi + lo rounded to a double, where every value within `error` of it rounds the same
    /// way, else nil.
    ///
    /// Rounding is monotone, so the two ends of the interval decide. `lo ± error` is itself
    /// rounded, which moves the ends by an ulp of `error` at most: callers' bounds carry a
    /// factor of 2 to spare.
    @inline(__always)
    static func decided(_ hi: Double, _ lo: Double, error: Double) -> Double? {
        let low = hi + (lo - error)
        let high = hi + (lo + error)
        return low == high ? low : nil
    }

    /// e^x for −650 ≤ x ≤ 0 as hi + lo, to 2⁻⁶⁴ relative.
    ///
    /// x = k·ln2/64 + r with |r| ≤ ln2/128 (``DoubleDouble``'s three-part ln2/64: k·first is
    /// exact, and what is left out of r is below 2⁻⁸⁰), e^x = 2^(k/64)·(1 + r + r²/2 + … +
    /// r⁶/720): the first omitted term is below 2⁻⁶⁵; r²/2 + … is summed in double, under
    /// 2⁻¹⁶, so its rounding costs 2⁻⁶⁹; the table's 2^(j/64) is a double-double. From −650
    /// up, lo stays a normal number.
    @inline(__always)
    static func exp(_ x: Double) -> DoubleDouble {
        let step = DoubleDouble.expStep
        let kd = (x * (1 / step.first)).rounded(.toNearestOrEven)
        let head = x.addingProduct(-kd, step.first)
        let ph = kd * step.second
        let h = head - ph
        let l = ((head - h) - ph) - kd * step.third
        let k = Int(kd)
        let j = k & 63
        let t = DoubleDouble.expTable.withUnsafeBufferPointer { $0[j] }
        var q = 1.0 / 720
        q = q * h + 1.0 / 120
        q = q * h + 1.0 / 24
        q = q * h + 1.0 / 6
        q = q * h + 0.5
        q = q * h * h + l
        // t·(1 + h + q) = t + t·h + t·q, with t·h exact
        let th = t.hi * h
        let s = t.hi + th
        let lo = (th - (s - t.hi)) + ((-th).addingProduct(t.hi, h) + (t.lo + (t.hi * q + t.lo * h)))
        let scale = Double(bitPattern: UInt64(bitPattern: Int64((k - j) >> 6 + 1023)) << 52)
        let e = DoubleDouble.quickSum(s, lo)  // t·q is up to 2⁻¹⁵ of s: fold it in
        return DoubleDouble(e.hi * scale, e.lo * scale)
    }

    /// σ(x) and σ(−x) as hi + lo pairs for |x| ≤ 650, each to 2⁻⁶² relative.
    ///
    /// Both come from one e = e^{−|x|}: σ(|x|) = 1/(1 + e), corrected once by its exact residual, and
    /// σ(−|x|) = e·σ(|x|).
    @inline(__always)
    static func logistic(_ x: Double) -> (positive: DoubleDouble, negative: DoubleDouble) {
        let e = exp(-abs(x))
        let d = DoubleDouble.quickSum(1, e.hi)
        let dl = d.lo + e.lo
        let sh = 1 / d.hi
        // 1 − sh·d.hi is exact through the fma (a division's residual is a double).
        let rho = 1.0.addingProduct(-sh, d.hi) - sh * dl
        let large = DoubleDouble(sh, sh * rho)
        let nh = e.hi * sh
        let small = DoubleDouble(nh, (-nh).addingProduct(e.hi, sh) + (e.hi * large.lo + e.lo * sh))
        return x >= 0 ? (large, small) : (small, large)
    }

    /// σ(v) and σ(−v) as in ``logistic(_:)`` for v = hi + lo (|hi| ≤ 650).
    ///
    /// They are taken at hi and moved by lo·σ′(hi) (the next term, lo²·σ″/2, is below 2⁻¹⁰⁰ of σ).
    @inline(__always)
    static func logistic(_ v: DoubleDouble) -> (positive: DoubleDouble, negative: DoubleDouble) {
        var (s, n) = logistic(v.hi)
        let shift = v.lo * s.hi * n.hi
        s.lo += shift
        n.lo -= shift
        return (s, n)
    }

    /// a·b for two hi + lo pairs, as hi + lo, to 2⁻¹⁰⁰ relative beyond their own errors.
    @inline(__always)
    static func product(_ a: DoubleDouble, _ b: DoubleDouble) -> DoubleDouble {
        let h = a.hi * b.hi
        return DoubleDouble(h, (-h).addingProduct(a.hi, b.hi) + (a.hi * b.lo + a.lo * b.hi))
    }
}
