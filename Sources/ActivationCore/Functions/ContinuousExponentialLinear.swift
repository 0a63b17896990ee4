/// CELU: max(0, x) + min(0, α·(e^{x/α} − 1)), continuously differentiable for every α.
///
/// ```
/// f = x, α·expm1(x/α)    f′ = 1, e^{x/α}    f″ = 0, e^{x/α}/α
/// ```
/// x/α is carried to 106 bits (its remainder comes from a fused multiply-add), so e^{x/α}
/// keeps full relative accuracy deep in either tail, and f is rounded once from double-double
/// (`DoubleDouble.expm1`, or α·e^{x/α} from its scaled form where that alone would overflow, as
/// for α < 0). f″(0) follows the kink convention.
struct ContinuousExponentialLinear: FastPathKernel {
    var alpha: Double
    var kink: KinkConvention

    /// x/α to 106 bits.
    @inline(__always)
    private func quotient(_ x: Double) -> DoubleDouble {
        let q = x / alpha
        // Beyond |q| = 1e4, e^q is 0 or ∞ whatever the remainder (which is then huge).
        guard abs(q) < 1e4 else { return DoubleDouble(q) }
        return DoubleDouble(q, x.addingProduct(-q, alpha) / alpha)
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if x > 0 { return x }
        if let fast = fastValueAndSlope(at: x) { return fast.value }
        if x.isNaN || x == 0 { return x }
        let q = quotient(x)
        // x + x²/(2α) + …: below 2⁻⁵⁰ q itself may be subnormal, and inexact
        if abs(q.hi) < 0x1p-50 { return x + (x * (x / alpha)) * 0.5 }
        if q.hi < -40 { return (-alpha).addingProduct(alpha, exp(q.hi)) }  // e^q < 2⁻⁵⁷: −α + α·e^q
        if q.hi > 700 { return DoubleDouble.scaledExp(q, times: DoubleDouble(alpha)) }  // α·e^q, α ≪ it
        // α·(expm1(q) + e^q·δ), in double-double
        let m = DoubleDouble.expm1(q.hi)
        return m.plus(m.plus(1).times(q.lo)).times(alpha).value
    }

    /// α(e^q − 1) and e^q for q = x/α in [−650, −1/4] (α > 0 and normal) from
    /// ``FastPath/exp(_:)``, where their bounds decide the rounding.
    ///
    /// e^q is taken at q's high part and moved by its low part (e^q·(1 + q.lo), the next term
    /// below 2⁻¹⁰⁰): within 2⁻⁶⁵ relative, so e^q − 1 (at least 0.22 in size) is within 2⁻⁶³ of
    /// it, as for ELU. Both are checked with a factor of 2 to spare.
    @inline(__always)
    func fastValueAndSlope(at x: Double) -> (value: Double, slope: Double)? {
        guard x < 0, alpha > 0x1p-900, alpha < 0x1p900 else { return nil }
        let q = quotient(x)
        guard q.hi <= -0.25, q.hi >= -650 else { return nil }
        let raw = FastPath.exp(q.hi)
        let e = DoubleDouble(raw.hi, raw.lo + raw.hi * q.lo)
        let m = DoubleDouble.quickSum(-1, e.hi)
        let f = FastPath.product(DoubleDouble(alpha), DoubleDouble(m.hi, m.lo + e.lo))
        guard let value = FastPath.decided(f.hi, f.lo, error: 0x1p-61 * abs(f.hi)),
            let slope = FastPath.decided(e.hi, e.lo, error: 0x1p-62 * e.hi)
        else { return nil }
        return (value, slope)
    }

    @inline(__always)
    func fullJet(at x: Double) -> Jet {
        if x > 0 { return Jet(value: x, derivative: 1, secondDerivative: 0) }
        if x.isNaN { return Jet(nan: x) }
        if x == 0 {
            return Jet(value: x, derivative: 1, secondDerivative: kink.pick(inside: 0, outside: 1 / alpha))
        }
        let q = quotient(x)
        return Jet(
            value: value(at: x), derivative: DoubleDouble.scaledExp(q, times: DoubleDouble(1)),
            secondDerivative: DoubleDouble.scaledExp(q, times: DoubleDouble(1).divided(by: alpha)))
    }
}

extension CatalogEntry {
    /// CELU: ELU rescaled so that f′ is continuous for every α.
    public static let celu: CatalogEntry = {
        let alpha = Parameter.real(.alpha, 1, .nonZero, "the negative saturation value is -alpha")
        return CatalogEntry(
            name: "celu", family: .exponentialLinear,
            formula: "f(x) = max(0, x) + min(0, alpha*(e^(x/alpha) - 1))",
            parameters: [alpha],
            notes: """
                ELU rescaled so that f′ is continuous for every α (Barron 2017). Keras on \
                TensorFlow reports f′(0) = 2, an artefact of its max/min gradient rule.
                """,
            hasKinks: true, smoothness: { _ in .differentiable }, corners: { _ in [0] },
            naive: { a in
                let alpha = NaiveFormula.literal(a[alpha])
                return NaiveFormula(
                    value: "max(0, x) + min(0, \(alpha)*(exp(x/\(alpha)) - 1))",
                    derivative: "max(sign(x), 0) + max(-sign(x), 0)*exp(x/\(alpha))")
            },
            makeKernel: { a in ContinuousExponentialLinear(alpha: a[alpha], kink: a.kink) })
    }()
}
