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
        }
    }

    /// The module paths a spec may put after the framework's name, each with the namespace it
    /// selects ("" for the framework itself).
    ///
    /// `keras.ops.gelu` is the tanh form while `keras.gelu` is exact; `keras.layers.LeakyReLU`
    /// has slope 0.3 where `keras.leaky_relu` has 0.2.
    var modules: [(path: String, namespace: FrameworkPreset.Namespace)] {
        switch self {
        case .torch: [("", .main), ("nn", .main), ("nn.functional", .main), ("special", .main)]
        case .jax: [("", .main), ("nn", .main)]
        case .keras:
            [("", .main), ("activations", .main), ("ops", .ops), ("ops.nn", .ops), ("layers", .layers)]
        case .keras2: [("", .main), ("activations", .main), ("layers", .layers)]
        case .tf: [("", .main), ("nn", .main), ("math", .main)]
        case .dl4j: [("", .main), ("activation", .main), ("activations", .main), ("activations.impl", .main)]
        case .caffe: [("", .main), ("layers", .main)]
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
    ]

    /// The framework a name denotes: its own (`torch`, `tf`) or a common other one (`pytorch`,
    /// `tensorflow`, `deeplearning4j`, `keras3`), ignoring case, `_`, `-` and spaces.
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
