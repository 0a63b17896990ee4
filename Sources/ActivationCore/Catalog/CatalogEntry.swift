/// One function of the catalog: its names, formula, parameters, notes and evaluator.
///
/// Entries are fixed data (``Catalog/all``); an ``Activation`` is an entry with its
/// parameters and kink convention chosen.
public struct CatalogEntry: Sendable, Identifiable {
    /// The canonical name, `snake_case` (`leaky_relu`).
    public let name: String
    /// The family the function belongs to.
    public let family: Family
    /// Other names that resolve to it (`lrelu`, `leakyrelu`).
    public let aliases: [String]
    /// The definition on one line of plain text.
    public let formula: String
    /// Its parameters, in the order specs and `info` list them.
    public let parameters: [Parameter]
    /// When to use it and what to watch for, in a few sentences.
    public let notes: String
    /// Whether it has corners, so that a ``KinkConvention`` applies.
    public let hasKinks: Bool
    /// For a vector function (softmax, GLU, …), what it does to a whole vector.
    public let vector: VectorFunction?
    /// How smooth the function is for given parameters.
    let smoothness: @Sendable (Arguments) -> Smoothness
    /// The evaluator for given parameters.
    let makeKernel: @Sendable (Arguments) -> any ScalarKernel

    /// The canonical name, which identifies the entry.
    public var id: String { name }

    /// Whether the function maps a vector to a vector.
    public var isVector: Bool { vector != nil }

    /// The parameter named `name`, if any.
    /// - Parameter name: A parameter name, matched exactly.
    /// - Returns: The parameter, or nil.
    public func parameter(named name: String) -> Parameter? {
        parameters.first { $0.name == name }
    }
}

/// Families of activation functions, as `list` groups them.
public enum Family: String, Sendable, CaseIterable, CustomStringConvertible {
    /// identity.
    case linear
    /// binary_step.
    case step
    /// sigmoid, tanh and their hard and rational variants.
    case sigmoidal
    /// ReLU and its piecewise-linear relatives.
    case rectifier
    /// ELU, CELU, SELU.
    case exponentialLinear
    /// softplus, squareplus, sparse_plus, log_sigmoid.
    case smoothRectifier
    /// GELU, SiLU, Mish, hard swish: x times a gate.
    case selfGated
    /// hardshrink, softshrink, tanhshrink.
    case shrinkage
    /// exponential, cube.
    case elementary
    /// softmax, log_softmax, softmin, GLU, CReLU.
    case vector
    /// A formula typed by the user (``Expression``).
    case expression

    /// The family's name as `list` prints it.
    public var description: String {
        switch self {
        case .linear: "linear"
        case .step: "step"
        case .sigmoidal: "sigmoidal"
        case .rectifier: "rectifier"
        case .exponentialLinear: "exponential-linear"
        case .smoothRectifier: "smooth rectifier"
        case .selfGated: "self-gated"
        case .shrinkage: "shrinkage"
        case .elementary: "elementary"
        case .vector: "vector"
        case .expression: "expression"
        }
    }
}

/// How many derivatives of a function are continuous.
public enum Smoothness: String, Sendable, CustomStringConvertible {
    /// The value jumps somewhere.
    case discontinuous
    /// Continuous, with corners where f′ jumps.
    case continuous
    /// f′ continuous, f″ jumps somewhere.
    case differentiable
    /// f and f″ continuous.
    case twiceDifferentiable
    /// Infinitely differentiable.
    case smooth

    /// The smoothness in words.
    public var description: String {
        switch self {
        case .discontinuous: "discontinuous"
        case .continuous: "continuous, with corners (C0)"
        case .differentiable: "continuously differentiable, f″ jumps (C1)"
        case .twiceDifferentiable: "twice continuously differentiable (C2)"
        case .smooth: "smooth (C∞)"
        }
    }
}

/// The resolved parameters handed to an entry's evaluator.
struct Arguments: Sendable {
    var values: [String: ParameterValue]
    var kink: KinkConvention
    /// For a vector function's one-component slice: the fixed other inputs.
    var others: [Double]

    subscript(_ name: String) -> Double {
        values[name]?.real ?? 0
    }

    func choice(_ name: String) -> String {
        if case .choice(let word) = values[name] { return word }
        return ""
    }
}
