/// TensorFlow 2.21 eager on CPU, and Keras 3.15's functions on its TensorFlow backend, from their
/// source: `tensorflow/core/kernels/*_op.h` (the Eigen kernels: Relu, Elu, Selu, Softplus,
/// Softsign, LeakyRelu and their Grad kernels), Eigen's `scalar_logistic_op` and
/// `scalar_tanh_gradient_op`, `tensorflow/python/ops/math_grad.py` and `nn_grad.py` (the
/// registered gradients), `nn_ops.py` (gelu), `nn_impl.py` (silu's custom gradient),
/// `math_ops.py` (log_sigmoid = −softplus(−x)) and `keras/src/backend/tensorflow/nn.py`.
///
/// Every operation is a kernel of its own, computed in float32 and rounded to the format
/// (Eigen's bfloat16 and half arithmetic), with float32 subnormals flushed (TensorFlow runs
/// its CPU kernels with FTZ and DAZ). f′ is the tape's: each op's registered gradient in
/// reverse, the gradients reaching x summed as they arrive (the last consumer's first).
extension FrameworkKernel {
    /// The presets of TensorFlow (tf.nn, tf.math) and Keras with a kernel here, by function
    /// name within each framework.
    static let tensorFlowEntries: [Framework: [CatalogEntry]] = [
        .tf: [
            .sigmoid, .tanh, .relu, .relu6, .leakyReLU, .gelu, .silu, .softplus, .elu, .selu, .logSigmoid,
            .softsign,
        ],
        // Keras 3 on its TensorFlow backend: its own composites, and the rest calling tf.nn.
        .keras: [
            .mish, .celu, .hardSwish, .hardSigmoid, .sigmoid, .tanh, .relu, .relu6, .leakyReLU, .gelu, .silu,
            .softplus, .elu, .selu, .logSigmoid, .softsign,
        ],
    ]

    /// TensorFlow's kernel for a tf or keras preset's function in a format.
    static func tensorFlow(_ function: Activation, _ format: NumberFormat) -> FrameworkKernel? {
        guard let framework = function.preset?.framework,
            tensorFlowEntries[framework]?.contains(where: { $0.name == function.entry.name }) == true
        else { return nil }
        guard keepsFrameworkParameters(function, honouring: [.leakyReLU, .gelu, .celu]) else { return nil }
        guard
            var kernel = tfSmooth(function, format) ?? tfExponential(function, format)
                ?? tfPiecewise(function, format) ?? kerasComposite(function, format)
        else { return nil }
        if framework == .keras && kernel.framework == .tf, let preset = function.preset {
            // keras.activations.relu, sigmoid, gelu, …: the backend calls tf.nn's op.
            kernel = FrameworkKernel(
                .keras, kernel.value, kernel.derivative,
                source: "\(preset.qualifiedName) calls TensorFlow (keras/src/backend/tensorflow/nn.py): "
                    + kernel.source, flushesFloat32Subnormals: true)
        }
        guard format == .float16, let residue = eigenResidue[function.entry.name] else { return kernel }
        return kernel.with(residue: residue)
    }

    /// Where Eigen's float32 exp, tanh and expm1 (its own polynomials) decide a float16 result
    /// that the correctly rounded functions put on the other side of a rounding boundary,
    /// measured at every float16 input.
    private static let eigenResidue: [String: String] = [
        CatalogEntry.sigmoid.name: "Eigen's float32 exp: f at x = 0.00729752 and 0.0226898 an ulp higher",
        CatalogEntry.silu.name:
            "Eigen's float32 exp: f and f′ at x = 0.00729752, f at 0.0226898, an ulp higher",
        CatalogEntry.softplus.name:
            "Eigen's float32 exp: f and f′ at x = 0.00729752 and 0.0226898 an ulp higher",
        CatalogEntry.logSigmoid.name:
            "Eigen's float32 exp: f and f′ at x = −0.00729752 and −0.0226898 an ulp off",
        CatalogEntry.mish.name:
            "Eigen's float32 exp and tanh: f at x = 0.0226898 and −3.54688, f′ at 0.0226898, an ulp off",
        CatalogEntry.tanh.name: "Eigen's float32 tanh returns x at x = ±0.0283966, an ulp above tanh(x)",
        CatalogEntry.celu.name: "Eigen's float32 expm1: f at x = −0.663086 an ulp off",
    ]

    /// A TensorFlow kernel: every operation in the format, float32 subnormals flushed.
    private static func eigen(
        _ value: String, _ derivative: String, _ source: String, framework: Framework = .tf
    ) -> FrameworkKernel {
        FrameworkKernel(
            framework, Step(value, .format), Step(derivative, .format), source: source,
            flushesFloat32Subnormals: true)
    }

    /// Eigen's logistic for bfloat16 and half: e/(1 + e) with e = exp(u), 1 where e is +∞.
    private static func logistic(_ u: String = "x") -> String {
        "(exp(\(u)) == exp(\(u))*2 && \(u) > 0 ? 1 : exp(\(u))/(1 + exp(\(u))))"
    }

    /// TensorFlow's Softplus kernel: x above −t, exp(x) below t, else log1p(exp(x)), with
    /// t = log(ε) + 2 computed in the format, ε as Eigen's NumTraits give it (2⁻¹³ for half,
    /// its raw 0x0800, not the format's 2⁻¹⁰).
    private static func softplus(_ u: String, _ format: NumberFormat) -> String {
        let epsilon = Double.pow2(format == .float16 ? -13 : -format.fractionBits)
        let t = NaiveFormula.literal(format.rounded(format.rounded(log(epsilon)) + 2))
        return "(\(u) > -\(t) ? \(u) : (\(u) < \(t) ? exp(\(u)) : log1p(exp(\(u)))))"
    }

    /// Eigen's cwiseMax(u, 0): for bfloat16 and half as std::max writes it, u < 0 ? 0 : u, so −0
    /// stays −0 and a DAZ'd subnormal is read as ±0 (the product with 1 is that read); float32
    /// packets take MAXPS, which returns the +0 for a zero or a DAZ'd subnormal.
    private static func maxZero(_ u: String, _ format: NumberFormat) -> String {
        format == .float32 ? "(\(u) > 0 ? \(u) : 0)" : "(\(u) < 0 ? 0 : \(u)*1)"
    }

    /// Eigen's cwiseMin(u, 0), 0 < u ? 0 : u (MINPS for float32 packets), read the same way.
    private static func minZero(_ u: String, _ format: NumberFormat) -> String {
        format == .float32 ? "(\(u) < 0 ? \(u) : 0)" : "(0 < \(u) ? 0 : \(u)*1)"
    }

    /// sigmoid, tanh, silu, softplus, log_sigmoid and gelu.
    private static func tfSmooth(_ function: Activation, _ format: NumberFormat) -> FrameworkKernel? {
        switch function.entry.name {
        case CatalogEntry.sigmoid.name:
            return eigen(
                logistic(), "y*(1 - y)", "Sigmoid (Eigen scalar_logistic_op); SigmoidGrad: dy·y·(1 − y)")
        case CatalogEntry.tanh.name:
            return eigen("tanh(x)", "1 - y*y", "Tanh; TanhGrad: dy·(1 − y·y)")
        case CatalogEntry.silu.name:
            // Custom gradient: σ·(1 + x·(1 − σ)), σ recomputed by the Sigmoid kernel.
            return eigen(
                "x*\(logistic())", "\(logistic())*(1 + x*(1 - \(logistic())))",
                "tf.nn.silu = x·sigmoid(x) with its custom gradient (nn_impl.py)")
        case CatalogEntry.softplus.name:
            return eigen(
                softplus("x", format), logistic(), "Softplus; SoftplusGrad: dy·sigmoid(x) (Eigen's logistic)")
        case CatalogEntry.logSigmoid.name:
            // −softplus(−x): SoftplusGrad gives −1·σ(−x), the negation σ(−x).
            return eigen(
                "-\(softplus("(-x)", format))", logistic("(-x)"),
                "tf.math.log_sigmoid = −softplus(−x); SoftplusGrad through the negations")
        case CatalogEntry.gelu.name:
            return tfGELU(function, format)
        default:
            return nil
        }
    }

    /// elu and selu: exp(x) − 1 in the format, their Grad kernels reading the output.
    private static func tfExponential(_ function: Activation, _ format: NumberFormat) -> FrameworkKernel? {
        switch function.entry.name {
        case CatalogEntry.elu.name:
            return eigen(
                "x < 0 ? exp(x) - 1 : x", "y < 0 ? y + 1 : 1", "Elu: exp(x) − 1; EluGrad: (y + 1)·dy below 0")
        case CatalogEntry.selu.name:
            let scale = NaiveFormula.literal(1.0507009873554804934193349852946)
            let scaleAlpha = NaiveFormula.literal(1.7580993408473768599402175208123)
            return eigen(
                "x < 0 ? \(scaleAlpha)*(exp(x) - 1) : \(scale)*x", "y < 0 ? y + \(scaleAlpha) : \(scale)",
                "Selu: λα·(exp(x) − 1), λ·x; SeluGrad: dy·(y + λα) below 0")
        default:
            return nil
        }
    }

    /// relu, relu6, leaky_relu (oneDNN's on x86) and softsign.
    private static func tfPiecewise(_ function: Activation, _ format: NumberFormat) -> FrameworkKernel? {
        switch function.entry.name {
        case CatalogEntry.relu.name:
            return eigen(maxZero("x", format), "x > 0 ? 1 : 0", "Relu: cwiseMax(0); ReluGrad: dy·(x > 0)")
        case CatalogEntry.relu6.name:
            return eigen(
                format == .float32 ? "x > 0 ? (x < 6 ? x : 6) : 0" : "x < 0 ? 0 : (6 < x ? 6 : x*1)",
                "x > 0 && x < 6 ? 1 : 0",
                "Relu6: cwiseMax(0).cwiseMin(6); Relu6Grad: dy·(0 < x < 6)")
        case CatalogEntry.leakyReLU.name:
            let alpha = NaiveFormula.literal(Double(Float(function.parameter(.alpha)?.number ?? .nan)))
            return eigen(
                "x > 0 ? x : x*\(alpha)", "x > 0 ? 1 : \(alpha)",
                "LeakyRelu (alpha a float32 attribute); LeakyReluGrad")
        case CatalogEntry.softsign.name:
            return eigen(
                "x/(abs(x) + 1)", "1/((abs(x) + 1)*(abs(x) + 1))", "Softsign; SoftsignGrad: dy/(|x| + 1)²")
        default:
            return nil
        }
    }

    /// Keras 3's mish, celu, hard_sigmoid and hard_silu: TensorFlow ops differentiated by the tape.
    private static func kerasComposite(_ function: Activation, _ format: NumberFormat) -> FrameworkKernel? {
        switch function.entry.name {
        case CatalogEntry.mish.name:
            // x·tanh(softplus(x)): the Mul gives t, then TanhGrad and SoftplusGrad give the rest.
            let t = "tanh(\(softplus("x", format)))"
            return eigen(
                "x*\(t)", "\(t) + x*(1 - \(t)*\(t))*\(logistic())",
                "keras.activations.mish = x·tanh(softplus(x)) (Mish.static_call)", framework: .keras)
        case CatalogEntry.celu.name:
            // maximum(x, 0) + α·expm1(minimum(x, 0)/α); Minimum's gradient reaches x first, and
            // both take the tie: f′(0) = 2.
            let alpha = literal(function, .alpha)
            return eigen(
                "\(maxZero("x", format)) + \(alpha)*expm1(\(minZero("x", format))/\(alpha))",
                "(x <= 0 ? \(alpha)*exp(\(minZero("x", format))/\(alpha))/\(alpha) : 0) + (x >= 0 ? 1 : 0)",
                "keras celu (backend/tensorflow/nn.py); math_grad's Maximum, Minimum (ties to x), Expm1",
                framework: .keras)
        case CatalogEntry.hardSigmoid.name:
            return eigen(
                "min(max(x + 3, 0), 6)/6", "x + 3 > 0 && x + 3 < 6 ? 1/6 : 0",
                "keras hard_sigmoid = relu6(x + 3)/6; RealDiv, Relu6Grad", framework: .keras)
        case CatalogEntry.hardSwish.name:
            return eigen(
                "x*(min(max(x + 3, 0), 6)/6)",
                "min(max(x + 3, 0), 6)/6 + (x + 3 > 0 && x + 3 < 6 ? x/6 : 0)",
                "keras hard_silu = x·hard_sigmoid(x)", framework: .keras)
        default:
            return nil
        }
    }

    /// tf.nn.gelu: 0.5·x·erfc(−x·√½), or the tanh form with pow(x, 3).
    private static func tfGELU(_ function: Activation, _ format: NumberFormat) -> FrameworkKernel? {
        let form = geluForm(function, default: .none)
        switch form {
        case .sigmoid:
            return nil
        case .none:
            // Erfc's gradient dy·(−2/√π)·exp(−m²), through Mul by √½ and Neg; then Mul's 0.5·erfc.
            let m = "(-x*\(NaiveFormula.literal(0.5.squareRoot())))"
            let c = NaiveFormula.literal(-2 / Double.pi.squareRoot())
            return eigen(
                "0.5*x*erfc(\(m))",
                "-((0.5*x)*\(c)*exp(-(\(m)*\(m)))*\(NaiveFormula.literal(0.5.squareRoot()))) "
                    + "+ 0.5*erfc(\(m))",
                "tf.nn.gelu (approximate=False) = 0.5·x·erfc(−x·√½); math_grad's Erfc, Mul, Neg")
        case .tanh:
            // Gradients reach x from the first Mul (0.5·u), the Add (H) and the Pow ((κ·H)·3·x²),
            // summed in the order the tape's ready ops give them.
            let c = NaiveFormula.literal(0.7978845608028654)
            let t = "tanh(\(c)*(x + 0.044715*pow(x, 3)))"
            let h = "(\(c)*((0.5*x)*(1 - \(t)*\(t))))"
            return eigen(
                "0.5*x*(1 + \(t))", "0.5*(1 + \(t)) + \(h) + 0.044715*\(h)*3*pow(x, 2)",
                "tf.nn.gelu (approximate=True), pow(x, 3); math_grad's Tanh, Pow, Mul, Add")
        }
    }
}
