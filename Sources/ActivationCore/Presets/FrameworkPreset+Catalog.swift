// What each framework has, under its own names, with its defaults and corner conventions.
// Evidence: shared/reference/frameworks.md (sources read and values measured in float64).

extension FrameworkPreset {
    /// Every preset of every framework.
    public static let all: [FrameworkPreset] = torch + jax + keras + keras2 + tf + dl4j

    private static let tf32 = "float32"

    static let torch: [FrameworkPreset] = [
        .init(.torch, "Identity", "identity"),
        .init(
            .torch, "Threshold", "threshold",
            note: "torch.nn.Threshold(threshold, value) has no defaults; 0, 0 here"),
        .init(.torch, "ReLU", "relu"),
        .init(.torch, "RReLU", "rrelu", note: "evaluation mode: slope (lower + upper)/2 = 11/48"),
        .init(
            .torch, "Hardtanh", "hardtanh", note: "f′(±1) = 0 (backward uses x <= min_val or x >= max_val)"),
        .init(.torch, "ReLU6", "relu6"),
        .init(
            .torch, "Sigmoid", "sigmoid", note: "PyTorch's backward is y(1 − y): 0 for x ≥ 37 (true 8.5e-17)"),
        .init(
            .torch, "Hardsigmoid", "hard_sigmoid",
            note: "PyTorch's CPU backward uses the float32 slope 0.1666666716337204 even for float64"),
        .init(.torch, "Tanh", "tanh", note: "PyTorch's backward is 1 − y²: 0 for |x| ≥ 19.1"),
        .init(.torch, "SiLU", "silu"),
        .init(.torch, "Mish", "mish"),
        .init(
            .torch, "Hardswish", "hard_swish",
            note: "f′(±3) = 0 and 1 since PyTorch 2.7 (−0.5 and 1.5 before)"),
        .init(.torch, "ELU", "elu"),
        .init(.torch, "CELU", "celu"),
        .init(
            .torch, "SELU", "selu",
            note: "f′(0) = λα; PyTorch multiplies the rounded λ and α (…766, not …768)"),
        .init(
            .torch, "GELU", "gelu", parameters: ["approximate": .choice("none")],
            note: "PyTorch computes ½x(1 + erf(x/√2)): −0.0 below x ≈ −8.4 (true gelu(−10) = −7.6e-23)"),
        .init(.torch, "Hardshrink", "hardshrink"),
        .init(
            .torch, "LeakyReLU", "leaky_relu", parameters: ["alpha": .real(0.01)],
            note: "named negative_slope"),
        .init(.torch, "LogSigmoid", "log_sigmoid"),
        .init(
            .torch, "Softplus", "softplus", parameters: ["beta": .real(1), "threshold": .real(20)],
            note: "returns x when beta·x > 20: a jump of 2.1e-9 at x = 20, and f′ = 1 above it"),
        .init(.torch, "Softshrink", "softshrink"),
        .init(
            .torch, "PReLU", "prelu", parameters: ["alpha": .real(0.25)],
            note: "init=0.25, learned per channel"),
        .init(.torch, "Softsign", "softsign"),
        .init(.torch, "Tanhshrink", "tanhshrink", note: "PyTorch computes x − tanh x: 0 for x = 1e-8"),
        .init(.torch, "Softmin", "softmin"),
        .init(.torch, "Softmax", "softmax"),
        .init(.torch, "LogSoftmax", "log_softmax"),
        .init(.torch, "GLU", "glu"),
        .init(
            .torch, "heaviside", "binary_step",
            note:
                "torch.heaviside(x, values) takes the value at 0 as an argument; its derivative is not implemented"
        ),
    ]

    static let jax: [FrameworkPreset] = [
        .init(.jax, "celu", "celu"),
        .init(.jax, "elu", "elu"),
        .init(
            .jax, "gelu", "gelu", parameters: ["approximate": .choice("tanh")],
            note: "jax.nn.gelu defaults to approximate=True (the tanh form)"),
        .init(.jax, "glu", "glu"),
        .init(.jax, "hard_sigmoid", "hard_sigmoid"),
        .init(.jax, "hard_silu", "hard_swish", aliases: ["hard_swish"]),
        .init(.jax, "hard_tanh", "hardtanh", kink: .inclusive, note: "f′(±1) = 1"),
        .init(.jax, "identity", "identity"),
        .init(
            .jax, "leaky_relu", "leaky_relu", parameters: ["alpha": .real(0.01)], kink: .inclusive,
            note: "named negative_slope; f′(0) = 1 (x >= 0)"),
        .init(.jax, "log_sigmoid", "log_sigmoid"),
        .init(.jax, "log_softmax", "log_softmax"),
        .init(.jax, "mish", "mish"),
        .init(.jax, "relu", "relu", note: "custom JVP: f′(0) = 0 (grad of maximum(x, 0) would give 0.5)"),
        .init(.jax, "relu6", "relu6"),
        .init(.jax, "selu", "selu"),
        .init(.jax, "sigmoid", "sigmoid", note: "JAX's gradient is y(1 − y): 0 for x ≥ 37"),
        .init(.jax, "silu", "silu", aliases: ["swish"]),
        .init(.jax, "soft_sign", "softsign"),
        .init(.jax, "softmax", "softmax"),
        .init(.jax, "softplus", "softplus"),
        .init(.jax, "sparse_plus", "sparse_plus", kink: .average),
        .init(
            .jax, "sparse_sigmoid", "sparse_sigmoid", kink: .average,
            note: "f′(±1) = 1/4: jnp.clip splits ties between its bounds"),
        .init(
            .jax, "squareplus", "squareplus", parameters: ["b": .real(4)],
            note: "JAX computes (x + √(x² + b))/2: squareplus(−1e8) = 7.45e-9 (true 1e-8)"),
        .init(.jax, "tanh", "tanh"),
    ]

    static let keras: [FrameworkPreset] = [
        .init(
            .keras, "celu", "celu",
            note: "Keras on TensorFlow reports f′(0) = 2 (a max/min gradient artefact)"),
        .init(.keras, "elu", "elu"),
        .init(.keras, "exponential", "exponential"),
        .init(.keras, "gelu", "gelu", parameters: ["approximate": .choice("none")]),
        .init(.keras, "glu", "glu"),
        .init(.keras, "hard_shrink", "hardshrink", note: "named threshold"),
        .init(.keras, "hard_sigmoid", "hard_sigmoid"),
        .init(.keras, "hard_silu", "hard_swish", aliases: ["hard_swish"]),
        .init(.keras, "hard_tanh", "hardtanh", kink: .inclusive, note: "f′(±1) = 1"),
        .init(
            .keras, "leaky_relu", "leaky_relu", parameters: ["alpha": .real(0.2)],
            note: "named negative_slope; the TensorFlow backend holds it as \(tf32): 0.20000000298023224"),
        .init(.keras, "linear", "identity"),
        .init(.keras, "log_sigmoid", "log_sigmoid"),
        .init(.keras, "log_softmax", "log_softmax"),
        .init(.keras, "mish", "mish"),
        .init(.keras, "relu", "relu", note: "relu(x, negative_slope=0, max_value=None, threshold=0)"),
        .init(.keras, "relu6", "relu6"),
        .init(.keras, "selu", "selu", kink: .inclusive, note: "f′(0) = λ on the TensorFlow backend"),
        .init(.keras, "sigmoid", "sigmoid"),
        .init(.keras, "silu", "silu", aliases: ["swish"]),
        .init(.keras, "soft_shrink", "softshrink", note: "named threshold"),
        .init(.keras, "softmax", "softmax"),
        .init(.keras, "softplus", "softplus"),
        .init(.keras, "softsign", "softsign"),
        .init(.keras, "sparse_plus", "sparse_plus"),
        .init(.keras, "sparse_sigmoid", "sparse_sigmoid"),
        .init(.keras, "squareplus", "squareplus", parameters: ["b": .real(4)]),
        .init(.keras, "tanh", "tanh"),
        .init(.keras, "tanh_shrink", "tanhshrink"),
        .init(
            .keras, "threshold", "threshold",
            note: "threshold(x, threshold, default_value): both required; 0, 0 here"),
        .init(
            .keras, "gelu", "gelu", .ops, parameters: ["approximate": .choice("tanh")],
            note: "keras.ops.gelu defaults to approximate=True, keras.activations.gelu to False"),
        .init(
            .keras, "LeakyReLU", "leaky_relu", .layers, parameters: ["alpha": .real(0.3)],
            note: "the layer's negative_slope default is 0.3, the function's 0.2"),
        .init(
            .keras, "PReLU", "prelu", .layers, parameters: ["alpha": .real(0)],
            note: "alpha_initializer='zeros'"),
        .init(.keras, "ELU", "elu", .layers),
        .init(.keras, "ReLU", "relu", .layers),
        .init(.keras, "Softmax", "softmax", .layers),
    ]

    static let keras2: [FrameworkPreset] = [
        .init(.keras2, "elu", "elu", kink: .inclusive, note: "f′(0) = 1 on TensorFlow"),
        .init(.keras2, "exponential", "exponential"),
        .init(.keras2, "gelu", "gelu", parameters: ["approximate": .choice("none")]),
        .init(
            .keras2, "hard_sigmoid", "hard_sigmoid", parameters: ["slope": .real(0.2), "offset": .real(0.5)],
            kink: .inclusive, note: "Keras 2's 0.2x + 0.5, corners at ±2.5 (Keras 3 changed to x/6 + 1/2)"),
        .init(.keras2, "linear", "identity"),
        .init(.keras2, "relu", "relu"),
        .init(.keras2, "selu", "selu", kink: .inclusive),
        .init(.keras2, "sigmoid", "sigmoid"),
        .init(.keras2, "softmax", "softmax"),
        .init(.keras2, "softplus", "softplus"),
        .init(.keras2, "softsign", "softsign"),
        .init(.keras2, "swish", "silu", aliases: ["silu"]),
        .init(.keras2, "tanh", "tanh"),
        .init(.keras2, "LeakyReLU", "leaky_relu", .layers, parameters: ["alpha": .real(0.3)]),
        .init(.keras2, "PReLU", "prelu", .layers, parameters: ["alpha": .real(0)]),
        .init(.keras2, "ELU", "elu", .layers, kink: .inclusive),
        .init(.keras2, "ReLU", "relu", .layers),
        .init(.keras2, "ThresholdedReLU", "thresholded_relu", .layers, parameters: ["theta": .real(1)]),
        .init(.keras2, "Softmax", "softmax", .layers),
    ]

    static let tf: [FrameworkPreset] = [
        .init(.tf, "relu", "relu"),
        .init(.tf, "relu6", "relu6"),
        .init(.tf, "crelu", "crelu"),
        .init(.tf, "elu", "elu", kink: .inclusive, note: "tf.nn.elu has no alpha; f′(0) = 1"),
        .init(
            .tf, "selu", "selu", kink: .inclusive,
            note: "f′(0) = λ; TensorFlow's kernel uses the literal λα = 1.7580993408473768"),
        .init(
            .tf, "gelu", "gelu", parameters: ["approximate": .choice("none")],
            note: "in float64 TensorFlow uses \(tf32)-rounded 1/√2 and 0.044715: gelu(1) = 0.8413447419273903"
        ),
        .init(
            .tf, "leaky_relu", "leaky_relu", parameters: ["alpha": .real(0.2)],
            note: "alpha is a \(tf32) attribute: 0.2 acts as 0.20000000298023224 in float64"),
        .init(.tf, "softplus", "softplus"),
        .init(.tf, "softsign", "softsign"),
        .init(.tf, "silu", "silu", aliases: ["swish"], note: "tf.nn.silu(features, beta=1.0)"),
        .init(.tf, "sigmoid", "sigmoid"),
        .init(.tf, "tanh", "tanh"),
        .init(.tf, "softmax", "softmax"),
        .init(.tf, "log_softmax", "log_softmax"),
        .init(.tf, "log_sigmoid", "log_sigmoid", note: "tf.math.log_sigmoid"),
    ]

    static let dl4j: [FrameworkPreset] = [
        .init(.dl4j, "Cube", "cube"),
        .init(.dl4j, "ELU", "elu", kink: .inclusive, note: "f′(0) = 1; DL4J computes exp(x) − 1, not expm1"),
        .init(
            .dl4j, "GELU", "gelu", parameters: ["approximate": .choice("sigmoid")],
            note:
                "x·σ(1.702x) with the float literal 1.702f = 1.7020000219345093; GELU(precise=true) is a tanh form "
                + "with (0.044715x)³ in place of 0.044715x³"),
        .init(
            .dl4j, "HardSigmoid", "hard_sigmoid", parameters: ["slope": .real(0.2), "offset": .real(0.5)],
            kink: .inclusive, note: "0.2x + 0.5 with corners at ±2.5; f′(±2.5) = 0.2"),
        .init(.dl4j, "HardTanh", "hardtanh", kink: .inclusive, note: "f′(±1) = 1"),
        .init(.dl4j, "Identity", "identity"),
        .init(
            .dl4j, "LeakyReLU", "leaky_relu", aliases: ["LReLU"], parameters: ["alpha": .real(0.01)],
            kink: .inclusive, note: "ActivationLReLU; f′(0) = 1"),
        .init(.dl4j, "Mish", "mish", note: "DL4J's closed-form derivative is NaN above x ≈ 177"),
        .init(
            .dl4j, "RationalTanh", "rational_tanh",
            note: "DL4J widens the float literals 1.7159f and 1.41645f (1.71589994430542, 1.416450023651123)"),
        .init(.dl4j, "RectifiedTanh", "rectified_tanh"),
        .init(.dl4j, "ReLU", "relu"),
        .init(.dl4j, "ReLU6", "relu6"),
        .init(.dl4j, "RReLU", "rrelu", note: "evaluation mode; training draws the slope from U(1/8, 1/3)"),
        .init(.dl4j, "SELU", "selu"),
        .init(.dl4j, "Sigmoid", "sigmoid"),
        .init(.dl4j, "Softmax", "softmax"),
        .init(.dl4j, "SoftPlus", "softplus", note: "DL4J computes log(1 + e^x): +∞ above x ≈ 709.78"),
        .init(.dl4j, "SoftSign", "softsign"),
        .init(.dl4j, "Swish", "silu", note: "DL4J's closed-form derivative is NaN above x ≈ 355"),
        .init(.dl4j, "TanH", "tanh"),
        .init(.dl4j, "ThresholdedReLU", "thresholded_relu", parameters: ["theta": .real(1)]),
    ]

    /// The presets of one framework.
    /// - Parameter framework: A framework.
    /// - Returns: Its presets in the order `list --framework` prints them.
    public static func presets(of framework: Framework) -> [FrameworkPreset] {
        all.filter { $0.framework == framework }
    }
}
