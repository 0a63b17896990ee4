/// log(1 − e^{−|x|}) (TensorFlow Probability's `log1mexp`; Mächler's note on computing it),
/// or JAX's, which is NaN below 0.
///
/// ```
/// a = |x|    f = log(1 − e^{−a})    f′ = sgn(x)/expm1(a)    f″ = −e^a/expm1(a)² = −g(1 + g), g = 1/expm1(a)
/// ```
/// Neither `log(1 − exp(−x))` (−∞ below x ≈ 1.1e-16, and only absolutely accurate for large
/// x) nor one formula everywhere: below ln 2, log(−expm1(−x)); above, log1p(−e^{−x}), each
/// in double-double and rounded once; beyond x = 36, −e^{−x}(1 + e^{−x}/2) and its
/// derivatives, rounded once through the subnormal range. Below x = 2⁻⁶⁰, log x, 1/x and
/// −1/x². −∞ at 0, where f′ jumps from −∞ to +∞ (reported as +∞, JAX's value); with the
/// non-negative domain, NaN below 0.
struct LogOneMinusExponential: ScalarKernel {
    /// Whether x < 0 is outside the domain (JAX) rather than mirrored (TensorFlow Probability).
    var nonNegative: Bool

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN || (nonNegative && x < 0) { return .nan }
        return Self.value(abs(x))
    }

    /// f at a = |x| ≥ 0.
    @inline(__always)
    private static func value(_ x: Double) -> Double {
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
        if x.isNaN || (nonNegative && x < 0) { return Jet(nan: .nan) }
        if x == 0 {  // +0 and −0 alike
            return Jet(value: -.infinity, derivative: .infinity, secondDerivative: -.infinity)
        }
        let jet = Self.jet(abs(x))
        guard x < 0 else { return jet }
        return Jet(value: jet.value, derivative: -jet.derivative, secondDerivative: jet.secondDerivative)
    }

    /// f, f′ and f″ at a = |x| > 0.
    @inline(__always)
    private static func jet(_ x: Double) -> Jet {
        if x < 0x1p-60 {
            let slope = 1 / x  // 1/x − 1/2 + …
            return Jet(value: value(x), derivative: slope, secondDerivative: -slope / x)
        }
        if x > 36 {
            if x.isInfinite { return Jet(value: -0.0, derivative: 0, secondDerivative: -0.0) }
            let e = exp(-x)  // only as the small correction 1 + e, 1 + 2e
            let tail = DoubleDouble(-x)
            return Jet(
                value: value(x), derivative: DoubleDouble.scaledExp(tail, times: DoubleDouble(1).plus(e)),
                secondDerivative: DoubleDouble.scaledExp(tail, times: DoubleDouble(-1).plus(-2 * e)))
        }
        let slope = DoubleDouble.expm1(x).reciprocal
        let curvature = slope.plus(1).times(slope).negated  // −f′(1 + f′)
        return Jet(value: value(x), derivative: slope.value, secondDerivative: curvature.value)
    }
}

extension CatalogEntry {
    /// log(1 − e^{−|x|}); JAX's log1mexp with the non-negative domain.
    public static let log1mexp: CatalogEntry = {
        let domain = Parameter.choice(
            .domain, "even", ["even", "nonnegative"],
            "even: log(1 - e^-|x|); nonnegative: NaN below 0 (JAX)")
        return CatalogEntry(
            name: "log1mexp", family: .elementary, aliases: ["log_one_minus_exp"],
            formula: "f(x) = log(1 - e^-|x|)", parameters: [domain],
            notes: """
                The log-probability of the complement of an exponential event (log-space \
                survival functions, Gumbel tricks): log(1 − e^{−|x|}) as TensorFlow \
                Probability defines it, or with domain=nonnegative NaN below 0 as \
                jax.nn.log1mexp. −∞ at 0. Must switch formulas at ln 2 (Mächler): \
                log(1 − exp(−x)) is −∞ below x ≈ 1.1e-16.
                """,
            smoothness: { _ in .smooth }, corners: { _ in [0] },  // the pole, where f′ jumps
            naive: { a in
                let (u, du) = a.choice(domain) == "nonnegative" ? ("x", "") : ("abs(x)", "*sign(x)")
                return NaiveFormula(
                    value: "log(1 - exp(-\(u)))", derivative: "exp(-\(u))/(1 - exp(-\(u)))" + du)
            },
            makeKernel: { a in LogOneMinusExponential(nonNegative: a.choice(domain) == "nonnegative") })
    }()
}
