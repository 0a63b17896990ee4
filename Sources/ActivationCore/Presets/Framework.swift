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

    /// The framework and the versions its presets describe.
    public var description: String {
        switch self {
        case .torch: "PyTorch 2.x (torch.nn, torch.nn.functional)"
        case .jax: "JAX (jax.nn)"
        case .keras: "Keras 3 (keras.activations, keras.ops, keras.layers)"
        case .keras2: "Keras 2 / tf.keras before TensorFlow 2.16"
        case .tf: "TensorFlow 2 (tf.nn, tf.math)"
        case .dl4j: "Deeplearning4j (Activation enum, activations.impl)"
        }
    }

    /// The module paths a spec may put before a name, each with the namespace it selects.
    ///
    /// `keras.ops.gelu` is the tanh form while `keras.gelu` is exact; `keras.layers.LeakyReLU`
    /// has slope 0.3 where `keras.leaky_relu` has 0.2.
    var prefixes: [(path: String, namespace: FrameworkPreset.Namespace)] {
        switch self {
        case .torch:
            [("torch", .main), ("torch.nn", .main), ("torch.nn.functional", .main), ("torch.special", .main)]
        case .jax: [("jax", .main), ("jax.nn", .main)]
        case .keras:
            [
                ("keras", .main), ("keras.activations", .main), ("keras.ops", .ops), ("keras.ops.nn", .ops),
                ("keras.layers", .layers),
            ]
        case .keras2: [("keras2", .main), ("keras2.activations", .main), ("keras2.layers", .layers)]
        case .tf: [("tf", .main), ("tf.nn", .main), ("tf.math", .main)]
        case .dl4j: [("dl4j", .main), ("dl4j.activation", .main)]
        }
    }
}

/// A framework's own version of a catalog function: its name there, its defaults and its
/// derivative convention at corners.
public struct FrameworkPreset: Sendable, Hashable {
    /// Where in a framework's API a preset lives.
    public enum Namespace: String, Sendable, Hashable {
        /// The framework's activation functions (`torch.nn`, `jax.nn`, `keras.activations`, `tf.nn`).
        case main
        /// `keras.ops`, where some defaults differ.
        case ops
        /// `keras.layers`, whose layer classes have their own defaults.
        case layers
    }

    /// The framework.
    public let framework: Framework
    /// The part of the framework's API.
    public let namespace: Namespace
    /// The framework's spelling (`LeakyReLU`, `hard_sigmoid`, `HARDSIGMOID`).
    public let name: String
    /// Other spellings the framework uses for it (`leaky_relu` for `LeakyReLU`).
    public let aliases: [String]
    /// The catalog function.
    public let function: String
    /// The framework's defaults where they differ from the catalog's.
    public let parameters: [String: ParameterValue]
    /// The framework's derivative at corners.
    public let kink: KinkConvention
    /// What else to know: float32-rounded constants, required arguments, artefacts.
    public let note: String?

    /// `torch.LeakyReLU`, `keras.layers.LeakyReLU`, `keras.ops.gelu`.
    public var qualifiedName: String {
        switch namespace {
        case .main: "\(framework.rawValue).\(name)"
        case .ops: "\(framework.rawValue).ops.\(name)"
        case .layers: "\(framework.rawValue).layers.\(name)"
        }
    }

    init(
        _ framework: Framework, _ name: String, _ function: String, _ namespace: Namespace = .main,
        aliases: [String] = [], parameters: [String: ParameterValue] = [:], kink: KinkConvention = .exclusive,
        note: String? = nil
    ) {
        self.framework = framework
        self.namespace = namespace
        self.name = name
        self.aliases = aliases
        self.function = function
        self.parameters = parameters
        self.kink = kink
        self.note = note
    }
}
