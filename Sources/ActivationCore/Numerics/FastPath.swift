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

    /// e^x for −650 ≤ x ≤ 0 as hi + lo, to 2⁻⁶⁵ relative.
    ///
    /// x = k·ln2/64 + r with |r| ≤ ln2/128 (``DoubleDouble``'s three-part ln2/64: k·first is
    /// exact, and what is left out of r is below 2⁻⁸⁰), e^x = 2^(k/64)·(1 + r + r²/2 + … +
    /// r⁷/5040): the first omitted term is below 2⁻⁷⁵; q = r²/2 + … is summed in double,
    /// under 2⁻¹⁶, with three roundings of 2⁻⁵³ of it (2⁻⁶⁷·⁴), doubled by the table's
    /// 2^(j/64) (a double-double) and joined by the product's rounding (2⁻⁶⁸). From −650 up,
    /// lo stays a normal number.
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
        var q = 1.0 / 5040
        q = q * h + 1.0 / 720
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
        let (s, n, _) = logisticAndExp(x)
        return (s, n)
    }

    /// ``logistic(_:)``, with the e^{−|x|} it came from.
    @inline(__always)
    static func logisticAndExp(_ x: Double) -> (
        positive: DoubleDouble, negative: DoubleDouble, exp: DoubleDouble
    ) {
        let e = exp(-abs(x))
        let d = DoubleDouble.quickSum(1, e.hi)
        let dl = d.lo + e.lo
        let sh = 1 / d.hi
        // 1 − sh·d.hi is exact through the fma (a division's residual is a double).
        let rho = 1.0.addingProduct(-sh, d.hi) - sh * dl
        let large = DoubleDouble(sh, sh * rho)
        let nh = e.hi * sh
        let small = DoubleDouble(nh, (-nh).addingProduct(e.hi, sh) + (e.hi * large.lo + e.lo * sh))
        return x >= 0 ? (large, small, e) : (small, large, e)
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

    /// log(1 + e) for 0 ≤ e ≤ 1 given as hi + lo (to 2⁻⁶⁴ relative), as hi + lo with a bound
    /// on its absolute error.
    ///
    /// Below e = 1/32 the series: e − e²/2 exactly (a TwoProduct and an exact sum), then
    /// e³·(1/3 − e/4 + … ± e¹⁰/13), whose first omitted term and roundings are each below 2⁻⁶⁴
    /// of the result. Above it, one Newton step from the C library's log1p, l₀ + ((1 + e)·e^{−l₀}
    /// − 1), whose error is that of ``exp(_:)`` (2⁻⁶⁵ of 1) and e's own (2⁻⁶⁵ of e ≤ 1), plus
    /// roundings at 2⁻¹⁰⁰: 2⁻⁶³ in all; at least 1/32 in size, the result is within 2⁻⁵⁸ of it
    /// relatively.
    @inline(__always)
    static func log1p(_ e: DoubleDouble) -> (value: DoubleDouble, error: Double) {
        let z = e.hi
        if z < 1.0 / 32 {
            var q = -1.0 / 13
            q = q * z + 1.0 / 12
            q = q * z - 1.0 / 11
            q = q * z + 1.0 / 10
            q = q * z - 1.0 / 9
            q = q * z + 1.0 / 8
            q = q * z - 1.0 / 7
            q = q * z + 1.0 / 6
            q = q * z - 1.0 / 5
            q = q * z + 1.0 / 4
            q = q * z - 1.0 / 3
            let sh = z * z
            let sl = (-sh).addingProduct(z, z)
            let head = DoubleDouble.quickSum(z, -0.5 * sh)
            // e's lo enters through log1p′ = 1/(1 + z) ≈ 1 − z (the rest, lo·z², is below 2⁻⁶⁴·z).
            let lo = head.lo + (e.lo * (1 - z) + (-0.5 * sl - z * sh * q))
            return (DoubleDouble(head.hi, lo), 0x1p-62 * z)
        }
        let l0 = libraryLog1p(z)
        let inverse = exp(-l0)
        let d = DoubleDouble.quickSum(1, z)
        let p = product(DoubleDouble(d.hi, d.lo + e.lo), inverse)
        return (DoubleDouble(l0, (p.hi - 1) + p.lo), 0x1p-63)
    }

    /// f = x·σ and f′ = σ·(1 + w) of a self-gated function x·σ(v), where their bounds decide
    /// the rounding, else nil.
    ///
    /// σ = σ(v) and w (v·σ(−v) for silu, 2x·u′·σ(−v) for tanh-GELU) come as hi + lo to 2⁻⁶²
    /// relative: f is within 2⁻⁶² relative, f′ within 2⁻⁶²·σ·(|w| + |1 + w|), which grows near
    /// f′'s zero until the caller's double-double path with its series takes over. Both are
    /// checked with a factor of 2 to spare.
    @inline(__always)
    static func selfGated(_ x: Double, gate s: DoubleDouble, _ w: DoubleDouble) -> (
        value: Double, slope: Double
    )? {
        let fh = s.hi * x
        let one = DoubleDouble.sum(1, w.hi)
        let g = product(s, DoubleDouble(one.hi, one.lo + w.lo))
        guard let f = decided(fh, (-fh).addingProduct(s.hi, x) + s.lo * x, error: 0x1p-61 * abs(fh)),
            let slope = decided(g.hi, g.lo, error: 0x1p-61 * s.hi * (abs(w.hi) + abs(one.hi)))
        else { return nil }
        return (f, slope)
    }

    /// a/b for two hi + lo pairs, as hi + lo, to 2⁻¹⁰⁰ relative beyond their own errors: the
    /// double quotient corrected once by its residual (exact through the fma).
    @inline(__always)
    static func quotient(_ a: DoubleDouble, _ b: DoubleDouble) -> DoubleDouble {
        let q = a.hi / b.hi
        let r = a.hi.addingProduct(-q, b.hi) + (a.lo - q * b.lo)
        return DoubleDouble(q, r / b.hi)
    }

    /// a + b for two hi + lo pairs, as hi + lo (exact in hi, the tails rounded once).
    @inline(__always)
    static func sum(_ a: DoubleDouble, _ b: DoubleDouble) -> DoubleDouble {
        let s = DoubleDouble.sum(a.hi, b.hi)
        return DoubleDouble(s.hi, s.lo + (a.lo + b.lo))
    }

    /// a·b for two hi + lo pairs, as hi + lo, to 2⁻¹⁰⁰ relative beyond their own errors.
    @inline(__always)
    static func product(_ a: DoubleDouble, _ b: DoubleDouble) -> DoubleDouble {
        let h = a.hi * b.hi
        return DoubleDouble(h, (-h).addingProduct(a.hi, b.hi) + (a.hi * b.lo + a.lo * b.hi))
    }
}

/// The C library's log(1 + x) (inside ``FastPath`` and ``FastLanes``, `log1p` is the hi + lo
/// one).
@inline(__always)
func libraryLog1p(_ x: Double) -> Double { log1p(x) }
