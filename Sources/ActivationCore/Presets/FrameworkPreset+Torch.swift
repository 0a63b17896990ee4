// Evidence: each framework's sources, and values measured in float64 with its autograd.

extension FrameworkPreset {
    /// PyTorch: `torch.nn` classes and their `torch.nn.functional` twins, with PyTorch's defaults
    /// and its derivative at corners (the active piece open: leaky_relu′(0) = α, hardtanh′(±1) = 0).
    static let torch: [FrameworkPreset] = [
        .init(.torch, "Identity", .identity),
        .init(
            .torch, "Threshold", .threshold,
            note: "torch.nn.Threshold(threshold, value) has no defaults; 0, 0 here"),
        .init(.torch, "ReLU", .relu),
        .init(.torch, "RReLU", .rrelu, note: "evaluation mode: slope (lower + upper)/2 = 11/48"),
        .init(
            .torch, "Hardtanh", .hardtanh, note: "f′(±1) = 0 (backward uses x <= min_val or x >= max_val)"),
        .init(.torch, "ReLU6", .relu6),
        .init(
            .torch, "Sigmoid", .sigmoid, aliases: ["expit"],
            note: "PyTorch's backward is y(1 − y): 0 for x ≥ 37 (true 8.5e-17); torch.special.expit too"),
        .init(
            .torch, "Hardsigmoid", .hardSigmoid,
            note: "PyTorch's CPU backward uses the float32 slope 0.1666666716337204 even for float64"),
        .init(.torch, "Tanh", .tanh, note: "PyTorch's backward is 1 − y²: 0 for |x| ≥ 19.1"),
        .init(.torch, "SiLU", .silu),
        .init(.torch, "Mish", .mish),
        .init(
            .torch, "Hardswish", .hardSwish,
            note: "f′(−3) = 0 and f′(3) = 1 since PyTorch 2.7 (−0.5 and 1.5 before)"),
        .init(.torch, "ELU", .elu),
        .init(.torch, "CELU", .celu),
        .init(
            .torch, "SELU", .selu,
            note: "f′(0) = λα = 1.7580993408473768, the exact product; PyTorch multiplies the rounded λ "
                + "and α and gives "
                + "1.7580993408473766 (1 ulp lower)"),
        .init(
            .torch, "GELU", .gelu, parameters: ["approximate": .choice("none")],
            note:
                "PyTorch computes ½x(1 + erf(x/√2)): −0.0 below x ≈ −8.4 (true gelu(−10) = −7.6e-23); on CPU "
                + "in bfloat16 and float32 it runs oneDNN's eltwise_gelu_erf instead: −0 below x = −5.5426 "
                + "(gelu(−5.5625) = −7.4e-8), NaN at ±∞, and, in bfloat16, f′ = 0 from x = −6.15625 (true −1.4e-8); 1.3 % of "
                + "bfloat16 inputs' f and 25 % of their f′ are over an ulp from the truth (measured with torch 2.15)"
        ),
        .init(.torch, "Hardshrink", .hardshrink, parameterNames: ["lambda": "lambd"]),
        .init(
            .torch, "LeakyReLU", .leakyReLU, parameters: ["alpha": .real(0.01)],
            parameterNames: ["alpha": "negative_slope"]),
        .init(.torch, "LogSigmoid", .logSigmoid),
        .init(
            .torch, "Softplus", .softplus, parameters: ["beta": .real(1), "threshold": .real(20)],
            note: "returns x when beta·x > 20: a jump of 2.1e-9 at x = 20, and f′ = 1 above it"),
        .init(.torch, "Softshrink", .softshrink, parameterNames: ["lambda": "lambd"]),
        .init(
            .torch, "PReLU", .prelu, parameters: ["alpha": .real(0.25)], parameterNames: ["alpha": "init"],
            note: "init=0.25, learned per channel"),
        .init(.torch, "Softsign", .softsign),
        .init(.torch, "Tanhshrink", .tanhshrink, note: "PyTorch computes x − tanh x: 0 for x = 1e-8"),
        .init(.torch, "Softmin", .softmin),
        .init(.torch, "Softmax", .softmax),
        .init(
            .torch, "Softmax2d", .softmax,
            note: "softmax over the channels of a (N, C, H, W) or (C, H, W) input, at each pixel"),
        .init(.torch, "LogSoftmax", .logSoftmax),
        .init(.torch, "GLU", .glu),
        .init(
            .torch, "heaviside", .binaryStep, parameterNames: ["at_zero": "values"],
            note:
                "torch.heaviside(x, values) takes the value at 0 as an argument; its derivative is not implemented"
        ),
    ]
}
