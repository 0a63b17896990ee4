// Evidence: each framework's sources, and values measured in float64 with its autograd.

extension FrameworkPreset {
    /// JAX's `jax.nn`: gelu is the tanh form by default, and JAX's gradients at corners
    /// often take the active piece (leaky_relu′(0) = 1, hard_tanh′(±1) = 1).
    static let jax: [FrameworkPreset] = [
        .init(.jax, "celu", .celu),
        .init(.jax, "elu", .elu),
        .init(
            .jax, "gelu", .gelu, parameters: ["approximate": .choice("tanh")],
            note: "jax.nn.gelu defaults to approximate=True (the tanh form)"),
        .init(.jax, "glu", .glu),
        .init(.jax, "hard_sigmoid", .hardSigmoid),
        .init(.jax, "hard_silu", .hardSwish, aliases: ["hard_swish"]),
        .init(.jax, "hard_tanh", .hardtanh, kink: .inclusive, note: "f′(±1) = 1"),
        .init(.jax, "identity", .identity),
        .init(
            .jax, "leaky_relu", .leakyReLU, parameters: ["alpha": .real(0.01)],
            parameterNames: ["alpha": "negative_slope"], kink: .inclusive, note: "f′(0) = 1 (x >= 0)"),
        .init(
            .jax, "log1mexp", .log1mexp, parameters: ["domain": .choice("nonnegative")],
            note: "NaN for x < 0, where JAX's custom JVP still gives 1/expm1(x)"),
        .init(.jax, "log_sigmoid", .logSigmoid),
        .init(.jax, "log_softmax", .logSoftmax),
        .init(.jax, "mish", .mish),
        .init(.jax, "relu", .relu, note: "custom JVP: f′(0) = 0 (grad of maximum(x, 0) would give 0.5)"),
        .init(.jax, "relu6", .relu6),
        .init(.jax, "selu", .selu),
        .init(.jax, "sigmoid", .sigmoid, note: "JAX's gradient is y(1 − y): 0 for x ≥ 37"),
        .init(.jax, "silu", .silu, aliases: ["swish"]),
        .init(.jax, "soft_sign", .softsign),
        .init(.jax, "softmax", .softmax),
        .init(.jax, "softplus", .softplus),
        .init(.jax, "sparse_plus", .sparsePlus, kink: .average),
        .init(
            .jax, "sparse_sigmoid", .sparseSigmoid, kink: .average,
            note: "f′(±1) = 1/4: jnp.clip splits ties between its bounds"),
        .init(
            .jax, "squareplus", .squareplus, parameters: ["b": .real(4)],
            note: "JAX computes (x + √(x² + b))/2: it gives 7.45e-9 at x = −1e8, where "
                + "squareplus(−1e8) = 1e-8"),
        .init(.jax, "tanh", .tanh),
    ]
}
