// Evidence: mlx 0.32.4's python/mlx/nn/layers/activations.py, run on the Linux CPU wheel
// (mlx[cpu]) in float64 with mx.grad (Scripts/check-mlx.py); on the CPU MLX's float64 exp and
// erf are float32 values (mx.exp(-1.0) = 0.3678794503211975), its sigmoid 2e-9 relative off.

extension FrameworkPreset {
    /// MLX's activations, the functions of `mlx.nn`.
    ///
    /// Each also under its layer class's name (`mlx.nn.gelu_approx`, `mlx.nn.GELU`). Corner conventions are those of
    /// MLX's `maximum`, `minimum` and `where` gradients, measured.
    static let mlx: [FrameworkPreset] = [
        .init(
            .mlx, "celu", .celu, aliases: ["CELU"],
            note:
                "max(x, 0) + alpha·(exp(min(x, 0)/alpha) − 1): exp − 1, not expm1, and MLX's derivative at 0 is 0 "
                + "(both maximum and minimum pass a tie's gradient to the constant 0), where both sides' slope is 1"
        ),
        .init(
            .mlx, "elu", .elu, aliases: ["ELU"],
            note: "where(x > 0, x, alpha·(exp(x) − 1)): exp − 1, not expm1"),
        .init(
            .mlx, "gelu", .gelu, aliases: ["GELU"], parameters: ["approximate": .choice("none")],
            note: "x(1 + erf(x/√2))/2; the GELU layer's approx='precise' or 'tanh' is gelu_approx, 'fast' "
                + "gelu_fast_approx"),
        .init(
            .mlx, "gelu_approx", .gelu, parameters: ["approximate": .choice("tanh")],
            note: "the tanh form (GELU(approx='precise'))"),
        .init(
            .mlx, "gelu_fast_approx", .gelu, parameters: ["approximate": .choice("sigmoid")],
            note: "x·σ(1.702x) (GELU(approx='fast'))"),
        .init(.mlx, "glu", .glu, aliases: ["GLU"], note: "a·σ(b), the second half gating, as torch's"),
        .init(
            .mlx, "hard_shrink", .hardshrink, aliases: ["HardShrink"], parameterNames: ["lambda": "lambd"]),
        .init(
            .mlx, "hard_tanh", .hardtanh, aliases: ["HardTanh"], note: "minimum(maximum(x, min_val), max_val)"
        ),
        .init(
            .mlx, "hardswish", .hardSwish, aliases: ["Hardswish"],
            note: "x·min(max(x + 3, 0), 6)/6: x + 3 rounds to 6 at x = 3 − 2⁻⁵¹, where MLX's f′ is already 1"),
        .init(
            .mlx, "leaky_relu", .leakyReLU, aliases: ["LeakyReLU"], parameters: ["alpha": .real(0.01)],
            parameterNames: ["alpha": "negative_slope"], kink: .inclusive,
            note:
                "maximum(negative_slope·x, x): MLX's maximum gives a tie's gradient to its second argument, "
                + "so f′(0) = 1"),
        .init(.mlx, "log_sigmoid", .logSigmoid, aliases: ["LogSigmoid"], note: "−softplus(−x)"),
        .init(.mlx, "log_softmax", .logSoftmax, aliases: ["LogSoftmax"]),
        .init(.mlx, "mish", .mish, aliases: ["Mish"]),
        .init(
            .mlx, "prelu", .prelu, aliases: ["PReLU"], parameters: ["alpha": .real(0.25)],
            parameterNames: ["alpha": "init"],
            note:
                "PReLU(num_parameters=1, init=0.25), learned; max(0, x) + a·min(0, x) passes a tie's gradient "
                + "to x through both, so MLX's derivative at 0 is 1 + a = 1.25, no side's slope"),
        .init(.mlx, "relu", .relu, aliases: ["ReLU"], note: "maximum(x, 0)"),
        .init(.mlx, "relu2", .squaredReLU, aliases: ["ReLU2"], note: "square(maximum(x, 0))"),
        .init(.mlx, "relu6", .relu6, aliases: ["ReLU6"]),
        .init(
            .mlx, "selu", .selu, aliases: ["SELU"],
            parameters: ["alpha": .real(1.67326), "lambda": .real(1.0507)],
            note: "elu(x, 1.67326)·1.0507: SELU's constants cut to 6 and 5 digits, f 9.4e-7 relative low for "
                + "x > 0 and 2.9e-6 for x < 0"),
        .init(.mlx, "sigmoid", .sigmoid, aliases: ["Sigmoid"]),
        .init(.mlx, "silu", .silu, aliases: ["SiLU"]),
        .init(.mlx, "softmax", .softmax, aliases: ["Softmax"]),
        .init(.mlx, "softmin", .softmin, aliases: ["Softmin"]),
        .init(.mlx, "softplus", .softplus, aliases: ["Softplus"], note: "logaddexp(x, 0)"),
        .init(
            .mlx, "softshrink", .softshrink, aliases: ["Softshrink"], parameterNames: ["lambda": "lambd"]),
        .init(.mlx, "softsign", .softsign, aliases: ["Softsign"]),
        .init(
            .mlx, "step", .binaryStep, aliases: ["Step"], parameters: ["at_zero": .real(1)],
            note: "where(x >= threshold, 1, 0): 1 at the threshold"),
        .init(.mlx, "tanh", .tanh, aliases: ["Tanh"]),
    ]
}
