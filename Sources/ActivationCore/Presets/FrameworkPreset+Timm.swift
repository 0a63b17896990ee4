// Evidence: timm 1.0.31's timm/layers/create_act.py (_ACT_LAYER_DEFAULT) and activations.py,
// run in float64 on torch (Scripts/check-timm.py).

extension FrameworkPreset {
    /// The timm activations get_act_layer resolves to a torch module or functional.
    static let timmCallingTorch: Set<String> = [
        "silu", "swish", "mish", "relu", "relu6", "leaky_relu", "elu", "celu", "selu", "gelu", "gelu_tanh",
        "sigmoid", "tanh", "hard_sigmoid", "hard_swish",
    ]

    /// timm's activations, as `timm.layers.create_act_layer` names them.
    ///
    /// The names `create_act_layer` and `get_act_layer` take (PyTorch Image Models). The layers
    /// are torch's or timm's own modules on torch, so the corner conventions are PyTorch's.
    static let timm: [FrameworkPreset] = [
        .init(.timm, "silu", .silu, note: "nn.SiLU"),
        .init(.timm, "swish", .silu, note: "nn.SiLU (timm's own Swish where torch lacks it)"),
        .init(.timm, "mish", .mish),
        .init(.timm, "relu", .relu),
        .init(.timm, "relu6", .relu6),
        .init(
            .timm, "leaky_relu", .leakyReLU, parameters: ["alpha": .real(0.01)],
            parameterNames: ["alpha": "negative_slope"]),
        .init(.timm, "elu", .elu),
        .init(.timm, "celu", .celu),
        .init(.timm, "selu", .selu),
        .init(
            .timm, "prelu", .prelu, parameters: ["alpha": .real(0.25)], parameterNames: ["alpha": "init"],
            note: "timm's PReLU(num_parameters=1, init=0.25), learned"),
        .init(.timm, "gelu", .gelu, parameters: ["approximate": .choice("none")]),
        .init(
            .timm, "gelu_tanh", .gelu, parameters: ["approximate": .choice("tanh")],
            note: "GELUTanh: F.gelu(approximate='tanh')"),
        .init(
            .timm, "quick_gelu", .gelu, parameters: ["approximate": .choice("sigmoid")],
            note: "QuickGELU: x·σ(1.702x)"),
        .init(.timm, "sigmoid", .sigmoid),
        .init(.timm, "tanh", .tanh),
        .init(.timm, "hard_sigmoid", .hardSigmoid, note: "nn.Hardsigmoid: relu6(x + 3)/6"),
        .init(.timm, "hard_swish", .hardSwish, note: "nn.Hardswish"),
        .init(
            .timm, "hard_mish", .hardMish, kink: .inclusive,
            note: "0.5x·clamp(x + 2, 0, 2): clamp passes the gradient at its bounds, so f′(−2) = −1"),
        .init(.timm, "identity", .identity, note: "nn.Identity"),
    ]
}
