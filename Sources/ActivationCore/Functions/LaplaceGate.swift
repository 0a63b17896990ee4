/// The Laplace activation of MEGA: Φ((x − μ)/σ), a normal distribution function shifted and
/// narrowed to follow squared ReLU near 0 while staying bounded.
///
/// ```
/// z = (x − μ)/σ    f = Φ(z)    f′ = φ(z)/σ    f″ = −z·φ(z)/σ²
/// ```
/// * z is a double-double (x − μ exact, the division to 106 bits): in the left tail Φ(z) ≈ φ(z)/|z|
///   and an error in z becomes the relative error of f.
/// * Φ(z) = Q or 1 − Q with Q = e^{−a²/2}·R(a), a = |z|, R from GELU's tables of Mills' ratio
///   (within 0.3 ulp) for a ≤ 37.5, from its asymptotic series beyond; z's low part enters as
///   z_lo·φ(z). No `1 + erf`, which loses the whole left tail (transformers' laplace is 0 below
///   x ≈ −1.6, where f is still 1e-32).
/// * f′ and f″ are e^{−z²/2} (z² in double-double) times a double-double factor, rounded once.
struct LaplaceGate: ScalarKernel {
    var mu: Double
    var sigma: Double

    /// 1/√(2π) to 106 bits.
    private static let inverseSqrtTwoPi = DoubleDouble(0.3989422804014327, -2.49232720227773e-17)

    /// z = (x − μ)/σ.
    @inline(__always)
    private func standardized(_ x: Double) -> DoubleDouble {
        DoubleDouble.sum(x, -mu).divided(by: sigma)
    }

    /// Φ(z), rounded once, for |z.hi| ≤ 1e10.
    @inline(__always)
    static func distribution(_ z: DoubleDouble) -> Double {
        let a = abs(z.hi)
        let exponent = DoubleDouble.product(z.hi, z.hi).times(-0.5)
        if a > GaussianTables.limit {
            if z.hi > 0 { return 1 }
            // Φ(z) = φ(z_hi)·(R(a) + z_lo), R(a) = (aR(a))/a from the asymptotic series.
            let ratio = GaussianErrorLinear.tailRatio(a).divided(by: a).plus(z.lo)
            return DoubleDouble.scaledExp(exponent, times: ratio.times(inverseSqrtTwoPi))
        }
        let k = (a * GaussianTables.step).rounded()
        let t = a - k * (1 / GaussianTables.step)
        let r = GaussianTables.mills.withUnsafeBufferPointer { table in
            // 0 ≤ k ≤ 150: the rows the table holds.
            guard let rows = table.baseAddress else { return (high: Double.nan, low: Double.nan) }
            return GaussianTables.millsPolynomial(rows + Int(k) * GaussianTables.stride, t)
        }
        let e = DoubleDouble.exp(exponent)
        let tail = e.times(DoubleDouble.sum(r.high, r.low))  // Q(a) = Φ(−a)
        let density = e.times(inverseSqrtTwoPi)
        let phi = z.hi < 0 ? tail : DoubleDouble(1).minus(tail)
        return phi.plus(density.times(z.lo)).value
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN { return x }
        let z = standardized(x)
        if !(abs(z.hi) <= 1e10) { return z.hi > 0 ? 1 : 0 }
        return Self.distribution(z)
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let z = standardized(x)
        if !(abs(z.hi) <= 1e10) {
            return Jet(value: z.hi > 0 ? 1 : 0, derivative: 0, secondDerivative: z.hi > 0 ? -0.0 : 0)
        }
        let exponent = z.squared.times(-0.5)
        let density = Self.inverseSqrtTwoPi.divided(by: sigma)
        return Jet(
            value: Self.distribution(z), derivative: DoubleDouble.scaledExp(exponent, times: density),
            secondDerivative: DoubleDouble.scaledExp(exponent, times: density.times(z).divided(by: -sigma)))
    }
}

extension CatalogEntry {
    /// MEGA's Laplace attention activation, Φ((x − μ)/σ).
    public static let laplace: CatalogEntry = {
        let mu = Parameter.real(.mu, 0.707107, .finite, "μ, where f = ½")
        let sigma = Parameter.real(.sigma, 0.282095, .positive, "σ, the width of the rise")
        return CatalogEntry(
            name: "laplace", family: .sigmoidal, aliases: ["laplace_activation"],
            formula: "f(x) = Phi((x - mu)/sigma) = 0.5*(1 + erf((x - mu)/(sigma*sqrt(2))))",
            parameters: [mu, sigma],
            notes: """
                The Laplace function of MEGA (Ma et al. 2022), an attention activation that \
                replaces softmax: a normal distribution function whose μ = √½ and σ = √(1/4π) \
                (0.707107 and 0.282095, the paper's rounded values) make it match squared ReLU's \
                value and slope at √2, yet bounded in [0, 1] with a bounded gradient.
                """,
            smoothness: { _ in .smooth },
            naive: { a in
                let (m, s) = (NaiveFormula.literal(a[mu]), NaiveFormula.literal(a[sigma]))
                return NaiveFormula(
                    value: "0.5*(1 + erf((x - \(m))/(\(s)*1.4142135623730951)))",
                    derivative: "0.3989422804014327/\(s)*exp(-0.5*((x - \(m))/\(s))^2)")
            },
            makeKernel: { a in LaplaceGate(mu: a[mu], sigma: a[sigma]) })
    }()
}
