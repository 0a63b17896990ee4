// Evidence: BVLC Caffe's src/caffe/proto/caffe.proto (names and defaults) and each layer's
// Forward_cpu and Backward_cpu in src/caffe/layers (values and corner conventions).

extension FrameworkPreset {
    /// Caffe's neuron layers, under their layer types as a prototxt writes them (`type: "ReLU"`)
    /// and with caffe.proto's parameter names; every parameter a layer has is listed with its
    /// default, so that `list --framework caffe` shows them all.
    static let caffe: [FrameworkPreset] = [
        .init(
            .caffe, "ReLU", .relu, parameters: ["negative_slope": .real(0)],
            note: "f′(0) = negative_slope (Backward_cpu takes x <= 0 as the negative side)"),
        .init(
            .caffe, "PReLU", .prelu, parameters: ["alpha": .real(0.25)],
            note:
                "a learned slope per channel (one for all with channel_shared: true), filled with 0.25 unless "
                + "filler is set; f′(0) = the slope"),
        .init(
            .caffe, "ELU", .elu, parameters: ["alpha": .real(1)],
            note: "f′(0) = alpha (alpha + y for x <= 0); Caffe computes alpha·(exp(x) − 1), not expm1"),
        .init(
            .caffe, "Sigmoid", .sigmoid,
            note:
                "Caffe computes 0.5·tanh(0.5x) + 0.5, off by up to 5.6e-17: 0 below x ≈ −38.12 (true σ(−40) = "
                + "4.2e-18); its backward y(1 − y) is 0 from x ≈ 37.02"),
        .init(.caffe, "TanH", .tanh, note: "its backward 1 − y² is 0 for |x| ≥ 19.1"),
        .init(
            .caffe, "AbsVal", .absoluteValue,
            note: "a formula, abs(x): f′(0) = 0, Caffe's sign(0) (caffe_cpu_sign)"),
        .init(
            .caffe, "BNLL", .softplus,
            note: "binomial normal log likelihood, log(1 + eˣ); its backward clamps x at 50"),
        .init(
            .caffe, "Power", .affinePower,
            parameters: ["power": .real(1), "scale": .real(1), "shift": .real(0)],
            note:
                "its own kernel (not a catalog function); Caffe's backward is power·y/x when shift = 0: "
                + "NaN at x = 0"),
        .init(
            .caffe, "Exp", .affineExponential,
            parameters: ["base": .real(-1), "scale": .real(1), "shift": .real(0)],
            note: "its own kernel (not a catalog function); the defaults give e^x, the catalog's exponential"),
        .init(
            .caffe, "Log", .affineLogarithm,
            parameters: ["base": .real(-1), "scale": .real(1), "shift": .real(0)],
            note: "its own kernel (not a catalog function)"),
        .init(
            .caffe, "Threshold", .binaryStep, parameters: ["threshold": .real(0)],
            note: "1 for x > threshold, else 0; Caffe has no Backward_cpu for it (NOT_IMPLEMENTED)"),
        .init(.caffe, "Swish", .silu, parameters: ["beta": .real(1)]),
        .init(
            .caffe, "Clip", .hardtanh, parameters: ["min_val": .real(-1), "max_val": .real(1)],
            parameterNames: ["min_val": "min", "max_val": "max"], kink: .inclusive,
            note: "min and max are required in caffe.proto (−1 and 1 here); f′ = 1 on [min, max]"),
        .init(.caffe, "Softmax", .softmax, note: "over axis 1, the channels, by default"),
    ]
}

extension CatalogEntry {
    /// Caffe's AbsVal layer, |x|, as the formula `abs(x)`: no catalog function is |x|.
    static let absoluteValue: CatalogEntry = {
        do {
            return CatalogEntry(
                expression: try Expression("abs(x)"),
                notes: """
                    Caffe's AbsVal layer, |x|, as the formula abs(x): f′ and f″ by automatic \
                    differentiation, with the formula language's abs′(0) = 0.
                    """)
        } catch {
            preconditionFailure("abs(x) does not parse: \(error)")
        }
    }()
}
