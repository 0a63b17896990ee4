// Evidence: each framework's sources, and values measured in float64 with its autograd.

extension FrameworkPreset {
    /// Deeplearning4j's activations: the 21 constants of its `Activation` enum, each with its
    /// `activations.impl` class, and `ActivationPReLU`, a class only (its slope is an array).
    static let dl4j: [FrameworkPreset] = [
        .init(.dl4j, "Cube", .cube, enumConstant: "CUBE", className: "ActivationCube"),
        .init(
            .dl4j, "ELU", .elu, enumConstant: "ELU", className: "ActivationELU", kink: .inclusive,
            note: "f′(0) = 1; DL4J computes exp(x) − 1, not expm1"),
        .init(
            .dl4j, "GELU", .gelu, enumConstant: "GELU", className: "ActivationGELU",
            parameters: ["approximate": .choice("sigmoid")],
            note:
                "x·σ(1.702x) with the float literal 1.702f, 1.7020000219345093 (the catalog uses 1.702); "
                + "GELU(precise=true) is a tanh form with (0.044715x)³ in place of 0.044715x³"),
        .init(
            .dl4j, "HardSigmoid", .hardSigmoid, enumConstant: "HARDSIGMOID",
            className: "ActivationHardSigmoid",
            parameters: ["slope": .real(0.2), "offset": .real(0.5)], kink: .inclusive,
            note: "0.2x + 0.5 with corners at ±2.5; f′(±2.5) = 0.2"),
        .init(
            .dl4j, "HardTanh", .hardtanh, enumConstant: "HARDTANH", className: "ActivationHardTanH",
            kink: .inclusive, note: "f′(±1) = 1"),
        .init(.dl4j, "Identity", .identity, enumConstant: "IDENTITY", className: "ActivationIdentity"),
        .init(
            .dl4j, "LeakyReLU", .leakyReLU, aliases: ["LReLU"], enumConstant: "LEAKYRELU",
            className: "ActivationLReLU", parameters: ["alpha": .real(0.01)], kink: .inclusive,
            note: "f′(0) = 1"),
        .init(
            .dl4j, "Mish", .mish, enumConstant: "MISH", className: "ActivationMish",
            note: "DL4J's closed-form derivative is NaN above x ≈ 177"),
        .init(
            .dl4j, "PReLU", .prelu, className: "ActivationPReLU", parameters: ["alpha": .real(0.25)],
            kink: .inclusive,
            note:
                "not in the Activation enum: ActivationPReLU(INDArray alpha) takes a learned slope shaped like "
                + "the input (shared along sharedAxes) and has no default (PReLULayer fills it from the layer's "
                + "weight init, XAVIER unless set); 0.25 here; f′(0) = 1"),
        .init(
            .dl4j, "RationalTanh", .rationalTanh, enumConstant: "RATIONALTANH",
            className: "ActivationRationalTanh",
            note: "DL4J widens the float literals 1.7159f and 1.41645f (to 1.71589994430542 and "
                + "1.416450023651123); "
                + "the catalog uses 1.7159 and 1.41645"),
        .init(
            .dl4j, "RectifiedTanh", .rectifiedTanh, enumConstant: "RECTIFIEDTANH",
            className: "ActivationRectifiedTanh"),
        .init(.dl4j, "ReLU", .relu, enumConstant: "RELU", className: "ActivationReLU"),
        .init(.dl4j, "ReLU6", .relu6, enumConstant: "RELU6", className: "ActivationReLU6"),
        .init(
            .dl4j, "RReLU", .rrelu, enumConstant: "RRELU", className: "ActivationRReLU",
            parameterNames: ["lower": "l", "upper": "u"],
            note: "evaluation mode; training draws the slope from U(1/8, 1/3)"),
        .init(.dl4j, "SELU", .selu, enumConstant: "SELU", className: "ActivationSELU"),
        .init(.dl4j, "Sigmoid", .sigmoid, enumConstant: "SIGMOID", className: "ActivationSigmoid"),
        .init(.dl4j, "Softmax", .softmax, enumConstant: "SOFTMAX", className: "ActivationSoftmax"),
        .init(
            .dl4j, "SoftPlus", .softplus, enumConstant: "SOFTPLUS", className: "ActivationSoftPlus",
            note: "DL4J computes log(1 + e^x): +∞ above x ≈ 709.78"),
        .init(.dl4j, "SoftSign", .softsign, enumConstant: "SOFTSIGN", className: "ActivationSoftSign"),
        .init(
            .dl4j, "Swish", .silu, enumConstant: "SWISH", className: "ActivationSwish",
            note: "DL4J's closed-form derivative is NaN above x ≈ 355"),
        .init(.dl4j, "TanH", .tanh, enumConstant: "TANH", className: "ActivationTanH"),
        .init(
            .dl4j, "ThresholdedReLU", .thresholdedReLU, enumConstant: "THRESHOLDEDRELU",
            className: "ActivationThresholdedReLU", parameters: ["theta": .real(1)]),
    ]
}
