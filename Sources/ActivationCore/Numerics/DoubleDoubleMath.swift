/// 2^m for −1022 ≤ m ≤ 1023, from its bits (DoubleDouble.exp needs |m| ≤ 512).
@inline(__always)
private func powerOfTwo(_ m: Int) -> Double { Double(bitPattern: UInt64(m + 1023) << 52) }

/// The C library's e^x (inside `DoubleDouble`, `exp` is the double-double one).
@inline(__always)
private func libmExp(_ x: Double) -> Double { exp(x) }

// Arithmetic and the exponential in double-double, for kernels whose final combination of a
// few correctly rounded pieces would otherwise cost 2 to 5 ulps: computed to about 2⁻⁷⁵
// relative and rounded once, a result is faithful (within 1 ulp) and almost always correctly
// rounded.

extension DoubleDouble {
    /// −self.
    @inline(__always)
    var negated: DoubleDouble { DoubleDouble(-hi, -lo) }

    /// `self + b` to about 106 bits.
    @inline(__always)
    func plus(_ b: Double) -> DoubleDouble {
        let s = DoubleDouble.sum(hi, b)
        guard s.hi.isFinite else { return s }
        return DoubleDouble.sum(s.hi, s.lo + lo)
    }

    /// `self − b` to about 106 bits.
    @inline(__always)
    func minus(_ b: DoubleDouble) -> DoubleDouble { plus(b.negated) }

    /// `self²` to about 106 bits.
    @inline(__always)
    var squared: DoubleDouble { times(self) }

    /// 1/self to about 104 bits for 2⁻¹⁰²² ≤ |self| ≤ 2¹⁰²²: one Newton step from the double
    /// reciprocal q, q + q·(1 − self·q), with self·q formed exactly (1 − q·hi does not round).
    @inline(__always)
    var reciprocal: DoubleDouble {
        let q = 1 / hi
        let p = DoubleDouble.product(hi, q)
        return DoubleDouble.quickSum(q, q * (((1 - p.hi) - p.lo) - lo * q))
    }

    /// √self to about 104 bits for 2⁻⁹⁶⁰ ≤ self ≤ 2¹⁰²²: one Newton step from the double root q,
    /// q + (self − q²)/(2q), with q² formed exactly.
    @inline(__always)
    var squareRoot: DoubleDouble {
        let q = hi.squareRoot()
        let p = DoubleDouble.product(q, q)
        return DoubleDouble.quickSum(q, ((hi - p.hi) - p.lo + lo) / (2 * q))
    }

    /// `self / b` to about 104 bits: one correction step of the double quotient.
    @inline(__always)
    func divided(by b: DoubleDouble) -> DoubleDouble {
        let q = hi / b.hi
        guard q.isFinite, q != 0 else { return DoubleDouble(q) }
        let r = minus(b.times(q))
        return DoubleDouble.sum(q, r.hi / b.hi)
    }

    /// `self / b` to about 104 bits.
    @inline(__always)
    func divided(by b: Double) -> DoubleDouble { divided(by: DoubleDouble(b)) }

    /// e^x − 1 for |x| ≤ ln2/128 (a double-double x), to about 2⁻⁷⁸ relative.
    ///
    /// x + x²/2 in double-double, the rest of the series (x³/6 to x⁹/9!, the first omitted
    /// term below 2⁻⁹⁰·x) in double. Nothing here can overflow, so the sums are unchecked.
    @inline(__always)
    static func expm1Reduced(_ r: DoubleDouble) -> DoubleDouble {
        let x = r.hi
        var tail = 1.0 / 362_880
        tail = tail * x + 1.0 / 40320
        tail = tail * x + 1.0 / 5040
        tail = tail * x + 1.0 / 720
        tail = tail * x + 1.0 / 120
        tail = tail * x + 1.0 / 24
        tail = tail * x + 1.0 / 6
        let square = DoubleDouble.product(x, x)
        let halfSquare = 0.5 * square.hi
        let head = quickSum(x, halfSquare)
        let rest = r.lo + (0.5 * square.lo + x * r.lo) + square.hi * x * tail
        return quickSum(head.hi, head.lo + rest)
    }

    /// The exact sum a + b for |a| ≥ |b| (or a = 0), both finite: Dekker's fast TwoSum.
    @inline(__always)
    static func quickSum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        return DoubleDouble(s, b - (s - a))
    }

    /// The reduction x = k·ln2/64 + r, |r| ≤ ln2/128, with r to about 140 bits.
    @inline(__always)
    private static func reduce(_ x: Double) -> (k: Int, r: DoubleDouble) {
        let step = expStep
        let k = (x * (1 / step.first)).rounded()
        let head = x.addingProduct(-k, step.first)  // exact: k·first has at most 53 bits
        let p = DoubleDouble.product(k, step.second)
        let r = DoubleDouble.sum(head, -p.hi)
        return (Int(k), DoubleDouble.sum(r.hi, r.lo - p.lo - k * step.third))
    }

    /// e^{hi + lo} as M·2^m, M = 2^(j/64)·e^r to about 2⁻⁷⁸, for |hi| ≤ 1400 and
    /// |lo| ≤ ulp(hi).
    @inline(__always)
    private static func scaled(_ hi: Double, _ lo: Double = 0) -> (mantissa: DoubleDouble, exponent: Int) {
        var (k, r) = reduce(hi)
        if lo != 0 { r = DoubleDouble.sum(r.hi, r.lo + lo) }
        let j = k & 63
        let t = expTable.withUnsafeBufferPointer { $0[j] }  // 0 ≤ j < 64 = expTable.count
        let m = expm1Reduced(r)
        // t + t·m, t in [1, 2) and |t·m| < 0.011
        let p = DoubleDouble.product(t.hi, m.hi)
        let s = quickSum(t.hi, p.hi)
        return (quickSum(s.hi, s.lo + (t.lo + p.lo + (t.hi * m.lo + t.lo * m.hi))), (k - j) >> 6)
    }

    /// e^x to about 2⁻⁷⁸ relative for −708 < x < 709.78; outside, `exp(x)` (0 or +∞ soon after).
    @inline(__always)
    static func exp(_ x: Double) -> DoubleDouble {
        guard x > -708, x < 709.78 else { return DoubleDouble(libmExp(x)) }
        let (e, m) = scaled(x)
        let half = powerOfTwo(m / 2)
        let rest = powerOfTwo(m - m / 2)
        return DoubleDouble(e.hi * half * rest, e.lo * half * rest)
    }

    /// e^x − 1 to about 2⁻⁷⁵ relative for x < 709.78, with no cancellation near 0.
    @inline(__always)
    static func expm1(_ x: Double) -> DoubleDouble {
        if abs(x) <= 0.005 { return expm1Reduced(DoubleDouble(x)) }
        if x < -40 { return DoubleDouble(-1).plus(libmExp(x)) }
        return exp(x).plus(-1)
    }

    /// a·e^y rounded once, for any y and a: e^y = 2^m·M with M to about 2⁻⁷⁸ is multiplied by
    /// a's significand in double-double before 2^m and a's exponent are applied, so a result in
    /// the subnormal range, or a finite one whose e^y or a alone would underflow or overflow, is
    /// still faithfully rounded.
    @inline(__always)
    static func scaledExp(_ y: DoubleDouble, times a: DoubleDouble) -> Double {
        let normal = abs(a.hi) > 0x1p-900 && abs(a.hi) < 0x1p900
        if y.hi > -700 && y.hi < 700 && normal { return exp(y).times(a).value }
        if y.hi.isNaN || a.hi.isNaN { return .nan }
        // Out here e^y decides (an infinite a is a finite factor that overflowed on its own).
        if y.hi < -2800 { return a.hi.sign == .minus ? -0.0 : 0 }
        if y.hi > 2800 && a.hi != 0 { return a.hi.sign == .minus ? -.infinity : .infinity }
        if a.hi == 0 || a.hi.isInfinite { return a.hi }
        // a = (a′)·2^ae with |a′| in [1, 2); e^y = M·2^m (from e^{y/2} squared beyond |y| = 1400,
        // where the reduction's k·ln2/64 would no longer be exact)
        let ae = a.hi.exponent
        let significand = DoubleDouble(
            a.hi.significand * (a.hi.sign == .minus ? -1 : 1),
            a.lo == 0 ? 0 : Double(sign: .plus, exponent: -ae, significand: a.lo))
        var (mantissa, m) = (DoubleDouble(1), 0)
        if abs(y.hi) < 1400 {
            (mantissa, m) = scaled(y.hi, y.lo)
        } else {
            let (half, halfExponent) = scaled(0.5 * y.hi, 0.5 * y.lo)
            (mantissa, m) = (half.squared, 2 * halfExponent)
        }
        return Double(sign: .plus, exponent: m + ae, significand: mantissa.times(significand).value)
    }

    /// e^{hi + lo} to first order in lo: e^hi·(1 + lo).
    @inline(__always)
    static func exp(_ y: DoubleDouble) -> DoubleDouble {
        let e = exp(y.hi)
        return y.lo == 0 ? e : e.plus(e.times(y.lo))
    }
}

/// σ(x), σ(−x) and σ(−x) − σ(x) = −tanh(x/2) in double-double, each to about 2⁻⁷⁵ relative,
/// from one e^{−|x|} (no 1 − σ and no 1 + e^x that could overflow): with e = e^{−|x|},
/// σ(|x|) = 1/(1 + e), σ(−|x|) = e/(1 + e), tanh(|x|/2) = (1 − e)/(1 + e), and below |x| = 1
/// the same from m = e − 1 (σ(|x|) = 1/(2 + m), tanh(|x|/2) = −m/(2 + m)), which does not cancel.
struct PreciseLogisticPair {
    /// σ(x).
    var positive: DoubleDouble
    /// σ(−x).
    var negative: DoubleDouble
    /// σ(−x) − σ(x) = −tanh(x/2).
    var balance: DoubleDouble
    /// e^{−|x|}, from which the others come (softplus(x) = max(x, 0) + log1p of it).
    var exponential: DoubleDouble

    @inline(__always)
    init(_ x: Double) {
        // One reciprocal r = σ(|x|), then σ(−|x|) = e·r and tanh(|x|/2) = r − e·r (or −m·r).
        let large, small, tanhHalf: DoubleDouble
        if abs(x) < 1 {
            let m = DoubleDouble.expm1(-abs(x))
            exponential = m.plus(1)
            large = m.plus(2).reciprocal
            tanhHalf = m.times(large).negated
            small = large.minus(tanhHalf)  // ≥ 0.26, so σ(−|x|) loses no more than 2 bits
        } else {
            let e = DoubleDouble.exp(-abs(x))
            exponential = e
            large = e.plus(1).reciprocal
            small = e.times(large)
            tanhHalf = large.minus(small)
        }
        if x >= 0 {
            (positive, negative, balance) = (large, small, tanhHalf.negated)
        } else if x < 0 {
            (positive, negative, balance) = (small, large, tanhHalf)
        } else {
            (positive, negative, balance) = (DoubleDouble(x), DoubleDouble(x), DoubleDouble(x))
        }
    }

    /// At `v.hi + v.lo`, to first order in `v.lo`: σ(h + l) = σ(h) + l·σ(h)σ(−h), the
    /// balance moves by −2l·σ(h)σ(−h) and e^{−|h + l|} by ∓l·e^{−|h|}.
    @inline(__always)
    init(_ v: DoubleDouble) {
        self.init(v.hi)
        if v.lo != 0 {
            let shift = derivative.times(v.lo)
            positive = positive.plus(shift)
            negative = negative.minus(shift)
            balance = balance.minus(DoubleDouble(2 * shift.hi, 2 * shift.lo))
            exponential = exponential.plus(exponential.times(v.hi < 0 ? v.lo : -v.lo))
        }
    }

    /// σ′ = σ(x)·σ(−x).
    @inline(__always)
    var derivative: DoubleDouble { positive.times(negative) }
}

/// The C library's natural logarithm.
@inline(__always)
private func libmLog(_ x: Double) -> Double { log(x) }

/// The C library's log(1 + x).
@inline(__always)
private func libmLog1p(_ x: Double) -> Double { log1p(x) }

extension DoubleDouble {
    /// log(1 + z) for −0.5 ≤ z < ∞, to about 2⁻⁷⁵ relative: below |z| = 2⁻³⁰ the series
    /// z − z²/2 + z³/3, above it one Newton step from the double log1p, l + ((1 + z)·e^{−l} − 1).
    @inline(__always)
    static func log1p(_ z: DoubleDouble) -> DoubleDouble {
        if abs(z.hi) < 0x1p-30 {
            let square = z.squared
            return z.minus(DoubleDouble(0.5 * square.hi, 0.5 * square.lo)).plus(square.hi * z.hi / 3)
        }
        let l = libmLog1p(z.hi)
        let correction = z.plus(1).times(exp(-l)).plus(-1)
        return DoubleDouble.sum(l, correction.hi + correction.lo - 0.5 * correction.hi * correction.hi)
    }

    /// ln 2 to 106 bits.
    static let ln2 = DoubleDouble(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56)

    /// ln t for a finite t > 0 (subnormal included), to about 2⁻⁷⁵ relative: t = m·2^e with m
    /// in [√½, √2) (so that e = 0 near t = 1, where ln t is small), then one Newton step from
    /// the double log of m, l + (m·e^{−l} − 1), and e·ln 2 added in double-double.
    @inline(__always)
    static func log(_ t: DoubleDouble) -> DoubleDouble {
        let high = t.hi.significand > 1.4142135623730951
        let e = t.hi.exponent + (high ? 1 : 0)
        let low = t.lo == 0 ? 0 : Double(sign: .plus, exponent: -e, significand: t.lo)
        let m = DoubleDouble.sum(high ? 0.5 * t.hi.significand : t.hi.significand, low)
        let l = libmLog(m.hi)
        let c = m.times(exp(-l)).plus(-1)  // about 2⁻⁵³: ln(1 + c) = c − c²/2
        let core = DoubleDouble.sum(l, c.hi + (c.lo - 0.5 * c.hi * c.hi))
        return e == 0 ? core : core.plus(ln2.times(Double(e)))
    }

    /// softplus(y) = log(1 + e^y) for −700 ≤ y < ∞ (a double-double y), to about 2⁻⁷⁵ relative:
    /// y + log1p(e^{−y}) above 0 and log1p(e^y) below, so neither e^y overflows nor 1 + e^y rounds.
    @inline(__always)
    static func softplus(_ y: DoubleDouble) -> DoubleDouble {
        softplus(y, exponential: exp(y.hi > 0 ? y.negated : y))
    }

    /// softplus(y) = max(y, 0) + log1p(e^{−|y|}) from an e^{−|y|} already known (a
    /// ``PreciseLogisticPair``'s).
    @inline(__always)
    static func softplus(_ y: DoubleDouble, exponential e: DoubleDouble) -> DoubleDouble {
        let log = log1p(e)
        return y.hi > 0 ? y.plus(log) : log
    }
}
