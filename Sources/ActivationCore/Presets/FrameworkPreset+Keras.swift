// Evidence: each framework's sources, and values measured in float64 with its autograd.

extension FrameworkPreset {
    /// Keras 3: `keras.activations` (also `keras.ops`, whose gelu is the tanh form) and the
    /// `keras.layers` classes, whose defaults differ (LeakyReLU's slope 0.3, not 0.2).
    static let keras: [FrameworkPreset] = [
        .init(
            .keras, "celu", .celu,
            note: "f′(0) = 1; Keras on TensorFlow reports 2 there (a max/min gradient artefact)"),
        .init(.keras, "elu", .elu),
        .init(.keras, "exponential", .exponential),
        .init(.keras, "gelu", .gelu, parameters: ["approximate": .choice("none")]),
        .init(.keras, "glu", .glu),
        .init(.keras, "hard_shrink", .hardshrink, parameterNames: ["lambda": "threshold"]),
        .init(.keras, "hard_sigmoid", .hardSigmoid),
        .init(.keras, "hard_silu", .hardSwish, aliases: ["hard_swish"]),
        .init(.keras, "hard_tanh", .hardtanh, kink: .inclusive, note: "f′(±1) = 1"),
        .init(
            .keras, "leaky_relu", .leakyReLU, parameters: ["alpha": .real(0.2)],
            parameterNames: ["alpha": "negative_slope"],
            note: "the TensorFlow backend holds negative_slope as float32, so it multiplies by "
                + "0.20000000298023224; "
                + "the catalog uses 0.2"),
        .init(.keras, "linear", .identity),
        .init(.keras, "log_sigmoid", .logSigmoid),
        .init(.keras, "log_softmax", .logSoftmax),
        .init(.keras, "mish", .mish),
        .init(
            .keras, "relu", .kerasReLU,
            note: "relu(x, negative_slope=0, max_value=None, threshold=0): Keras' steps and gradients"),
        .init(.keras, "relu6", .relu6),
        .init(.keras, "selu", .selu, kink: .inclusive, note: "f′(0) = λ on the TensorFlow backend"),
        .init(.keras, "sigmoid", .sigmoid),
        .init(.keras, "silu", .silu, aliases: ["swish"]),
        .init(.keras, "soft_shrink", .softshrink, parameterNames: ["lambda": "threshold"]),
        .init(.keras, "softmax", .softmax),
        .init(.keras, "softplus", .softplus),
        .init(.keras, "softsign", .softsign),
        .init(
            .keras, "sparsemax", .sparsemax,
            note: """
                Keras 3.15 takes τ from the sum of the support's cumulative sums, so its outputs \
                do not sum to 1 once the support has two inputs (sparsemax([0.5, 0]) = [0.5, 0], \
                true [0.75, 0.25]; keras-team/keras#23425, fixed by #23469); the catalog returns the \
                true sparsemax
                """),
        .init(.keras, "sparse_plus", .sparsePlus),
        .init(.keras, "sparse_sigmoid", .sparseSigmoid),
        .init(.keras, "squareplus", .squareplus, parameters: ["b": .real(4)]),
        .init(.keras, "tanh", .tanh),
        .init(.keras, "tanh_shrink", .tanhshrink),
        .init(
            .keras, "threshold", .threshold, parameterNames: ["value": "default_value"],
            note: "threshold(x, threshold, default_value): both required; 0, 0 here"),
        .init(
            .keras, "gelu", .gelu, .ops, parameters: ["approximate": .choice("tanh")],
            note: "keras.ops.gelu defaults to approximate=True, keras.activations.gelu to False"),
        .init(
            .keras, "LeakyReLU", .leakyReLU, .layers, parameters: ["alpha": .real(0.3)],
            parameterNames: ["alpha": "negative_slope"],
            note: "the layer's negative_slope default is 0.3, the function's 0.2"),
        .init(
            .keras, "PReLU", .prelu, .layers, parameters: ["alpha": .real(0)],
            note: "alpha_initializer='zeros'"),
        .init(.keras, "ELU", .elu, .layers),
        .init(.keras, "ReLU", .kerasReLU, .layers),
        .init(.keras, "Softmax", .softmax, .layers),
    ]
}
