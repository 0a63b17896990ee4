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
/// 0; beyond |y| = 1e40 the leading terms of f′ and f″ are used.
struct RationalTanh: ScalarKernel {
    static let a = 1.7159
    static let c = 1.41645

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN { return x }
        let y = (2 * x) / 3
        let m = abs(y)
        let sign: Double = y > 0 ? 1 : y < 0 ? -1 : 0
        if m > 1 { return Self.a * sign * (1 - 1 / (1 + m + m * m + Self.c * (m * m) * (m * m))) }
        let part = m + m * m + Self.c * (m * m) * (m * m)
        return Self.a * sign * (part / (1 + part))
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let c = Self.c
        let y = (2 * x) / 3
        let m = abs(y)
        let sign: Double = y > 0 ? 1 : y < 0 ? -1 : 0
        if m > 1e40 {
            let m5 = m * m * m * m * m
            return Jet(
                value: value(at: x), derivative: Self.a * (2.0 / 3) * 4 / (c * m5),
                secondDerivative: -Self.a * (4.0 / 9) * sign * 20 / (c * m5 * m))
        }
        let m2 = m * m
        let a = 1 + m + m2 + c * m2 * m2
        let n = 1 + 2 * m + 4 * c * m2 * m
        let polynomial = -6 + (12 * c - 6) * m - 4 * c * m2 - 18 * c * m2 * m - 20 * c * c * m2 * m2 * m
        return Jet(
            value: value(at: x), derivative: Self.a * (2.0 / 3) * ((n / a) / a),
            secondDerivative: Self.a * (4.0 / 9) * sign * m * (((polynomial / a) / a) / a))
    }
}
