// Evidence: each framework's sources, and values measured in float64 with its autograd.

extension FrameworkPreset {
    /// TensorFlow's `tf.nn` and `tf.math`.
    static let tf: [FrameworkPreset] = [
        .init(.tf, "relu", .relu),
        .init(.tf, "relu6", .relu6),
        .init(.tf, "crelu", .crelu),
        .init(.tf, "elu", .elu, kink: .inclusive, note: "tf.nn.elu has no alpha; f′(0) = 1"),
        .init(
            .tf, "selu", .selu, kink: .inclusive,
            note: "f′(0) = λ; TensorFlow's kernel uses the literal λα = 1.7580993408473768"),
        .init(
            .tf, "gelu", .gelu, parameters: ["approximate": .choice("none")],
            note: "in float64 TensorFlow uses float32-rounded 1/√2 and 0.044715 and gives "
                + "0.8413447419273903 at x = 1, "
                + "where gelu(1) = 0.8413447460685429"
        ),
        .init(
            .tf, "leaky_relu", .leakyReLU, parameters: ["alpha": .real(0.2)],
            note: "alpha is a float32 attribute: 0.2 acts as 0.20000000298023224 in float64 "
                + "(the catalog uses 0.2)"),
        .init(.tf, "softplus", .softplus),
        .init(.tf, "softsign", .softsign),
        .init(.tf, "silu", .silu, aliases: ["swish"], note: "tf.nn.silu(features, beta=1.0)"),
        .init(
            .tf, "sigmoid", .sigmoid,
            note: "in float16 TensorFlow's kernel is Eigen's e/(1 + e) in the format: 1 from x = 7.625 "
                + "(σ(7.625) = 0.99951) and f′ = 0 there (true 4.876e-4); 14 % of float16 inputs' f and 20 % "
                + "of their f′ differ from the correctly rounded values (measured with TensorFlow 2.21)"),
        .init(.tf, "tanh", .tanh),
        .init(.tf, "softmax", .softmax),
        .init(.tf, "log_softmax", .logSoftmax),
        .init(.tf, "log_sigmoid", .logSigmoid, note: "tf.math.log_sigmoid"),
    ]
}
