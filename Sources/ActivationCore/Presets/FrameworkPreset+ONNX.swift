// Evidence: the ONNX operator specification (onnx 1.23, opsets 22–24) and onnxruntime 1.32's
// CPU kernels, run in float64 where they have one, else float32 (Scripts/check-onnx.py).

extension FrameworkPreset {
    /// ONNX's activation operators.
    ///
    /// As every exporter writes them and every inference runtime implements them. Attributes are float32, so a default such as HardSigmoid's alpha = 0.2 is the
    /// float32 0.20000000298023224; ONNX defines no gradients, so corners follow the catalog's
    /// convention (exclusive).
    static let onnx: [FrameworkPreset] = [
        .init(.onnx, "Celu", .celu, parameters: ["alpha": .real(1)]),
        .init(.onnx, "Elu", .elu, parameters: ["alpha": .real(1)]),
        .init(
            .onnx, "Gelu", .gelu, parameters: ["approximate": .choice("none")],
            note:
                "opset 20; approximate = \"none\" or \"tanh\"; onnxruntime 1.32 runs the erf form in float32 "
                + "only, and its float64 tanh form is 5e-9 off (0.8411919857864306 at x = 1)"),
        .init(
            .onnx, "HardSigmoid", .hardSigmoid,
            parameters: ["slope": .real(0.20000000298023224), "offset": .real(0.5)],
            parameterNames: ["slope": "alpha", "offset": "beta"],
            note: "max(0, min(1, alpha·x + beta)) with alpha = float32 0.2 = 0.20000000298023224: "
                + "HardSigmoid(1) = 0.7000000029802322, corners at −2.4999999627 and 2.4999999627"),
        .init(
            .onnx, "HardSwish", .hardSwish,
            note:
                "x·max(0, min(1, x/6 + 0.5)); float32 runtimes multiply by float32(1/6) = 0.1666666716337204"),
        .init(
            .onnx, "LeakyRelu", .leakyReLU, parameters: ["alpha": .real(0.009999999776482582)],
            note: "alpha = float32 0.01 = 0.009999999776482582"),
        .init(.onnx, "Mish", .mish),
        .init(
            .onnx, "PRelu", .prelu, parameters: ["alpha": .real(0.25)], parameterNames: ["alpha": "slope"],
            note: "the slope is an input with no default (0.25 here, PyTorch's init); it broadcasts against x"
        ),
        .init(.onnx, "Relu", .relu),
        .init(
            .onnx, "Selu", .selu,
            parameters: ["alpha": .real(1.6732631921768188), "lambda": .real(1.0507010221481323)],
            parameterNames: ["lambda": "gamma"],
            note: "alpha and gamma are float32: 1.6732631921768188 and 1.0507010221481323, not SELU's exact "
                + "constants (f differs by up to 3e-8 relative)"),
        .init(
            .onnx, "Shrink", .shrink, parameters: ["lambda": .real(0.5), "bias": .real(0)],
            parameterNames: ["lambda": "lambd"],
            note: "x + bias for x < −lambd, x − bias for x > lambd, else 0: hardshrink at bias 0, softshrink "
                + "at bias = lambd; onnxruntime 1.32's float64 kernel compares and computes in float32 "
                + "(0.699999988079071 at x = 0.7000000000000001)"),
        .init(
            .onnx, "Sigmoid", .sigmoid,
            note:
                "onnxruntime 1.32's float64 kernel is off by up to 1e-12 relative (4.5397868702390e-05 at x = −10, "
                + "true 4.5397868702434e-05)"
        ),
        .init(.onnx, "Softplus", .softplus),
        .init(.onnx, "Softsign", .softsign),
        .init(.onnx, "Tanh", .tanh),
        .init(
            .onnx, "ThresholdedRelu", .thresholdedReLU, parameters: ["theta": .real(1)],
            parameterNames: ["theta": "alpha"], note: "x for x > alpha, else 0"),
        .init(
            .onnx, "Swish", .silu, parameters: ["beta": .real(1)], parameterNames: ["beta": "alpha"],
            note: "opset 24: x·σ(alpha·x)"),
        .init(.onnx, "Softmax", .softmax, note: "over the last axis by default (opset 13)"),
        .init(.onnx, "LogSoftmax", .logSoftmax, note: "over the last axis by default (opset 13)"),
        .init(
            .onnx, "SwiGLU", .swiglu,
            note: "opset 28: Swish_alpha(A)·B for a gate A and a value B (alpha = 1 here, the default); "
                + "actplot's swiglu takes [A, B] as one vector, A first"),
        .init(
            .onnx, "Hardmax", .hardmax,
            note: "1 at the first maximum of the axis, 0 elsewhere; no gradient (0 almost everywhere)"),
    ]
}
