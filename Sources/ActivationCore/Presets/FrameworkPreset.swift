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

    /// Another name the framework's API gives a preset, in a form of its own: DL4J's
    /// `Activation.LEAKYRELU` enum constant and its `ActivationLReLU` class.
    public struct Spelling: Sendable, Hashable {
        /// Which form of name this is.
        public enum Kind: String, Sendable, Hashable, CaseIterable {
            /// A constant of an enum of activations (DL4J's `Activation`).
            case enumConstant = "enum"
            /// A class implementing the activation (DL4J's `activations.impl`).
            case className = "class"
        }

        /// Which form of name this is.
        public let kind: Kind
        /// The name as the framework writes it.
        public let text: String
    }

    /// The framework.
    public let framework: Framework
    /// The part of the framework's API.
    public let namespace: Namespace
    /// The framework's spelling (`LeakyReLU`, `hard_sigmoid`, `HARDSIGMOID`).
    public let name: String
    /// Other spellings the framework uses for it (`leaky_relu` for `LeakyReLU`).
    public let aliases: [String]
    /// The names in the framework's own forms (enum constant, class), which resolve too.
    public let spellings: [Spelling]
    /// The function it computes: a catalog entry, or a layer of the framework's own that the
    /// catalog does not list (Caffe's `Power`, `AbsVal`).
    public let entry: CatalogEntry
    /// The framework's defaults where they differ from the entry's.
    public let parameters: [String: ParameterValue]
    /// The framework's names for the entry's parameters where they differ (`alpha` is
    /// PyTorch's `negative_slope`); a spec may use either.
    public let parameterNames: [String: String]
    /// The framework's derivative at corners.
    public let kink: KinkConvention
    /// What else to know: float32-rounded constants, required arguments, artefacts.
    public let note: String?

    /// The canonical name of the function it computes (`leaky_relu`).
    public var function: String { entry.name }

    /// `torch.LeakyReLU`, `keras.layers.LeakyReLU`, `keras.ops.gelu`.
    public var qualifiedName: String {
        switch namespace {
        case .main: "\(framework.rawValue).\(name)"
        case .ops: "\(framework.rawValue).ops.\(name)"
        case .layers: "\(framework.rawValue).layers.\(name)"
        }
    }

    /// Every name a spec may use after the framework's prefix: the name, the aliases and the spellings.
    public var names: [String] { [name] + aliases + spellings.map(\.text) }

    /// The spelling of one kind, if the framework has one.
    /// - Parameter kind: Enum constant or class.
    /// - Returns: The framework's text for it.
    public func spelling(_ kind: Spelling.Kind) -> String? {
        spellings.first { $0.kind == kind }?.text
    }

    /// The catalog's name of a parameter written with the framework's name or the catalog's.
    /// - Parameter name: `negative_slope` or `alpha` for `torch.LeakyReLU`.
    /// - Returns: The entry's parameter name (`alpha`), or `name` itself when the framework does
    ///   not rename it.
    public func catalogParameter(named name: String) -> String {
        parameterNames.first { $0.value == name }?.key ?? name
    }

    /// The framework's name of one of the entry's parameters.
    /// - Parameter name: The entry's name (`alpha`).
    /// - Returns: The framework's (`negative_slope` for `torch.LeakyReLU`), or `name` itself.
    public func frameworkParameter(named name: String) -> String {
        parameterNames[name] ?? name
    }

    init(
        _ framework: Framework, _ name: String, _ entry: CatalogEntry, _ namespace: Namespace = .main,
        aliases: [String] = [], enumConstant: String? = nil, className: String? = nil,
        parameters: [String: ParameterValue] = [:],
        parameterNames: [String: String] = [:], kink: KinkConvention = .exclusive, note: String? = nil
    ) {
        self.framework = framework
        self.namespace = namespace
        self.name = name
        self.aliases = aliases
        self.spellings =
            (enumConstant.map { [Spelling(kind: .enumConstant, text: $0)] } ?? [])
            + (className.map { [Spelling(kind: .className, text: $0)] } ?? [])
        self.entry = entry
        self.parameters = parameters
        self.parameterNames = parameterNames
        self.kink = kink
        self.note = note
    }
}

extension FrameworkPreset {
    /// Every preset of every framework, framework by framework.
    public static let all: [FrameworkPreset] = Framework.allCases.flatMap(presets(of:))

    /// The presets of one framework.
    ///
    /// Each framework's list is built the first time it is asked for, so a spec of one
    /// framework does not build them all.
    /// - Parameter framework: A framework.
    /// - Returns: Its presets in the order `list --framework` prints them.
    public static func presets(of framework: Framework) -> [FrameworkPreset] {
        switch framework {
        case .torch: torch
        case .jax: jax
        case .keras: keras
        case .keras2: keras2
        case .tf: tf
        case .dl4j: dl4j
        case .caffe: caffe
        case .transformers: transformers
        case .timm: timm
        case .onnx: onnx
        case .mlx: mlx
        }
    }
}
