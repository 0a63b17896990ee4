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
/// 0; beyond |y| = 1e40 the leading terms of f′ and f″ are used. y = 2x/3 is not exact:
/// its rounding error e = (2x − 3y)/3 is corrected to first order (f += (3/2)f′·e,
/// f′ += (3/2)f″·e), since f′ falls like y⁻⁵ and would otherwise inherit five times it.
struct RationalTanh: ScalarKernel {
    static let a = 1.7159
    static let c = 1.41645
    /// A·2/3 and A·4/9, correctly rounded.
    static let slopeScale = 1.1439333333333332
    static let curvatureScale = 0.7626222222222222

    /// The rounding error of y = 2x/3 (exact: 2x − 3y is computed by a fused multiply-add).
    @inline(__always)
    static func remainder(_ x: Double, _ y: Double) -> Double {
        guard abs(y) < 1e300 else { return 0 }
        return (-3 * y).addingProduct(2, x) / 3
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN { return x }
        let y = (2 * x) / 3
        let m = abs(y)
        let sign: Double = y > 0 ? 1 : y < 0 ? -1 : 0
        return Self.rawValue(m, sign) + 1.5 * Self.remainder(x, y) * rawSlope(m)
    }

    @inline(__always)
    private static func rawValue(_ m: Double, _ sign: Double) -> Double {
        if m > 1 { return a * sign * (1 - 1 / (1 + m + m * m + c * (m * m) * (m * m))) }
        let part = m + m * m + c * (m * m) * (m * m)
        return a * sign * (part / (1 + part))
    }

    /// f′ without the correction for y's rounding.
    @inline(__always)
    private func rawSlope(_ m: Double) -> Double {
        if m > 1e40 { return Self.slopeScale * 4 / (Self.c * (m * m * m * m * m)) }
        let m2 = m * m
        let a = 1 + m * (1 + m * (1 + Self.c * m2))
        let n = 1 + m * (2 + 4 * Self.c * m2)
        return Self.slopeScale * ((n / a) / a)
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let c = Self.c
        let y = (2 * x) / 3
        let m = abs(y)
        let sign: Double = y > 0 ? 1 : y < 0 ? -1 : 0
        let curvature: Double
        if m > 1e40 {
            curvature = -Self.curvatureScale * sign * 20 / (c * (m * m * m * m * m * m))
        } else {
            let m2 = m * m
            let a = 1 + m * (1 + m * (1 + c * m2))
            let polynomial = -6 + m * ((12 * c - 6) - m * (4 * c + m * (18 * c + 20 * c * c * m2)))
            curvature = Self.curvatureScale * sign * m * (((polynomial / a) / a) / a)
        }
        let e = Self.remainder(x, y)
        return Jet(
            value: value(at: x), derivative: rawSlope(m) + 1.5 * e * curvature,
            secondDerivative: curvature)
    }
}

extension CatalogEntry {
    /// DL4J's rational tanh.
    static let rationalTanh = CatalogEntry(
        name: "rational_tanh", family: .sigmoidal, aliases: ["rationaltanh"],
        formula: "y = 2x/3; f(x) = 1.7159*sign(y)*(1 - 1/(1 + |y| + y^2 + 1.41645*y^4))",
        notes: """
            DL4J's RATIONALTANH: LeCun's scaled tanh 1.7159·tanh(2x/3) replaced by a \
            rational approximation that needs no exponential. It is not tanh: at x = 1 it \
            gives 0.9982 where 1.7159·tanh(2/3) is 1.0000.
            """,
        smoothness: { _ in .twiceDifferentiable }, makeKernel: { _ in RationalTanh() })
}
