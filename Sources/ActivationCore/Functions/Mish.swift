/// Mish: x·tanh(softplus(x)).
///
/// ```
/// t = tanh(softplus x)     f = x·t     f′ = t + x·σ(x)·s     f″ = σ(x)·s·(2 + x·(σ(−x) − 2tσ(x)))
/// s = sech²(softplus x) = 1 − t²
/// ```
/// t and s are rational in w = e^{−x} (x ≥ 0) or u = e^x (x < 0), so nothing overflows
/// and nothing cancels:
/// ```
/// x ≥ 0:  t = (1 + 2w)/(1 + 2w + 2w²)       s = (2w(1 + w)/(1 + 2w + 2w²))²
/// x < 0:  t = u(u + 2)/(u(u + 2) + 2)         s = (2(1 + u)/(u(u + 2) + 2))²
/// ```
/// Below x = −700, f, f′ and f″ are e^x times a factor, rounded once (exact through the
/// subnormal range). Taylor series about the zero of f′ (x ≈ −1.1924) and the zeros of
/// f″ (x ≈ −2.2564, 1.4906).
struct Mish: FastPathKernel {
    @inline(__always)
    func value(at x: Double) -> Double {
        if let fast = fastValueAndSlope(at: x) { return fast.value }
        if x.isNaN || x > 40 { return x }  // 1 − tanh(softplus(40)) < 2⁻¹¹⁵
        if x < -700 {
            return x.isInfinite ? -0.0 : DoubleDouble.scaledExp(DoubleDouble(x), times: DoubleDouble(x))
        }
        return Self.gate(x).t.times(x).value
    }

    /// tanh(softplus(x)), sech(softplus(x)) (divided by e^{−x} for x ≥ 0, which may underflow),
    /// σ(x), σ(−x) and that factor, in double-double: for x ≥ 0 with w = e^{−x},
    /// t = (1 + 2w)/(1 + 2w(1 + w)) and sech = 2(1 + w)/(1 + 2w(1 + w)); below, with u = e^x and
    /// n = u(u + 2), t = n/(n + 2) and sech = 2(1 + u)/(n + 2).
    @inline(__always)
    private static func gate(_ x: Double) -> (
        t: DoubleDouble, sech: DoubleDouble, sigmoid: DoubleDouble, complement: DoubleDouble,
        tail: DoubleDouble
    ) {
        if x >= 0 {
            let w = DoubleDouble.exp(-x)
            let onePlusW = w.plus(1)
            let scale = onePlusW.times(w).times(2).plus(1).reciprocal
            let sigmoid = onePlusW.reciprocal
            return (
                w.times(2).plus(1).times(scale), onePlusW.times(2).times(scale), sigmoid,
                w.times(sigmoid), w
            )
        }
        let u = DoubleDouble.exp(x)
        let onePlusU = u.plus(1)
        let n = u.plus(2).times(u)
        let scale = n.plus(2).reciprocal
        let complement = onePlusU.reciprocal
        let sech = onePlusU.times(2).times(scale)
        return (n.times(scale), sech, u.times(complement), complement, DoubleDouble(1))
    }

    /// f = x·t and f′ = t + x·σ(x)·s for 0 < |x| ≤ 40 from ``FastPath``, where their bounds
    /// decide the rounding.
    ///
    /// The rational forms above in e^{−|x|} (within 2⁻⁶⁵), each sum, product and quotient
    /// corrected to 2⁻¹⁰⁰: t, s and σ are within 2⁻⁶², f within that relatively, and f′
    /// within 2⁻⁶¹·(|t| + |x·σ·s|), which grows near f′'s zero until the double-double path with
    /// its series takes over. Both are checked with a factor of 2 to spare.
    @inline(__always)
    func fastValueAndSlope(at x: Double) -> (value: Double, slope: Double)? {
        guard x != 0, abs(x) <= 40 else { return nil }
        let e = FastPath.exp(-abs(x))
        let head = DoubleDouble.quickSum(1, e.hi)
        let onePlus = DoubleDouble(head.hi, head.lo + e.lo)
        let t, s, sigmoid: DoubleDouble
        if x > 0 {
            // w = e: t = (1 + 2w)/(1 + 2w(1 + w)), sech = 2w(1 + w)/(same), σ = 1/(1 + w)
            let twoWOnePlus = FastPath.product(DoubleDouble(2 * e.hi, 2 * e.lo), onePlus)
            let denominator = FastPath.sum(DoubleDouble(1), twoWOnePlus)
            let numerator = FastPath.sum(DoubleDouble(1), DoubleDouble(2 * e.hi, 2 * e.lo))
            t = FastPath.quotient(numerator, denominator)
            let sech = FastPath.quotient(twoWOnePlus, denominator)
            s = FastPath.product(sech, sech)
            sigmoid = FastPath.quotient(DoubleDouble(1), onePlus)
        } else {
            // u = e: n = u(u + 2), t = n/(n + 2), sech = 2(1 + u)/(n + 2), σ = u/(1 + u)
            let n = FastPath.product(e, FastPath.sum(e, DoubleDouble(2)))
            let denominator = FastPath.sum(n, DoubleDouble(2))
            t = FastPath.quotient(n, denominator)
            let sech = FastPath.quotient(DoubleDouble(2 * onePlus.hi, 2 * onePlus.lo), denominator)
            s = FastPath.product(sech, sech)
            sigmoid = FastPath.quotient(e, onePlus)
        }
        let fh = t.hi * x
        let bend = FastPath.product(FastPath.product(sigmoid, s), DoubleDouble(x))
        let g = FastPath.sum(t, bend)
        guard
            let f = FastPath.decided(fh, (-fh).addingProduct(t.hi, x) + t.lo * x, error: 0x1p-61 * abs(fh)),
            let slope = FastPath.decided(g.hi, g.lo, error: 0x1p-60 * (abs(t.hi) + abs(bend.hi)))
        else { return nil }
        return (f, slope)
    }

    @inline(__always)
    func fullJet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if x.isInfinite {
            return Jet(selfGatedLimitAt: x)
        }
        if x < -700 {
            let v = DoubleDouble(x)
            return Jet(
                value: DoubleDouble.scaledExp(v, times: v),
                derivative: DoubleDouble.scaledExp(v, times: v.plus(1)),
                secondDerivative: DoubleDouble.scaledExp(v, times: v.plus(2)))
        }
        let (t, sech, sigmoid, complement, tail) = Self.gate(x)
        let s = sech.times(tail).squared  // 1 − t² (underflows beyond x ≈ 354, where x·σ·s < 2⁻⁶⁰⁰)
        let slope: Double
        if RootSeries.mishDerivative.contains(x) {
            slope = RootSeries.mishDerivative.evaluate(x)
        } else {
            slope = sigmoid.times(s).times(x).plus(t).value
        }
        let curvature: Double
        if RootSeries.mishSecondDerivativeLeft.contains(x) {
            curvature = RootSeries.mishSecondDerivativeLeft.evaluate(x)
        } else if RootSeries.mishSecondDerivativeRight.contains(x) {
            curvature = RootSeries.mishSecondDerivativeRight.evaluate(x)
        } else {
            // σ·sech²·(2 + x(σ(−x) − 2tσ)); for x ≥ 0 sech² is (sech·e^{−x})², the e^{−2x} applied last
            let bracket = complement.minus(t.times(sigmoid).times(2)).times(x).plus(2)
            let factor = sigmoid.times(bracket).times(sech.squared)
            if x < 0 {
                curvature = factor.value
            } else if x < 300 {
                curvature = factor.times(tail.squared).value
            } else {  // e^{−2x} alone would be subnormal
                curvature = DoubleDouble.scaledExp(DoubleDouble(-2 * x), times: factor)
            }
        }
        return Jet(value: t.times(x).value, derivative: slope, secondDerivative: curvature)
    }
}

extension CatalogEntry {
    /// Mish, x·tanh(softplus(x)).
    public static let mish = CatalogEntry(
        name: "mish", family: .selfGated, formula: "f(x) = x*tanh(softplus(x))",
        notes: """
            A smooth, non-monotonic self-gated function (Misra 2019), close to SiLU \
            (minimum −0.3088 at x = −1.1924), used in YOLOv4. Costs an exponential and \
            a few divisions.
            """,
        smoothness: { _ in .smooth },
        naive: { _ in
            NaiveFormula(
                value: "x*tanh(log(1 + exp(x)))",
                derivative: "tanh(log(1 + exp(x))) + x*(1 - tanh(log(1 + exp(x)))^2)/(1 + exp(-x))")
        },
        makeKernel: { _ in Mish() })
}
