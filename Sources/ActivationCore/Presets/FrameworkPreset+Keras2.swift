// Evidence: each framework's sources, and values measured in float64 with its autograd.

extension FrameworkPreset {
    /// Keras 2 and `tf.keras` before TensorFlow 2.16: the older definitions (hard_sigmoid
    /// 0.2x + 0.5) and the layers Keras 3 removed (ThresholdedReLU).
    static let keras2: [FrameworkPreset] = [
        .init(.keras2, "elu", .elu, kink: .inclusive, note: "f′(0) = 1 on TensorFlow"),
        .init(.keras2, "exponential", .exponential),
        .init(.keras2, "gelu", .gelu, parameters: ["approximate": .choice("none")]),
        .init(
            .keras2, "hard_sigmoid", .hardSigmoid, parameters: ["slope": .real(0.2), "offset": .real(0.5)],
            kink: .inclusive, note: "Keras 2's 0.2x + 0.5, corners at ±2.5 (Keras 3 changed to x/6 + 1/2)"),
        .init(.keras2, "linear", .identity),
        .init(
            .keras2, "relu", .kerasReLU, parameterNames: ["negative_slope": "alpha"],
            note: "relu(x, alpha=0.0, max_value=None, threshold=0.0): Keras' steps and gradients"),
        .init(.keras2, "selu", .selu, kink: .inclusive),
        .init(.keras2, "sigmoid", .sigmoid),
        .init(.keras2, "softmax", .softmax),
        .init(.keras2, "softplus", .softplus),
        .init(.keras2, "softsign", .softsign),
        .init(.keras2, "swish", .silu, aliases: ["silu"]),
        .init(.keras2, "tanh", .tanh),
        .init(.keras2, "LeakyReLU", .leakyReLU, .layers, parameters: ["alpha": .real(0.3)]),
        .init(.keras2, "PReLU", .prelu, .layers, parameters: ["alpha": .real(0)]),
        .init(.keras2, "ELU", .elu, .layers, kink: .inclusive),
        .init(.keras2, "ReLU", .kerasReLU, .layers),
        .init(.keras2, "ThresholdedReLU", .thresholdedReLU, .layers, parameters: ["theta": .real(1)]),
        .init(.keras2, "Softmax", .softmax, .layers),
    ]
}
