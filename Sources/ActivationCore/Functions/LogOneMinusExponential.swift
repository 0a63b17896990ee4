/// log(1 − e^{−x}) for x ≥ 0 (JAX's `log1mexp`; Mächler's note on computing it).
///
/// ```
/// f = log(1 − e^{−x})    f′ = 1/expm1(x)    f″ = −e^x/expm1(x)² = −f′·(1 + f′)
/// ```
/// Neither `log(1 − exp(−x))` (−∞ below x ≈ 1.1e-16, and only absolutely accurate for large
/// x) nor one formula everywhere: below ln 2, log(−expm1(−x)); above, log1p(−e^{−x}), each
/// in double-double and rounded once; beyond x = 36, −e^{−x}(1 + e^{−x}/2) and its
/// derivatives, rounded once through the subnormal range. Below x = 2⁻⁶⁰, log x, 1/x and
/// −1/x². NaN for x < 0, −∞ (f′ = +∞) at 0.
struct LogOneMinusExponential: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x < 0x1p-60 { return log(x) }  // log x − x/2, the second term below 2⁻⁶⁰ of the first
        if x <= 0.693_147_180_559_945_3 { return DoubleDouble.log(DoubleDouble.expm1(-x).negated).value }
        if x <= 36 { return DoubleDouble.log1p(DoubleDouble.exp(-x).negated).value }
        if x > 700 {  // −e^{−x}, subnormal from 708
            return x.isInfinite ? -0.0 : DoubleDouble.scaledExp(DoubleDouble(-x), times: DoubleDouble(-1))
        }
        let e = DoubleDouble.exp(-x)
        return e.plus(0.5 * e.hi * e.hi).negated.value  // −(e + e²/2), e³/3 below 2⁻¹⁵⁰ of it
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN || x < 0 { return Jet(nan: .nan) }
        if x == 0 {  // +0 and −0 alike
            return Jet(value: -.infinity, derivative: .infinity, secondDerivative: -.infinity)
        }
        if x < 0x1p-60 {
            let slope = 1 / x  // 1/x − 1/2 + …
            return Jet(value: value(at: x), derivative: slope, secondDerivative: -slope / x)
        }
        if x > 36 {
            if x.isInfinite { return Jet(value: -0.0, derivative: 0, secondDerivative: -0.0) }
            let e = exp(-x)  // only as the small correction 1 + e, 1 + 2e
            let tail = DoubleDouble(-x)
            return Jet(
                value: value(at: x), derivative: DoubleDouble.scaledExp(tail, times: DoubleDouble(1).plus(e)),
                secondDerivative: DoubleDouble.scaledExp(tail, times: DoubleDouble(-1).plus(-2 * e)))
        }
        let slope = DoubleDouble.expm1(x).reciprocal
        let curvature = slope.plus(1).times(slope).negated  // −f′(1 + f′)
        return Jet(value: value(at: x), derivative: slope.value, secondDerivative: curvature.value)
    }
}

extension CatalogEntry {
    /// log(1 − e^{−x}), JAX's log1mexp.
    static let log1mexp = CatalogEntry(
        name: "log1mexp", family: .elementary, aliases: ["log_one_minus_exp"],
        formula: "f(x) = log(1 - e^-x), x >= 0",
        notes: """
            The log-probability of the complement of an exponential event, log(1 − e^{−x}) \
            (jax.nn.log1mexp): for log-space survival functions and Gumbel tricks. Defined \
            for x ≥ 0: −∞ at 0, NaN below (TensorFlow Probability's log1mexp takes |x| \
            instead). Must switch formulas at ln 2 (Mächler): log(1 − exp(−x)) is −∞ below \
            x ≈ 1.1e-16.
            """,
        hasKinks: false, smoothness: { _ in .smooth }, makeKernel: { _ in LogOneMinusExponential() })
}
