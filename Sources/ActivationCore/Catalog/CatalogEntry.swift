/// A function's description and evaluator: names, formula, parameters, notes, and what its
/// parameters make of it (smoothness, corners, constraints, kernel).
///
/// Each catalog function is one entry, defined beside its kernel in `Functions/` (as
/// `extension CatalogEntry { static let leakyReLU = … }`) and listed in ``Catalog/all``. A typed
/// ``Expression`` is described by an entry of its own, of family ``Family/expression``, which
/// no catalog name resolves to. An ``Activation`` is an entry with its parameters and kink
/// convention chosen.
public struct CatalogEntry: Sendable, Identifiable, Hashable {
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
    /// What decides its derivative at corners when it has corners but no choice of
    /// convention (Keras' relu follows Keras' own gradients).
    public let cornerRule: String?
    /// For a vector function (softmax, GLU, …), what it does to a whole vector at its default
    /// parameters (``Activation/vector`` is the one for an activation's own).
    public let vector: VectorFunction?
    /// For a vector function whose parameters change it (geglu's GELU form), the whole-vector
    /// function for given parameters.
    let vectorForArguments: (@Sendable (Arguments) -> VectorFunction)?
    /// For a vector function, the other inputs held fixed when none are given: `[0]` for most,
    /// `[1]` for the GLU family, whose plot with b = 1 is its gate (`swiglu` draws silu).
    public let defaultOthers: [Double]
    /// How smooth the function is for given parameters.
    let smoothness: @Sendable (Arguments) -> Smoothness
    /// Where f, f′ or f″ jumps for given parameters (corners and steps), in increasing order.
    let corners: @Sendable (Arguments) -> [Double]
    /// Checks the constraints between parameters (lower ≤ upper, …); each has passed its domain.
    let validate: @Sendable (Arguments) throws(ActivationError) -> Void
    /// What the function does in training that it does not at evaluation, if anything.
    let trainingBand: @Sendable (Arguments) -> TrainingBand?
    /// PyTorch's `torch.nn.init.calculate_gain` for the function with given parameters, and how
    /// PyTorch chose it; nil for the functions it does not know (it raises ValueError).
    let torchGain: @Sendable (Arguments) -> (value: Double, note: String)?
    /// The textbook formulas for f and f′ that frameworks and tutorials write, for evaluation
    /// with every operation rounded to a narrow format (`--arith naive`); nil where none is given.
    let naive: @Sendable (Arguments) -> NaiveFormula?
    /// The evaluator for given parameters.
    let makeKernel: @Sendable (Arguments) -> any ScalarKernel

    /// An entry; the capabilities a function does not have are left at their defaults.
    /// - Parameters:
    ///   - name: The canonical name.
    ///   - family: Its family.
    ///   - aliases: Other names.
    ///   - formula: The definition on one line.
    ///   - parameters: Its parameters, each declared once and read by its closures.
    ///   - notes: When to use it.
    ///   - hasKinks: Whether a kink convention applies.
    ///   - cornerRule: What fixes its derivative at corners, if it has corners and no convention.
    ///   - vector: The whole-vector function of a vector activation.
    ///   - vectorForArguments: The whole-vector function for given parameters, when they change it.
    ///   - defaultOthers: A vector function's other inputs when none are given (`[0]`).
    ///   - smoothness: How smooth it is.
    ///   - corners: Where f, f′ or f″ jumps (none by default).
    ///   - validate: Constraints between parameters (none by default).
    ///   - trainingBand: Its training-time band (none by default).
    ///   - torchGain: PyTorch's tabulated gain, if it has one.
    ///   - naive: Its textbook formulas for f and f′, if it has them.
    ///   - makeKernel: Its evaluator.
    init(
        name: String, family: Family, aliases: [String] = [], formula: String, parameters: [Parameter] = [],
        notes: String, hasKinks: Bool = false, cornerRule: String? = nil, vector: VectorFunction? = nil,
        vectorForArguments: (@Sendable (Arguments) -> VectorFunction)? = nil, defaultOthers: [Double] = [0],
        smoothness: @escaping @Sendable (Arguments) -> Smoothness,
        corners: @escaping @Sendable (Arguments) -> [Double] = { _ in [] },
        validate: @escaping @Sendable (Arguments) throws(ActivationError) -> Void = { _ in },
        trainingBand: @escaping @Sendable (Arguments) -> TrainingBand? = { _ in nil },
        torchGain: @escaping @Sendable (Arguments) -> (value: Double, note: String)? = { _ in nil },
        naive: @escaping @Sendable (Arguments) -> NaiveFormula? = { _ in nil },
        makeKernel: @escaping @Sendable (Arguments) -> any ScalarKernel
    ) {
        self.name = name
        self.family = family
        self.aliases = aliases
        self.formula = formula
        self.parameters = parameters
        self.notes = notes
        self.hasKinks = hasKinks
        self.cornerRule = cornerRule
        self.vector = vector
        self.vectorForArguments = vectorForArguments
        self.defaultOthers = defaultOthers
        self.smoothness = smoothness
        self.corners = corners
        self.validate = validate
        self.trainingBand = trainingBand
        self.torchGain = torchGain
        self.naive = naive
        self.makeKernel = makeKernel
    }

    /// The canonical name, which identifies the entry.
    public var id: String { name }

    /// Whether two entries are the same function: entries are equal when their names are.
    public static func == (a: CatalogEntry, b: CatalogEntry) -> Bool { a.name == b.name }

    /// Hashes the canonical name.
    /// - Parameter hasher: The hasher to feed.
    public func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// Whether the function maps a vector to a vector.
    public var isVector: Bool { vector != nil }

    /// The parameter named `name`, if any.
    /// - Parameter name: A parameter name, matched exactly.
    /// - Returns: The parameter, or nil.
    public func parameter(named name: String) -> Parameter? {
        parameters.first { $0.name == name }
    }
}
