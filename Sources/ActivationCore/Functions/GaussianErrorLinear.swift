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
/// * Below x = −37.5, Φ(x) = φ(x)·R(−x) with Mills' ratio R by its continued fraction, so
///   f, f′ and f″ stay exact down to their underflow near x = −38.6. Above 37.5, Φ(x) rounds
///   to 1 and φ keeps the split exponential as it falls to subnormal numbers.
struct GaussianErrorLinear: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double {
        if abs(x) <= GELUBatchKernel.limit {
            var (x, f) = (x, 0.0)
            GELUBatchKernel.evaluate(&x, count: 1, values: &f, slopes: nil, curvatures: nil)
            return f
        }
        if x.isInfinite { return x < 0 ? -0.0 : x }
        return x < 0 ? gaussian(x, times: x * millsRatio(-x)) : x * normalDistribution(x)
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
        let m = abs(x)
        let curvature = gaussian(x, times: ((sqrtTwo.hi - m) + sqrtTwo.lo) * (sqrtTwo.hi + m))
        if x < 0 {
            let r = millsRatio(-x)
            return Jet(
                value: gaussian(x, times: x * r), derivative: gaussian(x, times: r + x),
                secondDerivative: curvature)
        }
        let cdf = normalDistribution(x)
        return Jet(value: x * cdf, derivative: cdf + x * gaussian(x), secondDerivative: curvature)
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
    static let gelu: CatalogEntry = {
        let approximate = Parameter.choice(
            "approximate", GELUForm.none.rawValue, GELUForm.allCases.map(\.rawValue),
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
