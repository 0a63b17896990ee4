/// A catalog function with its parameters and kink convention chosen, ready to evaluate.
///
/// ```swift
/// let f = try Catalog.activation("leaky_relu:alpha=0.2")
/// f.value(at: -1)                  // -0.2
/// f.jet(at: 0)                     // value 0, derivative 0.2 (PyTorch's convention), 0
/// try Catalog.activation("jax.leaky_relu").derivative(at: 0)   // 1
/// ```
///
/// Values are correct to a few ulps over the whole double line, derivatives likewise
/// (see the catalog's accuracy tests); no finite input gives NaN or ±∞ where the true
/// result is finite.
public struct Activation: Sendable {
    /// What the function is: its catalog entry, or the entry describing a typed expression.
    public let entry: CatalogEntry
    /// Every parameter's value, defaults included, in the entry's order.
    public let parameters: [Setting]
    /// The derivative convention at corners.
    public let kink: KinkConvention
    /// The framework preset this function was resolved from, if any.
    public let preset: FrameworkPreset?
    /// For a vector function: the other inputs, held fixed while x varies input 0.
    public let others: [Double]
    /// The resolved parameters, as the entry's closures read them.
    let arguments: Arguments
    let kernel: any ScalarKernel

    /// A catalog function with some of its parameters set, each validated.
    ///
    /// ```swift
    /// let leaky = try Activation(.leakyReLU, [.alpha: 0.2])
    /// let tanhGELU = try Activation(.gelu, [.approximate: "tanh"], kink: .exclusive)
    /// ```
    /// - Parameters:
    ///   - entry: The catalog function (``Catalog/all``).
    ///   - values: Values for some of its parameters; the rest take their defaults.
    ///   - kink: The derivative convention at corners.
    ///   - others: For a vector function, the inputs other than x (default: the entry's
    ///     ``CatalogEntry/defaultOthers``, `[0]`, or `[1]` for the GLU family).
    /// - Throws: ``ActivationError`` for a parameter the function does not have, a value
    ///   outside its domain, or values that break a constraint between parameters (rrelu's
    ///   lower ≤ upper, …).
    public init(
        _ entry: CatalogEntry, _ values: [Parameter.Name: ParameterValue] = [:],
        kink: KinkConvention = .exclusive, others: [Double]? = nil
    ) throws(ActivationError) {
        var named: [String: ParameterValue] = [:]
        for (key, value) in values { named[key.rawValue] = value }
        try self.init(entry, parameters: named, kink: kink, others: others, preset: nil)
    }

    /// A function from an entry and parameter values by name, validating every parameter.
    /// - Parameters:
    ///   - entry: The catalog function.
    ///   - parameters: Values for some of its parameters; the rest take their defaults.
    ///   - kink: The derivative convention at corners.
    ///   - others: For a vector function, the inputs other than x; nil for the entry's default.
    ///   - preset: The framework preset this comes from, if any.
    /// - Throws: ``ActivationError``, as ``init(_:_:kink:others:)``.
    init(
        _ entry: CatalogEntry, parameters: [String: ParameterValue], kink: KinkConvention, others: [Double]?,
        preset: FrameworkPreset?
    ) throws(ActivationError) {
        for name in parameters.keys.sorted() where entry.parameter(named: name) == nil {
            throw .unknownParameter(
                function: entry.name, parameter: name, known: entry.parameters.map(\.name))
        }
        var values: [(parameter: Parameter, value: ParameterValue)] = []
        for parameter in entry.parameters {
            let value = parameters[parameter.name] ?? parameter.defaultValue
            try parameter.check(value, of: entry.name)
            values.append((parameter, value))
        }
        let arguments = Arguments(
            function: entry.name, values: values, kink: kink,
            others: entry.isVector ? others ?? entry.defaultOthers : [])
        try entry.validate(arguments)
        self.init(entry, arguments, preset: preset)
    }

    /// A function from resolved, valid arguments.
    private init(_ entry: CatalogEntry, _ arguments: Arguments, preset: FrameworkPreset?) {
        self.entry = entry
        self.arguments = arguments
        self.parameters = arguments.values.map { Setting(name: $0.parameter.name, value: $0.value) }
        self.kink = arguments.kink
        self.preset = preset
        self.others = arguments.others
        self.kernel = entry.makeKernel(arguments)
    }

    /// A typed formula as a function: its entry describes the expression.
    init(_ expression: Expression) {
        let entry = CatalogEntry(expression: expression)
        self.init(
            entry, Arguments(function: entry.name, values: [], kink: .exclusive, others: []), preset: nil)
    }

    /// For a vector function, what it does to a whole vector with these parameters.
    public var vector: VectorFunction? {
        entry.vectorForArguments?(arguments) ?? entry.vector
    }

    /// The name with the parameters that differ from the defaults:
    /// `leaky_relu(alpha=0.2)`, `gelu(approximate=tanh)`, `torch.Softplus`, `leaky_relu(kink=inclusive)`.
    public var name: String {
        var changed = parameters.filter {
            $0.value != (preset?.parameters[$0.name] ?? entry.parameter(named: $0.name)?.defaultValue)
        }
        if entry.hasKinks && kink != (preset?.kink ?? .exclusive) {
            changed.append(Setting(name: "kink", value: .choice(kink.rawValue)))
        }
        return (preset?.qualifiedName ?? entry.name) + Self.list(changed)
    }

    /// Names that tell apart functions drawn together.
    ///
    /// Where several are one function with different real parameters, each name lists every
    /// real parameter on which they differ, default values included: `leaky_relu(alpha=0.01)`
    /// beside `leaky_relu(alpha=0.1)`, where ``name`` would call the first plain `leaky_relu`.
    /// A choice keeps its default unnamed (`gelu` beside `gelu(approximate=tanh)`).
    /// - Parameter functions: The functions, in order.
    /// - Returns: One name for each.
    public static func distinctNames(_ functions: [Activation]) -> [String] {
        let base = { (f: Activation) in f.preset?.qualifiedName ?? f.entry.name }
        let value = { (f: Activation, name: String) in f.parameters.first { $0.name == name }?.value }
        return functions.map { f in
            let family = functions.filter { base($0) == base(f) }
            guard family.count > 1 else { return f.name }
            var settings = f.parameters.filter { setting in
                let standard =
                    f.preset?.parameters[setting.name] ?? f.entry.parameter(named: setting.name)?.defaultValue
                guard setting.value == standard else { return true }
                guard case .real = setting.value else { return false }
                return family.contains { value($0, setting.name) != setting.value }
            }
            if f.entry.hasKinks && f.kink != (f.preset?.kink ?? .exclusive) {
                settings.append(Setting(name: "kink", value: .choice(f.kink.rawValue)))
            }
            return base(f) + list(settings)
        }
    }

    private static func list(_ parameters: [Setting]) -> String {
        parameters.isEmpty
            ? "" : "(" + parameters.map { "\($0.name)=\($0.value)" }.joined(separator: ",") + ")"
    }

    /// The value of a parameter.
    /// - Parameter name: A parameter name of the entry (`.alpha`).
    /// - Returns: Its value, or nil when the entry has no such parameter.
    public func parameter(_ name: Parameter.Name) -> ParameterValue? {
        parameters.first { $0.name == name.rawValue }?.value
    }

    /// For a vector function's one-component slice, which output is drawn and what the other
    /// inputs are: `component 0, others = 0`; nil for an element-wise function.
    public var componentDescription: String? {
        guard entry.isVector else { return nil }
        let fixed = others.map(DecimalText.shortest).joined(separator: ", ")
        return "component 0, " + (others.count == 1 ? "other input = " : "other inputs = ") + fixed
    }

    /// The textbook formulas for f and f′ with these parameters (`--arith naive`), or nil.
    public var naiveFormula: NaiveFormula? { entry.naive(arguments) }

    /// How smooth this function is with these parameters.
    public var smoothness: Smoothness { entry.smoothness(arguments) }

    /// Where f, f′ or f″ jumps with these parameters (corners and steps), in increasing order;
    /// for a typed expression, where its comparisons of x with a constant switch.
    public var corners: [Double] { entry.corners(arguments) }

    /// What the function does in training that it does not at evaluation (rrelu's random
    /// slopes), or nil.
    public var trainingBand: TrainingBand? { entry.trainingBand(arguments) }

    /// PyTorch's `torch.nn.init.calculate_gain` for this function, and how PyTorch chose it; nil
    /// where PyTorch has none (`calculate_gain('gelu')` raises ValueError).
    public var torchGain: TorchGain? {
        entry.torchGain(arguments).map { TorchGain(value: $0.value, note: $0.note) }
    }
}

extension Activation {
    /// Whether every real parameter is a short binary fraction (a multiple of 2⁻²⁰ below 2²⁰:
    /// 0.25, 3, 1/64), so that the double the kernel holds is exactly the value a user or a
    /// paper means; 0.01 and SELU's λ are not.
    var parametersAreShortBinary: Bool {
        parameters.allSatisfy {
            guard case .real(let v) = $0.value, v.isFinite else { return true }
            return abs(v) < 0x1p20 && (v * 0x1p20).rounded() == v * 0x1p20
        }
    }

    /// A parameter with its value: `alpha = 0.2`.
    public struct Setting: Sendable, Hashable {
        /// The parameter's name.
        public let name: String
        /// Its value.
        public let value: ParameterValue
    }

    /// PyTorch's `torch.nn.init.calculate_gain` for a function, and how PyTorch chose it.
    public struct TorchGain: Sendable, Hashable {
        /// The gain.
        public let value: Double
        /// Where it comes from (`√(2/(1 + slope²))`).
        public let note: String
    }
}
