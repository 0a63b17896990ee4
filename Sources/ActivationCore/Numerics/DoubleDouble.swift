/// An unevaluated sum `hi + lo` of two doubles with `|lo| ≤ ulp(hi)/2`: about 106 bits.
///
/// Used where an argument of `exp` must be known beyond double precision: the
/// relative error of `e^y` equals the absolute error of `y`, so `y = −700` computed
/// in double alone would cost hundreds of ulps.
struct DoubleDouble: Sendable, Hashable {
    var hi: Double
    var lo: Double

    @inline(__always)
    init(_ hi: Double, _ lo: Double = 0) {
        self.hi = hi
        self.lo = lo
    }

    /// The exact product of two doubles (TwoProduct through a fused multiply-add).
    @inline(__always)
    static func product(_ a: Double, _ b: Double) -> DoubleDouble {
        let p = a * b
        guard p.isFinite else { return DoubleDouble(p) }
        return DoubleDouble(p, (-p).addingProduct(a, b))
    }

    /// The exact sum of two doubles (Knuth's TwoSum).
    @inline(__always)
    static func sum(_ a: Double, _ b: Double) -> DoubleDouble {
        let s = a + b
        guard s.isFinite else { return DoubleDouble(s) }
        let bb = s - a
        let e = (a - (s - bb)) + (b - bb)
        return DoubleDouble(s, e)
    }

    /// `self · b` to about 106 bits.
    @inline(__always)
    func times(_ b: Double) -> DoubleDouble {
        let p = DoubleDouble.product(hi, b)
        guard p.hi.isFinite else { return p }
        return DoubleDouble.sum(p.hi, p.lo + lo * b)
    }

    /// `self · b` to about 106 bits.
    @inline(__always)
    func times(_ b: DoubleDouble) -> DoubleDouble {
        let p = DoubleDouble.product(hi, b.hi)
        guard p.hi.isFinite else { return p }
        return DoubleDouble.sum(p.hi, p.lo + (hi * b.lo + lo * b.hi))
    }

    /// `self + b` to about 106 bits.
    @inline(__always)
    func plus(_ b: DoubleDouble) -> DoubleDouble {
        let s = DoubleDouble.sum(hi, b.hi)
        guard s.hi.isFinite else { return s }
        return DoubleDouble.sum(s.hi, s.lo + lo + b.lo)
    }

    /// The value rounded to a double.
    @inline(__always)
    var value: Double { hi + lo }
}
