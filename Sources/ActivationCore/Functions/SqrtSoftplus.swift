/// √softplus(x), DeepSeek V4's router score.
///
/// ```
/// s = softplus(x)    f = √s    f′ = σ(x)/(2f)    f″ = σ(x)·(2σ(−x)·s − σ(x))/(4s·f)
/// ```
/// * softplus and σ(±x) are double-double (``PreciseLogisticPair``, one e^{−|x|}), the square
///   root one Newton step from the double one, each result rounded once.
/// * Below x = −80, s = eˣ(1 − eˣ/2 + …) is eˣ to 10⁻³⁴ relative: f = e^{x/2}, f′ = e^{x/2}/2 and
///   f″ = e^{x/2}/4, each rounded once through the subnormal range (and s·f, which underflows
///   from x ≈ −460, is never formed).
/// * f″ has a zero near x ≈ 0.86 where 2σ(−x)·s and σ(x) cancel; within about 1e-8 of it the
///   error follows double-double's 2⁻⁷⁵ and can exceed a few ulps.
struct SqrtSoftplus: ScalarKernel {
    /// √v as a double-double: the double root and one Newton step, (v − r²)/(2r).
    @inline(__always)
    private static func squareRoot(_ v: DoubleDouble) -> DoubleDouble {
        let r = v.hi.squareRoot()
        let residual = v.minus(DoubleDouble.product(r, r))
        return DoubleDouble.sum(r, residual.hi / (2 * r))
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN { return x }
        if x == .infinity { return x }
        if x < -80 { return scaledExp(0.5 * x, times: 1) }
        return Self.squareRoot(DoubleDouble.softplus(DoubleDouble(x))).value
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if x == .infinity { return Jet(value: x, derivative: 0, secondDerivative: -0.0) }
        if x < -80 {
            return Jet(
                value: scaledExp(0.5 * x, times: 1), derivative: scaledExp(0.5 * x, times: 0.5),
                secondDerivative: scaledExp(0.5 * x, times: 0.25))
        }
        let pair = PreciseLogisticPair(x)
        let s = DoubleDouble.softplus(DoubleDouble(x), exponential: pair.exponential)
        let f = Self.squareRoot(s)
        if x > 1e200 {  // s·f would overflow; f′ = 1/(2√x) and f″ = −1/(4x√x) to double precision
            return Jet(value: f.value, derivative: 0.5 / f.hi, secondDerivative: -0.25 / f.hi / s.hi)
        }
        let numerator = pair.negative.times(s).times(2).minus(pair.positive)
        return Jet(
            value: f.value, derivative: pair.positive.divided(by: f.times(2)).value,
            secondDerivative: pair.positive.times(numerator).divided(by: s.times(f).times(4)).value)
    }
}

extension CatalogEntry {
    /// √softplus(x), DeepSeek V4's router score function.
    public static let sqrtSoftplus = CatalogEntry(
        name: "sqrt_softplus", family: .smoothRectifier, aliases: ["sqrtsoftplus"],
        formula: "f(x) = sqrt(log(1 + exp(x)))",
        notes: """
            The square root of softplus: DeepSeek V4 scores its mixture-of-experts router with \
            it instead of a sigmoid or softmax. Positive and unbounded like softplus, but growing \
            like √x, so large logits are damped; e^{x/2} in the left tail.
            """,
        smoothness: { _ in .smooth },
        naive: { _ in
            NaiveFormula(
                value: "sqrt(log(1 + exp(x)))", derivative: "1/(1 + exp(-x))/(2*sqrt(log(1 + exp(x))))")
        },
        makeKernel: { _ in SqrtSoftplus() })
}
