/// DL4J's rational tanh: 1.7159 times a rational approximation of tanh(2x/3).
///
/// ```
/// y = 2x/3     a = 1 + |y| + y² + C·y⁴     f = A·sgn(y)·(1 − 1/a)
/// f′ = A·(2/3)·N/a²,  N = 1 + 2|y| + 4C|y|³
/// f″ = A·(2/3)²·sgn(y)·(N′a − 2N²)/a³ = A·(4/9)·sgn(y)·|y|·(−6 + (12C − 6)|y| − 4Cy² − 18C|y|³ − 20C²|y|⁵)/a³
/// ```
/// A = 1.7159 and C = 1.41645 as decimals (DL4J widens the float literals 1.7159f and
/// 1.41645f: 1.71589994430542 and 1.416450023651123). 1 − 1/a is computed as
/// (|y| + y² + Cy⁴)/a and N′a − 2N² as its expanded polynomial, so neither cancels near
/// 0; f, f′ and f″ are double-double and rounded once. Beyond |y| = 1e40 the leading terms of f′
/// and f″ are used, formed at a scale where they do not underflow before the final rounding.
/// y = 2x/3 is carried to 106 bits, since f′ falls like y⁻⁵ and would otherwise inherit five
/// times its rounding error.
struct RationalTanh: ScalarKernel {
    static let a = 1.7159
    static let c = 1.41645
    /// A·2/3 to 106 bits.
    static let slopeScale = DoubleDouble(1.1439333333333332, 8.680463755202558e-17)
    /// A·4/9, correctly rounded.
    static let curvatureScale = 0.7626222222222222
    /// A·(2/3)·4/C and A·(4/9)·20/C, the tails' factors: f′ ≈ k₁/|y|⁵, f″ ≈ −k₂·sgn(y)/y⁶.
    static let slopeTail = DoubleDouble(3.230423476531705, 4.171941886927295e-17)
    static let curvatureTail = DoubleDouble(10.768078255105683, -4.53054216902507e-16)

    /// |y| = |2x/3| to 106 bits: the rounding error of the double quotient comes from a fused
    /// multiply-add (2x − 3q is exact).
    @inline(__always)
    static func magnitude(_ x: Double) -> (m: DoubleDouble, sign: Double) {
        let q = (2 * x) / 3
        let e = abs(q) < 1e300 ? (2 * x).addingProduct(-3, q) / 3 : 0
        let sign: Double = q > 0 ? 1 : q < 0 ? -1 : 0
        return (DoubleDouble.sum(abs(q), sign * e), sign)
    }

    /// |y| + y² + C·y⁴ (= a − 1), for |y| ≤ 1e60.
    @inline(__always)
    private static func part(_ m: DoubleDouble) -> DoubleDouble {
        let square = m.squared
        return square.squared.times(c).plus(square).plus(m)
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN { return x }
        let (m, sign) = Self.magnitude(x)
        if m.hi > 1e60 { return Self.a * sign }  // 1/a < 1e-240
        if m.hi < 0x1p-60 { return Self.slopeScale.times(x).value }  // A·y·(1 − O(y))
        let p = Self.part(m)  // f = A·sgn(y)·(1 − 1/a) = A·sgn(y)·p/(1 + p), which does not cancel
        return p.divided(by: p.plus(1)).times(Self.a * sign).value
    }

    /// k/mⁿ for m > 1e40, rounded once through the subnormal range: (2²⁰⁰/m)ⁿ in double-double,
    /// then 2^(−200n).
    @inline(__always)
    private static func tail(_ k: DoubleDouble, _ m: DoubleDouble, power n: Int) -> Double {
        let t = DoubleDouble(0x1p200).divided(by: m)
        var product = k
        for _ in 0..<n { product = product.times(t) }
        return Double(sign: .plus, exponent: -200 * n, significand: product.value)
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let (m, sign) = Self.magnitude(x)
        if m.hi > 1e40 {
            return Jet(
                value: value(at: x), derivative: Self.tail(Self.slopeTail, m, power: 5),
                secondDerivative: -sign * Self.tail(Self.curvatureTail, m, power: 6))
        }
        let c = Self.c
        let r = Self.part(m).plus(1).reciprocal  // 1/a
        let square = m.squared
        // f′ = (A·2/3)·N/a², N = 1 + 2|y| + 4C|y|³
        let n = square.times(m).times(4 * c).plus(m.times(2)).plus(1)
        let slope = n.times(r).times(r).times(Self.slopeScale).value
        // f″ = (A·4/9)·sgn(y)·|y|·(−6 + (12C − 6)|y| − 4Cy² − 18C|y|³ − 20C²|y|⁵)/a³
        let inner = square.times(20 * c * c).plus(18 * c).times(m).plus(4 * c).times(m)
        let polynomial = inner.negated.plus(12 * c - 6).times(m).plus(-6)
        let scaled = polynomial.times(m).times(r).times(r).times(r)  // in this order, nothing underflows
        let curvature = scaled.times(Self.curvatureScale * sign).value
        return Jet(value: value(at: x), derivative: slope, secondDerivative: curvature)
    }
}

extension CatalogEntry {
    /// DL4J's rational tanh.
    public static let rationalTanh = CatalogEntry(
        name: "rational_tanh", family: .sigmoidal, aliases: ["rationaltanh"],
        formula: "y = 2x/3; f(x) = 1.7159*sign(y)*(1 - 1/(1 + |y| + y^2 + 1.41645*y^4))",
        notes: """
            DL4J's RATIONALTANH: LeCun's scaled tanh 1.7159·tanh(2x/3) replaced by a \
            rational approximation that needs no exponential. It is not tanh: at x = 1 it \
            gives 0.9982 where 1.7159·tanh(2/3) is 1.0000.
            """,
        smoothness: { _ in .twiceDifferentiable },
        naive: { _ in
            // DL4J's steps: y = 2x/3, its denominator, and the derivative 1 + 2|y| + 4·1.41645·|y|³
            // over the denominator squared.
            let (y, m) = ("(2*x/3)", "abs(2*x/3)")
            let denominator = "(1 + \(m) + \(y)^2 + 1.41645*\(y)^4)"
            return NaiveFormula(
                value: "1.7159*sign(\(y))*(1 - 1/\(denominator))",
                derivative: "1.7159*(2/3)*(1 + 2*\(m) + 5.6658*\(m)^3)/\(denominator)^2")
        },
        makeKernel: { _ in RationalTanh() })
}
