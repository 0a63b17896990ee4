/// Snake: x + sin²(αx)/α, a periodic activation for audio (BigVGAN).
///
/// ```
/// u = αx     f = x + sin²u/α     f′ = 1 + sin 2u = 2·sin²(u + π/4)     f″ = 2α·cos 2u
/// ```
/// * u = αx is exact as a double-double, and for |u| ≤ 2¹⁹ it is reduced by π/4 to about 2⁻¹³⁰
///   (``QuarterTurnReduction``): every zero of f′ (a double zero, where f′ touches 0) and of f″
///   is then a zero of sin r, so both keep their relative accuracy right through them, and f is
///   x plus a double-double square, rounded once.
/// * Beyond |u| = 2¹⁹ sin and cos come from the C library's `long double` sinl and cosl (64-bit,
///   exactly reduced) at u's two parts, joined by the angle-sum formulas: f is x to within 2⁻¹⁹
///   and stays faithful, and f′, written cos²2u/(1 − sin 2u) near its zeros, within an ulp or
///   two. Where there is no `long double` (arm64) the same runs in double, within a few ulps.
/// * f′ and f″ oscillate for ever: at ±∞ they have no limit and are NaN; f(±∞) = ±∞. Where αx
///   overflows (α > 1, |x| near the largest double) f = x, and f′ and f″ come from αx/2ᵏ by k
///   double angles; beyond k = 4 (α > 16) their phase is lost and they are NaN.
struct Snake: ScalarKernel {
    var alpha: Double

    @inline(__always)
    func value(at x: Double) -> Double {
        if !x.isFinite { return x }
        let u = DoubleDouble.product(alpha, x)
        if abs(u.hi) <= QuarterTurnReduction.limit {
            let reduction = QuarterTurnReduction(u)
            return Self.divided(reduction.sineSquared(shiftedBy: 0), by: alpha).plus(x).value
        }
        if !u.hi.isFinite { return x }  // αx overflowed: sin²(αx)/α < 1/α is far below x's ulp
        let s = Self.sineAndCosine(u).0
        return x + Double(s * s) / alpha
    }

    /// q/α, skipping the division for α = 1.
    @inline(__always)
    private static func divided(_ q: DoubleDouble, by alpha: Double) -> DoubleDouble {
        alpha == 1 ? q : q.divided(by: alpha)
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if x.isInfinite { return Jet(value: x, derivative: .nan, secondDerivative: .nan) }
        let u = DoubleDouble.product(alpha, x)
        if abs(u.hi) <= QuarterTurnReduction.limit {
            let reduction = QuarterTurnReduction(u)
            return Jet(
                value: Self.divided(reduction.sineSquared(shiftedBy: 0), by: alpha).plus(x).value,
                derivative: reduction.sineSquared(shiftedBy: 1).times(2).value,
                secondDerivative: reduction.cosineOfDouble.times(2 * alpha).value)
        }
        guard let (s, c) = Self.sineAndCosine(alpha, x, u) else {
            return Jet(value: x, derivative: .nan, secondDerivative: .nan)
        }
        let sine = 2 * s * c
        let cosine = (c - s) * (c + s)
        // f′ = 1 + sin 2u, and cos²2u/(1 − sin 2u) near its zeros, where 1 + sin 2u cancels.
        let slope = sine >= 0 ? 1 + sine : cosine * cosine / (1 - sine)
        return Jet(
            value: x + Double(s * s) / alpha, derivative: Double(slope),
            secondDerivative: 2 * alpha * Double(cosine))
    }

    #if arch(x86_64)
        /// The working type beyond |αx| = 2¹⁹: 64-bit `long double`, whose sinl and cosl reduce
        /// any argument exactly, so that f′ near its zeros stays within an ulp or two.
        typealias Wide = Float80
        @inline(__always) private static func sine(_ v: Double) -> Wide { sin(Wide(v)) }
        @inline(__always) private static func cosine(_ v: Double) -> Wide { cos(Wide(v)) }
    #else
        typealias Wide = Double
        @inline(__always) private static func sine(_ v: Double) -> Wide { sin(v) }
        @inline(__always) private static func cosine(_ v: Double) -> Wide { cos(v) }
    #endif

    /// sin αx and cos αx for |αx| > 2¹⁹, u = αx as a double-double; where αx overflows, from
    /// αx/2ᵏ (k ≤ 4) by k double angles, else nil (the phase is lost).
    @inline(__always)
    private static func sineAndCosine(_ alpha: Double, _ x: Double, _ u: DoubleDouble) -> (Wide, Wide)? {
        if u.hi.isFinite { return sineAndCosine(u) }
        for k in 1...4 {
            let v = DoubleDouble.product(alpha, x * Double(sign: .plus, exponent: -k, significand: 1))
            guard v.hi.isFinite else { continue }
            var (s, c) = sineAndCosine(v)
            for _ in 0..<k { (s, c) = (2 * s * c, (c - s) * (c + s)) }
            return (s, c)
        }
        return nil
    }

    /// sin u and cos u for u = hi + lo, |hi| > 2¹⁹: the C library's reduction of each part and
    /// the angle-sum formulas (lo may itself be far above 1 when α·x is huge).
    @inline(__always)
    private static func sineAndCosine(_ u: DoubleDouble) -> (Wide, Wide) {
        let (sh, ch) = (sine(u.hi), cosine(u.hi))
        if u.lo == 0 { return (sh, ch) }
        let (sl, cl) = (sine(u.lo), cosine(u.lo))
        return (sh * cl + ch * sl, ch * cl - sh * sl)
    }
}

extension CatalogEntry {
    /// Snake, x + sin²(αx)/α (Liu Ziyin and others 2020; BigVGAN).
    public static let snake: CatalogEntry = {
        let alpha = Parameter.real(.alpha, 1, .positive, "frequency of the periodic part")
        return CatalogEntry(
            name: "snake", family: .elementary, aliases: ["snake_activation"],
            formula: "f(x) = x + sin(alpha*x)^2/alpha", parameters: [alpha],
            notes: """
                Snake (Liu Ziyin et al. 2020, "Neural networks fail to learn periodic \
                functions"), the activation of BigVGAN and other neural vocoders: the identity \
                plus a periodic ripple, so a network can extrapolate periodic signals. Monotonic: \
                f′ = 1 + sin 2αx lies in [0, 2] and touches 0 once a period. α is learned per \
                channel; as α → 0 the function tends to x (+ αx²).
                """,
            smoothness: { _ in .smooth },
            naive: { a in
                let alpha = NaiveFormula.literal(a[alpha])
                return NaiveFormula(
                    value: "x + sin(\(alpha)*x)^2/\(alpha)", derivative: "1 + sin(2*\(alpha)*x)")
            },
            makeKernel: { a in Snake(alpha: a[alpha]) })
    }()
}
