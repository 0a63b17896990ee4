/// A double-double argument reduced by multiples of π/4, with the sine and cosine of what is left:
/// what Snake needs to keep its relative accuracy next to every zero of f′ and f″.
///
/// u = j·π/4 + r with |r| ≤ π/8 + 2⁻⁴⁰: π/4 is held in four parts, the first three of 33 bits so
/// that j times each is exact for |j| < 2²⁰, and u minus them is formed with error-free sums, so
/// r keeps about 2⁻¹³⁰ absolute accuracy however close u is to a multiple of π/4. sin r and cos r
/// are Taylor series in double-double (to x²³ and x²⁴, the first omitted terms below 2⁻¹¹⁰).
struct QuarterTurnReduction {
    /// The multiple of π/4 taken out.
    let octant: Int
    /// sin r.
    let sine: DoubleDouble
    /// cos r.
    let cosine: DoubleDouble

    /// The largest |u| reduced here: |j| stays below 2²⁰.
    static let limit = 0x1p19

    /// π/4 = p₁ + p₂ + p₃ + p₄ to about 2⁻¹⁵⁸; p₁, p₂, p₃ have 33 significant bits.
    private static let quarterPi = (
        0x1.921fb544p-1, 0x1.0b4611a6p-35, 0x1.3198a2ep-70, 0x1.b839a252049c1p-105
    )

    /// (−1)ᵏ/(2k + 1)! for k = 1…11, the first six to 106 bits.
    private static let sineCoefficients: [DoubleDouble] = [
        DoubleDouble(-0.16666666666666666, -9.25185853854297e-18),
        DoubleDouble(0.008333333333333333, 1.1564823173178714e-19),
        DoubleDouble(-0.0001984126984126984, -1.7209558293420705e-22),
        DoubleDouble(2.7557319223985893e-06, -1.858393274046472e-22),
        DoubleDouble(-2.505210838544172e-08, 1.448814070935912e-24),
        DoubleDouble(1.6059043836821613e-10, 1.2585294588752098e-26),
        DoubleDouble(-7.647163731819816e-13), DoubleDouble(2.8114572543455206e-15),
        DoubleDouble(-8.22063524662433e-18), DoubleDouble(1.9572941063391263e-20),
        DoubleDouble(-3.868170170630684e-23),
    ]

    /// (−1)ᵏ/(2k)! for k = 1…12, the first six to 106 bits.
    private static let cosineCoefficients: [DoubleDouble] = [
        DoubleDouble(-0.5), DoubleDouble(0.041666666666666664, 2.3129646346357427e-18),
        DoubleDouble(-0.001388888888888889, 5.300543954373577e-20),
        DoubleDouble(2.48015873015873e-05, 2.1511947866775882e-23),
        DoubleDouble(-2.755731922398589e-07, -2.3767714622250297e-23),
        DoubleDouble(2.08767569878681e-09, -1.20734505911326e-25),
        DoubleDouble(-1.1470745597729725e-11), DoubleDouble(4.779477332387385e-14),
        DoubleDouble(-1.5619206968586225e-16), DoubleDouble(4.110317623312165e-19),
        DoubleDouble(-8.896791392450574e-22), DoubleDouble(1.6117375710961184e-24),
    ]

    /// The reduction of u, for |u.hi| ≤ ``limit``.
    @inline(__always)
    init(_ u: DoubleDouble) {
        let j = (u.hi * 1.2732395447351628).rounded()
        let (p1, p2, p3, p4) = Self.quarterPi
        let head = u.hi - j * p1  // exact: j·p₁ is, and Sterbenz's lemma holds for j ≠ 0
        var r = DoubleDouble.sum(head, -(j * p2))  // j·p₂ exact
        r = r.plus(-(j * p3)).plus(DoubleDouble.product(j, p4).negated).plus(u.lo)
        let square = r.squared
        var s = Self.sineCoefficients[Self.sineCoefficients.count - 1]
        for c in Self.sineCoefficients.dropLast().reversed() { s = s.times(square).plus(c) }
        var c = Self.cosineCoefficients[Self.cosineCoefficients.count - 1]
        for k in Self.cosineCoefficients.dropLast().reversed() { c = c.times(square).plus(k) }
        octant = Int(j)
        sine = s.times(square).times(r).plus(r)
        cosine = c.times(square).plus(1)
    }

    /// sin²(u + m·π/4) in double-double: sin² r or cos² r when m + j is even, else
    /// ½(cos r ± sin r)², so that a zero of it is a zero of sin r and keeps its accuracy.
    @inline(__always)
    func sineSquared(shiftedBy m: Int) -> DoubleDouble {
        switch (octant &+ m) & 7 {
        case 0, 4: return sine.squared
        case 2, 6: return cosine.squared
        case 1, 5:
            let sum = cosine.plus(sine)
            return sum.squared.times(0.5)
        default:
            let difference = cosine.minus(sine)
            return difference.squared.times(0.5)
        }
    }

    /// cos 2u in double-double: ±(cos²r − sin²r) or ∓2·sin r·cos r by the quarter turn.
    @inline(__always)
    var cosineOfDouble: DoubleDouble {
        switch octant & 3 {
        case 0: return cosine.minus(sine).times(cosine.plus(sine))
        case 1: return sine.times(cosine).times(-2)
        case 2: return sine.minus(cosine).times(cosine.plus(sine))
        default: return sine.times(cosine).times(2)
        }
    }
}
