// Evidence: each framework's sources, and values measured in float64 with its autograd.

extension FrameworkPreset {
    /// Deeplearning4j's `Activation` enum and its `activations.impl` classes.
    static let dl4j: [FrameworkPreset] = [
        .init(.dl4j, "Cube", .cube),
        .init(.dl4j, "ELU", .elu, kink: .inclusive, note: "f′(0) = 1; DL4J computes exp(x) − 1, not expm1"),
        .init(
            .dl4j, "GELU", .gelu, parameters: ["approximate": .choice("sigmoid")],
            note:
                "x·σ(1.702x) with the float literal 1.702f = 1.7020000219345093; GELU(precise=true) is a tanh form "
                + "with (0.044715x)³ in place of 0.044715x³"),
        .init(
            .dl4j, "HardSigmoid", .hardSigmoid, parameters: ["slope": .real(0.2), "offset": .real(0.5)],
            kink: .inclusive, note: "0.2x + 0.5 with corners at ±2.5; f′(±2.5) = 0.2"),
        .init(.dl4j, "HardTanh", .hardtanh, kink: .inclusive, note: "f′(±1) = 1"),
        .init(.dl4j, "Identity", .identity),
        .init(
            .dl4j, "LeakyReLU", .leakyReLU, aliases: ["LReLU"], parameters: ["alpha": .real(0.01)],
            kink: .inclusive, note: "ActivationLReLU; f′(0) = 1"),
        .init(.dl4j, "Mish", .mish, note: "DL4J's closed-form derivative is NaN above x ≈ 177"),
        .init(
            .dl4j, "RationalTanh", .rationalTanh,
            note: "DL4J widens the float literals 1.7159f and 1.41645f (1.71589994430542, 1.416450023651123)"),
        .init(.dl4j, "RectifiedTanh", .rectifiedTanh),
        .init(.dl4j, "ReLU", .relu),
        .init(.dl4j, "ReLU6", .relu6),
        .init(
            .dl4j, "RReLU", .rrelu, parameterNames: ["lower": "l", "upper": "u"],
            note: "evaluation mode; training draws the slope from U(1/8, 1/3)"),
        .init(.dl4j, "SELU", .selu),
        .init(.dl4j, "Sigmoid", .sigmoid),
        .init(.dl4j, "Softmax", .softmax),
        .init(.dl4j, "SoftPlus", .softplus, note: "DL4J computes log(1 + e^x): +∞ above x ≈ 709.78"),
        .init(.dl4j, "SoftSign", .softsign),
        .init(.dl4j, "Swish", .silu, note: "DL4J's closed-form derivative is NaN above x ≈ 355"),
        .init(.dl4j, "TanH", .tanh),
        .init(.dl4j, "ThresholdedReLU", .thresholdedReLU, parameters: ["theta": .real(1)]),
    ]
}
