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
struct Mish: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double {
        if x >= 0 {
            let w = exp(-x)
            return x * (1 + 2 * w) / (1 + 2 * w * (1 + w))
        }
        if x < -700 { return x.isInfinite ? -0.0 : scaledExp(x, times: x) }
        let u = exp(x)
        let n = u * (u + 2)
        return x * (n / (n + 2))
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if x.isInfinite {
            return Jet(selfGatedLimitAt: x)
        }
        if x < -700 {
            return Jet(
                value: scaledExp(x, times: x), derivative: scaledExp(x, times: 1 + x),
                secondDerivative: scaledExp(x, times: 2 + x))
        }
        let t: Double
        let sech: Double  // √s
        let sigmoid: Double
        let complement: Double  // σ(−x)
        let tail: Double  // the factor that may underflow: w for x ≥ 0, 1 otherwise
        if x >= 0 {
            let w = exp(-x)
            let d = 1 + 2 * w * (1 + w)
            t = (1 + 2 * w) / d
            sech = 2 * (1 + w) / d
            tail = w
            sigmoid = 1 / (1 + w)
            complement = w * sigmoid
        } else {
            let u = exp(x)
            let n = u * (u + 2)
            t = n / (n + 2)
            sech = 2 * (1 + u) / (n + 2)
            tail = 1
            complement = 1 / (1 + u)
            sigmoid = u * complement
        }
        let s = (sech * tail) * (sech * tail)
        let slope: Double
        if RootSeries.mishDerivative.contains(x) {
            slope = RootSeries.mishDerivative.evaluate(x)
        } else {
            slope = t + x * sigmoid * s
        }
        let curvature: Double
        if RootSeries.mishSecondDerivativeLeft.contains(x) {
            curvature = RootSeries.mishSecondDerivativeLeft.evaluate(x)
        } else if RootSeries.mishSecondDerivativeRight.contains(x) {
            curvature = RootSeries.mishSecondDerivativeRight.evaluate(x)
        } else {
            let bracket = 2 + x * (complement - 2 * t * sigmoid)
            curvature = tail == 0 ? 0 : ((sigmoid * sech * sech * bracket) * tail) * tail
        }
        return Jet(value: x * t, derivative: slope, secondDerivative: curvature)
    }
}

extension CatalogEntry {
    /// Mish, x·tanh(softplus(x)).
    static let mish = CatalogEntry(
        name: "mish", family: .selfGated, formula: "f(x) = x*tanh(softplus(x))",
        notes: """
            A smooth, non-monotonic self-gated function (Misra 2019), close to SiLU \
            (minimum −0.3088 at x = −1.1924), used in YOLOv4. Costs an exponential and \
            a few divisions.
            """,
        smoothness: { _ in .smooth }, makeKernel: { _ in Mish() })
}
