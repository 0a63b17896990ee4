/// PyTorch 2.15's CPU kernels, from its source: `aten/src/ATen/native/cpu/Activation.cpp`
/// (forward and backward kernels of the activations), `UnaryOpsKernel.cpp` (sigmoid, tanh),
/// `BinaryOpsKernel.cpp` (sigmoid_backward, tanh_backward), `TensorCompare.cpp` (clamp) and
/// `tools/autograd/derivatives.yaml` (the rules autograd chains through composites).
///
/// The reduced-precision kernels (bfloat16, float16) convert to float32, evaluate, and convert
/// back once ("opmath"), a product fused into the sum that takes it (GCC's -ffp-contract=fast
/// turns the vectorised `1 - y*y` into one FMA), exp as Sleef's; a Half backward that is plain
/// Vectorized<Half> arithmetic rounds every operation instead (sigmoid_backward). Constants are
/// float32 (`opmath_t`).
extension FrameworkKernel {
    /// The catalog functions torch's presets compute that have a kernel here.
    static let torchEntries: [CatalogEntry] = [
        .sigmoid, .tanh, .relu, .relu6, .leakyReLU, .gelu, .silu, .mish, .softplus, .elu, .celu, .selu,
        .hardSwish, .hardSigmoid, .logSigmoid, .softsign,
    ]

    /// M_2_SQRTPI · M_SQRT1_2 · 0.5 and M_SQRT2 · M_2_SQRTPI · 0.5 in double, as the kernels
    /// compute them before storing them as float32.
    private static let geluBeta = (
        erf: 2 / Double.pi.squareRoot() * 0.5.squareRoot() * 0.5,
        tanh: 2.0.squareRoot() * (2 / Double.pi.squareRoot()) * 0.5
    )

    /// torch's kernel for a preset's function in a format.
    static func torch(_ function: Activation, _ format: NumberFormat, _ isa: InstructionSet = .avx512)
        -> FrameworkKernel?
    {
        // Parameters torch has are honoured; others must keep the preset's values.
        guard
            keepsFrameworkParameters(function, honouring: [.leakyReLU, .gelu, .softplus, .elu, .celu, .selu])
        else { return nil }
        return torchSmooth(function, format, isa) ?? torchPiecewise(function) ?? torchComposite(function)
    }

    /// A kernel whose f and f′ are both float32 opmath.
    private static func opmath(_ value: String, _ derivative: String, _ source: String) -> FrameworkKernel {
        FrameworkKernel(.torch, Step(value, .float32), Step(derivative, .float32), source: source)
    }

    /// The smooth functions' kernels (UnaryOpsKernel.cpp, Activation.cpp).
    private static func torchSmooth(_ function: Activation, _ format: NumberFormat, _ isa: InstructionSet)
        -> FrameworkKernel?
    {
        switch function.entry.name {
        case CatalogEntry.sigmoid.name:
            // Vectorized<Half> arithmetic for f16 (every operation rounded); bfloat16 in float32.
            return FrameworkKernel(
                .torch, Step("1/(1 + exp(-x))", .float32),
                Step("(1 - y)*y", format == .float16 ? .format : .float32),
                source: "sigmoid_kernel (UnaryOpsKernel.cpp); sigmoid_backward_kernel on the stored y")
        case CatalogEntry.tanh.name:
            return opmath("tanh(x)", "1 - y*y", "tanh_kernel; tanh_backward_kernel on the stored y")
        case CatalogEntry.silu.name:
            return opmath(
                "x/(1 + exp(-x))", "1/(1 + exp(-x))*(1 + x*(1 - 1/(1 + exp(-x))))",
                "silu_kernel; silu_backward_kernel")
        case CatalogEntry.mish.name:
            return opmath(
                "x*tanh(log1p(exp(x)))",
                "tanh(log1p(exp(x))) + x*(1/(1 + exp(-x)))*(1 - tanh(log1p(exp(x)))*tanh(log1p(exp(x))))",
                "mish_kernel; mish_backward_kernel"
            )
        case CatalogEntry.softplus.name:
            let (beta, threshold) = (literal(function, .beta), literal(function, .threshold))
            return opmath(
                "x*\(beta) > \(threshold) ? x : log1p(exp(x*\(beta)))/\(beta)",
                "x*\(beta) > \(threshold) ? 1 : exp(x*\(beta))/(exp(x*\(beta)) + 1)",
                "softplus_kernel; softplus_backward_kernel"
            )
        case CatalogEntry.gelu.name:
            return torchGELU(function, format, isa)
        case CatalogEntry.elu.name:
            return torchELU(alpha: literal(function, .alpha), scale: "1", inputScale: "1")
        case CatalogEntry.celu.name:
            // celu(x, α) = elu(x, α, scale 1, input_scale 1/α), 1/α computed in double.
            let alpha = function.parameter(.alpha)?.number ?? .nan
            return torchELU(
                alpha: literal(function, .alpha), scale: "1", inputScale: NaiveFormula.literal(1 / alpha))
        case CatalogEntry.selu.name:
            return torchELU(
                alpha: literal(function, .alpha), scale: literal(function, .lambda), inputScale: "1")
        default:
            return nil
        }
    }

    /// The piecewise-linear functions' kernels: clamps and their backward masks.
    private static func torchPiecewise(_ function: Activation) -> FrameworkKernel? {
        switch function.entry.name {
        case CatalogEntry.relu.name:
            // clamp_min: std::max(x, 0) keeps −0 and NaN; threshold_backward is 0 where x ≤ 0.
            return opmath("x < 0 ? 0 : x", "x <= 0 ? 0 : 1", "clamp_min; threshold_backward(grad, x, 0)")
        case CatalogEntry.relu6.name:
            return opmath(
                "x < 0 ? 0 : (6 < x ? 6 : x)", "x <= 0 || x >= 6 ? 0 : 1",
                "hardtanh (clamp to [0, 6]); hardtanh_backward")
        case CatalogEntry.leakyReLU.name:
            let slope = literal(function, .alpha)
            return opmath(
                "x > 0 ? x : x*\(slope)", "x > 0 ? 1 : \(slope)",
                "leaky_relu_kernel; leaky_relu_backward_kernel")
        case CatalogEntry.hardSwish.name:
            return opmath(
                "x*min(max(x + 3, 0), 6)/6", "x <= -3 ? 0 : (x < 3 ? x/3 + 0.5 : 1)",
                "hardswish_kernel; hardswish_backward_kernel")
        case CatalogEntry.hardSigmoid.name:
            return opmath(
                "min(max(x + 3, 0), 6)/6",
                "x > -3 && x < 3 ? \(NaiveFormula.literal(Double(Float(1) / 6))) : 0",
                "hardsigmoid_kernel; hardsigmoid_backward_kernel (one_sixth = 1.0f/6)")
        default:
            return nil
        }
    }

    /// log_sigmoid's kernel with its saved buffer, and softsign, autograd through a composite.
    private static func torchComposite(_ function: Activation) -> FrameworkKernel? {
        switch function.entry.name {
        case CatalogEntry.logSigmoid.name:
            // The forward saves exp(−|x|) in the input's format; the backward reads it there.
            return FrameworkKernel(
                .torch, Step("min(x, 0) - log1p(exp(-abs(x)))", .float32),
                saved: Step("exp(-abs(x))", .float32),
                Step("(x < 0 ? 1 : 0) - (x < 0 ? 1 : -1)*(y/(1 + y))", .float32),
                source: "log_sigmoid_cpu_kernel (buffer = exp(−|x|)); log_sigmoid_backward_cpu_kernel",
                residue:
                    "Sleef's float32 exp gives 0 where e^−|x| is below about 1.5·2⁻¹⁴⁹ (x ≥ 102.9): there f is "
                    + "+0 where the formula's −2⁻¹⁴⁹ rounds to −0 (2 bfloat16 and 18 float16 inputs, sign only)"
            )
        case CatalogEntry.softsign.name:
            // No kernel: x/(1 + |x|) as tensor operations; autograd's rules for div (grad/d and
            // −grad·((x/d)/d)) and abs (grad·sgn x), summed into x's gradient.
            return FrameworkKernel(
                .torch, Step("x/(1 + abs(x))", .format),
                Step("1/(1 + abs(x)) + (-(x/(1 + abs(x))/(1 + abs(x))))*sign(x)", .format),
                source: "torch.nn.functional.softsign (x / (1 + x.abs())); derivatives.yaml: div, abs")
        default:
            return nil
        }
    }

    /// elu_kernel and elu_backward_kernel (is_result false): negcoef = α·scale and the other
    /// coefficients as float32.
    private static func torchELU(alpha: String, scale: String, inputScale: String) -> FrameworkKernel {
        let negcoef = "(\(alpha)*\(scale))"
        return FrameworkKernel(
            .torch, Step("x <= 0 ? expm1(x*\(inputScale))*\(negcoef) : x*\(scale)", .float32),
            Step("x <= 0 ? \(inputScale)*\(negcoef)*exp(x*\(inputScale)) : \(scale)", .float32),
            source: "elu_kernel; elu_backward_kernel (is_result = false)")
    }

    /// GeluKernelImpl and GeluBackwardKernelImpl, erf or tanh form (nil for the sigmoid form,
    /// which torch does not have).
    private static func torchGELU(_ function: Activation, _ format: NumberFormat, _ isa: InstructionSet)
        -> FrameworkKernel?
    {
        let form = geluForm(function, default: .none)
        // torch has no sigmoid form.
        if form == .sigmoid { return nil }
        if form == .tanh {
            let (beta, kappa) = (NaiveFormula.literal(geluBeta.tanh), "0.044715")
            let inner = "\(beta)*(x + \(kappa)*(x*x*x))"
            return FrameworkKernel(
                .torch, Step("0.5*x*(1 + tanh(\(inner)))", .float32),
                Step(
                    "0.5*(1 + tanh(\(inner))) + 0.5*x*(1 - tanh(\(inner))*tanh(\(inner)))"
                        + "*(\(beta)*(1 + 3*\(kappa)*(x*x)))", .float32),
                source: "GeluKernelImpl, GeluBackwardKernelImpl (approximate = tanh)",
                residue:
                    "Sleef's float32 tanh returns −1 a step early near x = −5.1 (4 bfloat16 inputs; 25 float16 "
                    + "inputs' f and 25 of their f′, in the tail)")
        }
        let alpha = NaiveFormula.literal(0.5.squareRoot())
        let beta = NaiveFormula.literal(geluBeta.erf)
        let value = Step("x*0.5*(1 + erf(x*\(alpha)))", .float32)
        let derivative = Step("0.5*(1 + erf(x*\(alpha))) + x*(\(beta)*exp(x*x*(-0.5)))", .float32)
        // gelu_out_cpu → use_onednn: float32, and bfloat16 on a machine with AVX512-BF16.
        if format == .float32 || (format == .bfloat16 && isa == .avx512) {
            return FrameworkKernel(
                .torch, value, derivative,
                source: "gelu_out_cpu and gelu_backward_out_cpu → oneDNN eltwise_gelu_erf (use_onednn)",
                routine: isa == .avx512 ? .oneDNNGELUErf : .oneDNNGELUErfAVX2)
        }
        // float16, and bfloat16 without AVX512-BF16: ATen's own kernel, with its vectorised erf
        // (Abramowitz–Stegun 7.1.26; vec256's is the same computation as vec512's).
        return FrameworkKernel(
            .torch, value, derivative,
            source: "GeluKernelImpl, GeluBackwardKernelImpl (approximate = none); Vectorized<float>::erf "
                + "(vec512_float.h)",
            usesATenErf: true)
    }
}

extension FrameworkKernel {
    /// The kernel with a residue noted.
    func with(residue: String) -> FrameworkKernel {
        FrameworkKernel(
            framework, value, saved: saved, derivative, source: source, residue: residue,
            flushesFloat32Subnormals: flushesFloat32Subnormals, float32Arguments: float32Arguments,
            routine: routine,
            usesATenErf: usesATenErf)
    }
}
