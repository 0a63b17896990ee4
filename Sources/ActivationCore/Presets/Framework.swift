/// A deep-learning framework whose activation functions actplot reproduces.
public enum Framework: String, Sendable, CaseIterable, CustomStringConvertible {
    /// PyTorch (`torch.nn`, `torch.nn.functional`).
    case torch
    /// JAX (`jax.nn`).
    case jax
    /// Keras 3 (`keras.activations`, `keras.ops`, `keras.layers`).
    case keras
    /// Keras 2 and `tf.keras` up to TensorFlow 2.15.
    case keras2
    /// TensorFlow (`tf.nn`, `tf.math`).
    case tf
    /// Deeplearning4j (`org.nd4j.linalg.activations.Activation`).
    case dl4j
    /// BVLC Caffe's neuron layers (`caffe.proto`).
    case caffe
    /// Hugging Face transformers (`ACT2FN`, the `hidden_act` of model configs).
    case transformers
    /// timm, PyTorch Image Models (`timm.layers.create_act_layer`).
    case timm
    /// ONNX operators (opsets 22–28), as exporters write them and runtimes implement them.
    case onnx
    /// Apple's MLX (`mlx.nn`).
    case mlx

    /// The framework and the versions its presets describe.
    public var description: String {
        switch self {
        case .torch: "PyTorch 2.x (torch.nn, torch.nn.functional)"
        case .jax: "JAX (jax.nn)"
        case .keras: "Keras 3 (keras.activations, keras.ops, keras.layers)"
        case .keras2: "Keras 2 / tf.keras before TensorFlow 2.16"
        case .tf: "TensorFlow 2 (tf.nn, tf.math)"
        case .dl4j: "Deeplearning4j (Activation enum, activations.impl)"
        case .caffe: "Caffe (BVLC caffe.proto neuron layers; their parameters are float32)"
        case .transformers: "Hugging Face transformers 5 (ACT2FN keys and activation classes)"
        case .timm: "timm 1.0 (timm.layers.create_act_layer names)"
        case .onnx: "ONNX operators, opsets 22–28 (attributes are float32)"
        case .mlx: "MLX 0.32 (mlx.nn functions and layers)"
        }
    }

    /// The module paths a spec may put after the framework's name, each with the namespace it
    /// selects ("" for the framework itself) and, for a module that holds names of one form only,
    /// that form (DL4J's `Activation` is an enum: `dl4j.Activation.PRELU` is not in it).
    ///
    /// `keras.ops.gelu` is the tanh form while `keras.gelu` is exact; `keras.layers.LeakyReLU`
    /// has slope 0.3 where `keras.leaky_relu` has 0.2.
    var modules: [(path: String, namespace: FrameworkPreset.Namespace, form: FrameworkPreset.Spelling.Kind?)]
    {
        switch self {
        case .torch:
            [("", .main, nil), ("nn", .main, nil), ("nn.functional", .main, nil), ("special", .main, nil)]
        case .jax: [("", .main, nil), ("nn", .main, nil), ("linen", .main, nil)]
        case .keras:
            [
                ("", .main, nil), ("activations", .main, nil), ("ops", .ops, nil), ("ops.nn", .ops, nil),
                ("layers", .layers, nil),
            ]
        case .keras2: [("", .main, nil), ("activations", .main, nil), ("layers", .layers, nil)]
        case .tf: [("", .main, nil), ("nn", .main, nil), ("math", .main, nil)]
        case .dl4j:
            [
                ("", .main, nil), ("Activation", .main, .enumConstant), ("activations", .main, nil),
                ("activations.impl", .main, .className),
            ]
        case .caffe: [("", .main, nil), ("layers", .main, nil)]
        case .transformers: [("", .main, nil), ("activations", .main, nil)]
        case .timm: [("", .main, nil), ("layers", .main, nil)]
        case .onnx: [("", .main, nil), ("ai.onnx", .main, nil)]
        case .mlx: [("", .main, nil), ("nn", .main, nil), ("core", .main, nil)]
        }
    }

    /// The other versions of the same framework, whose names a spec is pointed to when this one
    /// lacks a name (Keras 3 and Keras 2).
    var otherVersions: [Framework] {
        switch self {
        case .keras: [.keras2]
        case .keras2: [.keras]
        default: []
        }
    }

    /// The version's name where a framework has several (`Keras 3`), else nil.
    var versionName: String? {
        switch self {
        case .keras: "Keras 3"
        case .keras2: "Keras 2"
        default: nil
        }
    }

    /// Where the framework keeps the names of one form (DL4J's enum constants are in
    /// `Activation`, its classes in `activations.impl`), or nil when it has none of that form.
    /// - Parameter kind: Enum constant or class.
    /// - Returns: The enum's or package's name.
    public func home(of kind: FrameworkPreset.Spelling.Kind) -> String? {
        switch (self, kind) {
        case (.dl4j, .enumConstant): "Activation"
        case (.dl4j, .className): "activations.impl"
        default: nil
        }
    }

    /// The module paths a spec may put before a name (`torch`, `torch.nn.functional`,
    /// `keras.layers`, …), each with the namespace it selects.
    var prefixes: [(path: String, namespace: FrameworkPreset.Namespace)] {
        modules.map { (rawValue + ($0.path.isEmpty ? "" : "." + $0.path), $0.namespace) }
    }

    /// Other names people use for a framework.
    static let otherNames: [String: Framework] = [
        "pytorch": .torch, "tensorflow": .tf, "deeplearning4j": .dl4j, "keras3": .keras,
        "hf": .transformers, "huggingface": .transformers, "flax": .jax, "onnxruntime": .onnx,
    ]

    /// The framework a name denotes: its own (`torch`, `tf`) or a common other one (`pytorch`,
    /// `tensorflow`, `deeplearning4j`, `keras3`, `hf`, `flax`, whose `flax.linen` re-exports
    /// jax.nn), ignoring case, `_`, `-` and spaces.
    ///
    /// The one resolver of framework names: specs (`pytorch.nn.relu`) and `list --framework`
    /// both use it.
    /// - Parameter name: A framework's name.
    /// - Throws: ``ActivationError/unknownFramework(_:suggestion:)``, suggesting the nearest
    ///   name.
    public init(named name: String) throws(ActivationError) {
        let key = Catalog.normalize(name)
        if let framework = Framework(rawValue: key) ?? Self.otherNames[key] {
            self = framework
            return
        }
        let names = Self.allCases.map(\.rawValue) + Self.otherNames.keys.sorted()
        let near = Suggestion.nearest(to: name, among: names)
        throw .unknownFramework(name, suggestion: near.map { Self.otherNames[$0]?.rawValue ?? $0 })
    }
}
