// Evidence: transformers 5.25's src/transformers/activations.py (ACT2CLS and each class's
// forward), run in float64 on torch (Scripts/check-transformers.py).

extension FrameworkPreset {
    /// The transformers activations whose ACT2CLS entry is a torch module or functional (nn.ReLU,
    /// nn.SiLU, nn.functional.gelu, …), not a Python composite: they run torch's kernels.
    static let transformersCallingTorch: Set<String> = [
        "gelu", "gelu_pytorch_tanh", "hardswish", "leaky_relu", "mish", "relu", "relu6", "sigmoid", "silu",
        "swish", "tanh",
    ]

    /// Hugging Face transformers' activations, as model configs name them.
    ///
    /// The `hidden_act` names (the keys of `ACT2CLS`), each also under its class's name. The
    /// modules are torch's, so the corner conventions are PyTorch's.
    static let transformers: [FrameworkPreset] = [
        .init(
            .transformers, "gelu", .gelu, aliases: ["GELUActivation"],
            parameters: ["approximate": .choice("none")], note: "nn.functional.gelu, the exact erf form"),
        .init(
            .transformers, "gelu_10", .clippedGELU, aliases: ["ClippedGELUActivation"],
            parameters: ["min_val": .real(-10), "max_val": .real(10)],
            parameterNames: ["min_val": "min", "max_val": "max"],
            note: "clip(gelu(x), −10, 10) (Q8BERT's, for int8): the lower bound never binds; gelu(10) rounds "
                + "to 10, and torch.clip passes no gradient at its bound, so f′(10) = 0"),
        .init(
            .transformers, "gelu_fast", .fastGELU, aliases: ["FastGELUActivation"],
            note: "0.5x(1 + tanh(0.7978845608·x(1 + 0.044715x·x))): √(2/π) truncated, so it differs from "
                + "gelu_new by up to 9.1e-13 (x ≈ ±1.33); compare transformers.gelu_new transformers.gelu_fast"
        ),
        .init(
            .transformers, "gelu_new", .gelu, aliases: ["NewGELUActivation"],
            parameters: ["approximate": .choice("tanh")],
            note:
                "the tanh form as GPT-2 wrote it, with math.sqrt(2/π) and torch.pow(x, 3.0): the same function "
                + "as gelu_pytorch_tanh"),
        .init(
            .transformers, "gelu_python", .gelu, parameters: ["approximate": .choice("none")],
            note: "GELUActivation(use_gelu_python=True): x·0.5·(1 + erf(x/√2)) written out in Python"),
        .init(
            .transformers, "gelu_pytorch_tanh", .gelu, aliases: ["GELUTanh", "PytorchGELUTanh"],
            parameters: ["approximate": .choice("tanh")], note: "nn.functional.gelu(approximate='tanh')"),
        .init(
            .transformers, "gelu_python_tanh", .gelu, parameters: ["approximate": .choice("tanh")],
            note: "GELUTanh(use_gelu_tanh_python=True): the tanh form written out in Python"),
        .init(
            .transformers, "gelu_accurate", .gelu, aliases: ["AccurateGELUActivation"],
            parameters: ["approximate": .choice("tanh")],
            note: "despite the name, the tanh form (MEGA's), with a precomputed √(2/π)"),
        .init(.transformers, "hardswish", .hardSwish, note: "nn.Hardswish"),
        .init(
            .transformers, "laplace", .laplace, aliases: ["LaplaceActivation"],
            note: "MEGA's 0.5(1 + erf((x − μ)/(σ√2))), μ = 0.707107, σ = 0.282095"),
        .init(
            .transformers, "leaky_relu", .leakyReLU, parameters: ["alpha": .real(0.01)],
            parameterNames: ["alpha": "negative_slope"], note: "nn.LeakyReLU"),
        .init(.transformers, "linear", .identity, aliases: ["LinearActivation"]),
        .init(.transformers, "mish", .mish, aliases: ["MishActivation"]),
        .init(
            .transformers, "quick_gelu", .gelu, aliases: ["QuickGELUActivation"],
            parameters: ["approximate": .choice("sigmoid")], note: "x·σ(1.702x), CLIP's"),
        .init(.transformers, "relu", .relu),
        .init(
            .transformers, "relu2", .squaredReLU, aliases: ["ReLUSquaredActivation"],
            note: "relu(x)², Primer's squared ReLU"),
        .init(.transformers, "relu6", .relu6),
        .init(.transformers, "sigmoid", .sigmoid),
        .init(.transformers, "silu", .silu, aliases: ["SiLUActivation"]),
        .init(.transformers, "swish", .silu),
        .init(.transformers, "tanh", .tanh),
        .init(
            .transformers, "prelu", .prelu, parameters: ["alpha": .real(0.25)],
            parameterNames: ["alpha": "init"],
            note: "nn.PReLU: init=0.25, learned"),
        .init(
            .transformers, "sqrtsoftplus", .sqrtSoftplus, aliases: ["SqrtSoftplusActivation"],
            note: "√softplus(x), DeepSeek V4's router score"),
        .init(
            .transformers, "xielu", .xielu, aliases: ["XIELUActivation"],
            parameters: [
                "alpha_p": .real(0.80078125), "alpha_n": .real(0.80078125), "beta": .real(0.5),
                "eps": .real(-9.98377799987793e-07),
            ],
            kink: .average,
            note: "what XIELUActivation() computes: αp and αn are stored as bfloat16 behind a softplus, "
                + "softplus(bf16(log(expm1(0.8)))) = 0.80078125 and β + softplus(bf16(log(expm1(0.3)))) = "
                + "0.80078125, and ε = bf16(−1e-6) = −9.98377799987793e-07; the catalog's xielu has the "
                + "nominal 0.8, 0.8, 0.5, −1e-6. min(x, ε) splits its gradient at the tie: f′(ε) is the average"
        ),
    ]
}
