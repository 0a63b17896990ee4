/// GELU, exact form: x·Φ(x), with Φ the standard normal distribution.
///
/// ```
/// f = x·Φ(x) = ½x·erfc(−x/√2)    f′ = Φ(x) + x·φ(x)    f″ = φ(x)·(2 − x²)
/// ```
/// * For |x| ≤ 37.5 the scalar and the batch entry points both run ``GELUBatchKernel``: Φ and φ
///   from one exponential (x² split exactly) and a table polynomial, never from `1 + erf`,
///   which underflows below x ≈ −8.4 (PyTorch's gelu(−10) is −0.0; the true value is
///   −7.6e-23). The two entry points agree bit for bit.
/// * f′ has a zero at x ≈ −0.7518 where Φ and x·φ cancel: there a Taylor series about the
///   zero is used. f″ = φ·(√2 − |x|)(√2 + |x|) with √2 to 106 bits, exact through ±√2.
/// * Below x = −37.5, Φ(x) = φ(x)·R(−x) with Mills' ratio R by its asymptotic series, and
///   f, f′ and f″ are e^{−x²/2} (x² exact) times a double-double factor, rounded once, so they
///   stay faithful down to their underflow near x = −38.6. Above 37.5, f = x and f′ = 1 once
///   rounded, and f″ is the same scaled exponential as it falls to subnormal numbers.
struct GaussianErrorLinear: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double {
        if abs(x) <= GELUBatchKernel.limit {
            var (x, f) = (x, 0.0)
            GELUBatchKernel.evaluate(&x, count: 1, values: &f, slopes: nil, curvatures: nil)
            return f
        }
        if x.isInfinite { return x < 0 ? -0.0 : x }
        return x < 0 ? Self.tailDensity(x, times: Self.tailRatio(-x).negated) : x * normalDistribution(x)
    }

    /// 1/√(2π) to 106 bits.
    private static let inverseSqrtTwoPi = DoubleDouble(0.3989422804014327, -2.49232720227773e-17)

    /// a·φ(x) rounded once (through the subnormal range), for |x| > 37.5: e^{−x²/2} with x²
    /// exact, times a/√(2π) in double-double.
    @inline(__always)
    private static func tailDensity(_ x: Double, times a: DoubleDouble) -> Double {
        let exponent = DoubleDouble.product(x, x).times(-0.5)
        return DoubleDouble.scaledExp(exponent, times: a.times(inverseSqrtTwoPi))
    }

    /// t·R(t) for t ≥ 37.5, R Mills' ratio (1 − Φ(t))/φ(t), to about 2⁻⁹⁰: the asymptotic series
    /// 1 − u + 3u² − 15u³ + … (u = 1/t²), whose tenth term is below 2⁻⁷⁵ there.
    @inline(__always)
    static func tailRatio(_ t: Double) -> DoubleDouble {
        let u = DoubleDouble(1).divided(by: t).squared
        var tail = 0.0  // 3u² − 15u³ + 105u⁴ − … in double, (−1)^k (2k − 1)!! uᵏ for k = 2…9
        for coefficient in [-34_459_425.0, 2_027_025, -135_135, 10395, -945, 105, -15, 3] {
            tail = tail * u.hi + coefficient
        }
        return DoubleDouble(1).minus(u).plus(tail * u.hi * u.hi)
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if abs(x) <= GELUBatchKernel.limit {
            var (x, jet) = (x, Jet(value: 0, derivative: 0, secondDerivative: 0))
            GELUBatchKernel.evaluate(
                &x, count: 1, values: &jet.value, slopes: &jet.derivative, curvatures: &jet.secondDerivative)
            return jet
        }
        if x.isNaN { return Jet(nan: x) }
        if x.isInfinite { return Jet(selfGatedLimitAt: x) }
        // f″ = φ(x)·(2 − x²); below −37.5 f = −φ(x)·tR(t) and f′ = φ(x)·(R(t) − t) for t = −x;
        // above 37.5, f = x and f′ = 1 once rounded (x·(1 − Φ(x)) < 2⁻¹⁰⁰⁰·x).
        let curvature = Self.tailDensity(x, times: DoubleDouble(2).minus(DoubleDouble.product(x, x)))
        if x < 0 {
            let scaled = Self.tailRatio(-x)
            let ratio = scaled.divided(by: -x)
            return Jet(
                value: Self.tailDensity(x, times: scaled.negated),
                derivative: Self.tailDensity(x, times: ratio.plus(x)), secondDerivative: curvature)
        }
        return Jet(value: x, derivative: 1, secondDerivative: curvature)
    }
}

extension GaussianErrorLinear {
    /// The batch loop: ``GELUBatchKernel`` over the whole batch, then, if it met any, the scalar
    /// code for the points beyond its range (|x| > 37.5, ±∞, NaN).
    func evaluate(
        _ input: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>,
        derivatives: UnsafeMutableBufferPointer<Double>?,
        secondDerivatives: UnsafeMutableBufferPointer<Double>?
    ) {
        guard let x = input.baseAddress, let f = values.baseAddress else { return }
        let allWithin = GELUBatchKernel.evaluate(
            x, count: input.count, values: f, slopes: derivatives?.baseAddress,
            curvatures: secondDerivatives?.baseAddress)
        if allWithin { return }
        evaluatePointwise(
            input, at: input.indices.lazy.filter { !(input[$0].magnitude <= GELUBatchKernel.limit) },
            values: values, derivatives: derivatives, secondDerivatives: secondDerivatives)
    }
}

extension CatalogEntry {
    /// GELU's three forms, as its `approximate` parameter names them.
    enum GELUForm: String, CaseIterable {
        /// x·Φ(x) (``GaussianErrorLinear``).
        case none
        /// The tanh approximation (``TanhApproximateGELU``).
        case tanh
        /// x·σ(1.702x) (``SigmoidLinear``).
        case sigmoid
    }

    /// GELU: exact, or its tanh or sigmoid approximation.
    public static let gelu: CatalogEntry = {
        let approximate = Parameter.choice(
            .approximate, GELUForm.none.rawValue, GELUForm.allCases.map(\.rawValue),
            "exact, or one of two approximations")
        return CatalogEntry(
            name: "gelu", family: .selfGated, aliases: ["gaussian_error_linear_unit"],
            formula: "exact: f(x) = x*Phi(x); tanh: x/2*(1 + tanh(sqrt(2/pi)*(x + 0.044715*x^3))); "
                + "sigmoid: x*sigmoid(1.702*x)",
            parameters: [approximate],
            notes: """
                The transformer activation (BERT, GPT): x weighted by the probability that a \
                standard normal is below x. Frameworks differ on the default form: exact in \
                PyTorch, TensorFlow and keras.activations; tanh in JAX and keras.ops; \
                x·σ(1.702x) in DL4J. The tanh form is within 4.7e-4 of the exact one.
                """,
            smoothness: { _ in .smooth },
            naive: { a in
                switch GELUForm(rawValue: a.choice(approximate)) ?? .none {
                case .none:
                    NaiveFormula(
                        value: "0.5*x*(1 + erf(x*0.7071067811865476))",
                        derivative: "0.5*(1 + erf(x*0.7071067811865476)) + x*0.3989422804014327*exp(-0.5*x^2)"
                    )
                case .tanh:
                    NaiveFormula(
                        value: "0.5*x*(1 + tanh(0.7978845608028654*(x + 0.044715*x^3)))",
                        derivative: "0.5*(1 + tanh(0.7978845608028654*(x + 0.044715*x^3)))"
                            + " + 0.5*x*(1 - tanh(0.7978845608028654*(x + 0.044715*x^3))^2)"
                            + "*0.7978845608028654*(1 + 0.134145*x^2)")
                case .sigmoid:
                    NaiveFormula(
                        value: "x/(1 + exp(-1.702*x))",
                        derivative: "1/(1 + exp(-1.702*x))*(1 + 1.702*x*(1 - 1/(1 + exp(-1.702*x))))")
                }
            },
            makeKernel: { a in
                switch GELUForm(rawValue: a.choice(approximate)) ?? .none {
                case .none: GaussianErrorLinear()
                case .tanh: TanhApproximateGELU()
                // 1.702 to 106 bits: it is not a double.
                case .sigmoid: SigmoidLinear(beta: DoubleDouble(1.702, 4.263256414560601e-17))
                }
            })
    }()
}
