#if canImport(Glibc)
    import Glibc
#endif

/// GELU, exact form: x·Φ(x), with Φ the standard normal distribution.
///
/// ```
/// f = x·Φ(x) = ½x·erfc(−x/√2)    f′ = Φ(x) + x·φ(x)    f″ = φ(x)·(2 − x²)
/// ```
/// * Φ comes from `erfc` with −x/√2 carried to 106 bits, never from `1 + erf`, which
///   underflows below x ≈ −8.4 (PyTorch's gelu(−10) is −0.0; the true value is −7.6e-23).
/// * φ uses x² split exactly, so e^{−x²/2} keeps full relative accuracy in the tails.
/// * Below x = −20, Φ(x) = φ(x)·R(−x) with Mills' ratio R by its continued fraction, so
///   f, f′ and f″ stay exact down to their underflow near x = −38.6.
/// * f′ has a zero at x ≈ −0.7518 where Φ and x·φ cancel: there a Taylor series about the
///   zero is used. f″ = φ·(√2 − |x|)(√2 + |x|) with √2 to 106 bits, exact through ±√2.
struct GaussianErrorLinear: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double {
        if x < -20 { return x.isInfinite ? -0.0 : gaussian(x, times: x * millsRatio(-x)) }
        if x.isInfinite { return x }
        return x * normalDistribution(x)
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if x.isInfinite {
            return Jet(selfGatedLimitAt: x)
        }
        let m = abs(x)
        let curvatureFactor = m < 1 ? 2 - x * x : ((sqrtTwo.hi - m) + sqrtTwo.lo) * (sqrtTwo.hi + m)
        if x >= -20 && x <= 30 {
            // Where φ is a normal number, one exponential serves φ, f′, f″ and the erfc correction.
            let p = x * x
            let density = exp(-0.5 * p) * (1 - 0.5 * (-p).addingProduct(x, x)) * inverseSqrtTwoPi
            let z = inverseSqrtTwo.times(-x)
            // Φ = ½erfc(zh + zl) = ½erfc(zh) − zl·(1/√π)·e^{−zh²}, and e^{−zh²} = √(2π)·φ to first order.
            let cdf = 0.5 * erfc(z.hi) - z.lo * sqrtTwo.hi * density
            let slope =
                RootSeries.geluDerivative.contains(x)
                ? RootSeries.geluDerivative.evaluate(x) : cdf + x * density
            return Jet(value: x * cdf, derivative: slope, secondDerivative: density * curvatureFactor)
        }
        let curvature = gaussian(x, times: curvatureFactor)
        if x < -20 {
            let r = millsRatio(-x)
            return Jet(
                value: gaussian(x, times: x * r), derivative: gaussian(x, times: r + x),
                secondDerivative: curvature)
        }
        // x > 30: φ may be subnormal, so it keeps the split exponential; f′ has no zero here.
        let cdf = normalDistribution(x)
        return Jet(value: x * cdf, derivative: cdf + x * gaussian(x), secondDerivative: curvature)
    }
}
