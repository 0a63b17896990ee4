import Dispatch

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
    /// The catalog function.
    public let entry: CatalogEntry
    /// Every parameter's value, defaults included, in the entry's order.
    public let parameters: [(name: String, value: ParameterValue)]
    /// The derivative convention at corners.
    public let kink: KinkConvention
    /// The framework preset this function was resolved from, if any.
    public let preset: FrameworkPreset?
    /// For a vector function: the other inputs, held fixed while x varies input 0.
    public let others: [Double]
    let kernel: any ScalarKernel

    /// Creates a function from an entry, validating every parameter.
    ///
    /// - Parameters:
    ///   - entry: The catalog function.
    ///   - parameters: Values for some of its parameters; the rest take their defaults.
    ///   - kink: The derivative convention at corners.
    ///   - others: For a vector function, the inputs other than x (default `[0]`).
    ///   - preset: The framework preset this comes from, if any.
    /// - Throws: ``ActivationError`` for an unknown parameter or a value outside its domain.
    public init(
        _ entry: CatalogEntry, parameters: [String: ParameterValue] = [:],
        kink: KinkConvention = .exclusive, others: [Double] = [0], preset: FrameworkPreset? = nil
    ) throws(ActivationError) {
        for name in parameters.keys where entry.parameter(named: name) == nil {
            throw .unknownParameter(
                function: entry.name, parameter: name, known: entry.parameters.map(\.name))
        }
        var resolved: [(name: String, value: ParameterValue)] = []
        var values: [String: ParameterValue] = [:]
        for parameter in entry.parameters {
            let value = parameters[parameter.name] ?? parameter.defaultValue
            try Self.check(value, against: parameter, of: entry)
            resolved.append((parameter.name, value))
            values[parameter.name] = value
        }
        try Self.checkRelations(values, of: entry)
        self.entry = entry
        self.parameters = resolved
        self.kink = kink
        self.preset = preset
        self.others = entry.isVector ? others : []
        self.kernel = entry.makeKernel(Arguments(values: values, kink: kink, others: self.others))
    }

    private static func check(
        _ value: ParameterValue, against parameter: Parameter, of entry: CatalogEntry
    ) throws(ActivationError) {
        switch (parameter.kind, value) {
        case (.real(_, let domain), .real(let number)):
            if !domain.contains(number) {
                throw .invalidParameter(
                    function: entry.name, parameter: parameter.name, value: shortestText(number),
                    expected: domain.description)
            }
        case (.choice(_, let options), .choice(let word)):
            if !options.contains(word) {
                throw .invalidParameter(
                    function: entry.name, parameter: parameter.name, value: word,
                    expected: "one of " + options.joined(separator: ", "))
            }
        case (.real(_, let domain), .choice(let word)):
            throw .invalidParameter(
                function: entry.name, parameter: parameter.name, value: word, expected: domain.description)
        case (.choice(_, let options), .real(let number)):
            throw .invalidParameter(
                function: entry.name, parameter: parameter.name, value: shortestText(number),
                expected: "one of " + options.joined(separator: ", "))
        }
    }

    /// Constraints between parameters (lower ≤ upper, min_val < max_val, …).
    private static func checkRelations(
        _ values: [String: ParameterValue], of entry: CatalogEntry
    ) throws(ActivationError) {
        func real(_ name: String) -> Double { values[name]?.real ?? 0 }
        switch entry.name {
        case "rrelu" where real("lower") > real("upper"):
            throw .invalidParameter(
                function: entry.name, parameter: "lower", value: shortestText(real("lower")),
                expected: "a number ≤ upper (\(shortestText(real("upper"))))")
        case "hardtanh" where !(real("min_val") < real("max_val")):
            throw .invalidParameter(
                function: entry.name, parameter: "min_val", value: shortestText(real("min_val")),
                expected: "a number < max_val (\(shortestText(real("max_val"))))")
        case "relu" where !(real("max_value") > real("threshold")):
            throw .invalidParameter(
                function: entry.name, parameter: "max_value", value: shortestText(real("max_value")),
                expected: "a number > threshold (\(shortestText(real("threshold"))))")
        default:
            break
        }
    }

    /// The name with the parameters that differ from the defaults:
    /// `leaky_relu(alpha=0.2)`, `gelu(approximate=tanh)`, `torch.Softplus`, `leaky_relu(kink=inclusive)`.
    public var name: String {
        var changed = parameters.filter {
            $0.value != (preset?.parameters[$0.name] ?? entry.parameter(named: $0.name)?.defaultValue)
        }
        if entry.hasKinks && kink != (preset?.kink ?? .exclusive) {
            changed.append(("kink", .choice(kink.rawValue)))
        }
        return (preset?.qualifiedName ?? entry.name) + Self.list(changed)
    }

    private static func list(_ parameters: [(name: String, value: ParameterValue)]) -> String {
        parameters.isEmpty
            ? "" : "(" + parameters.map { "\($0.name)=\($0.value)" }.joined(separator: ",") + ")"
    }

    /// The value of a parameter.
    /// - Parameter name: A parameter name of the entry.
    /// - Returns: Its value, or nil when the entry has no such parameter.
    public func parameter(_ name: String) -> ParameterValue? {
        parameters.first { $0.name == name }?.value
    }

    /// How smooth this function is with these parameters.
    public var smoothness: Smoothness {
        entry.smoothness(
            Arguments(
                values: Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.value) }),
                kink: kink, others: others))
    }
}

// MARK: - Evaluation

extension Activation {
    /// f(x).
    /// - Parameter x: Any double.
    /// - Returns: The value, correct to a few ulps.
    public func value(at x: Double) -> Double { kernel.value(at: x) }

    /// f′(x), by the function's analytic derivative.
    /// - Parameter x: Any double.
    /// - Returns: The first derivative; at a corner, the one ``kink`` selects.
    public func derivative(at x: Double) -> Double { jet(at: x).derivative }

    /// f″(x), by the function's analytic second derivative.
    /// - Parameter x: Any double.
    /// - Returns: The second derivative; at a corner, the one ``kink`` selects.
    public func secondDerivative(at x: Double) -> Double { jet(at: x).secondDerivative }

    /// f(x), f′(x) and f″(x) from one evaluation.
    /// - Parameter x: Any double.
    /// - Returns: The jet at x.
    public func jet(at x: Double) -> Jet { kernel.jet(at: x) }

    /// Evaluates a batch: values, and optionally derivatives, for every input.
    ///
    /// The function is dispatched once for the whole batch (once per core for a long one): the
    /// loop is the concrete kernel's own, specialised for it, and allocates nothing.
    /// - Parameters:
    ///   - input: The x values.
    ///   - values: Receives f(x); must be as long as `input`.
    ///   - derivatives: Receives f′(x) when given; as long as `input`.
    ///   - secondDerivatives: Receives f″(x) when given; as long as `input`.
    public func evaluate(
        _ input: UnsafeBufferPointer<Double>, values: UnsafeMutableBufferPointer<Double>,
        derivatives: UnsafeMutableBufferPointer<Double>? = nil,
        secondDerivatives: UnsafeMutableBufferPointer<Double>? = nil
    ) {
        precondition(values.count >= input.count, "values buffer is shorter than the input")
        precondition((derivatives?.count ?? input.count) >= input.count, "derivatives buffer is too short")
        precondition(
            (secondDerivatives?.count ?? input.count) >= input.count, "second-derivative buffer is too short")
        let parts = Swift.min(Self.processorCount, input.count / Self.parallelBatch)
        guard parts > 1 else {
            kernel.evaluate(input, values: values, derivatives: derivatives, secondDerivatives: secondDerivatives)
            return
        }
        // Large batches are split across the cores; each part writes only its own slice.
        let buffers = UncheckedSendable((input, values, derivatives, secondDerivatives))
        let kernel = self.kernel
        DispatchQueue.concurrentPerform(iterations: parts) { part in
            let (input, values, derivatives, secondDerivatives) = buffers.value
            let range = input.count * part / parts..<input.count * (part + 1) / parts
            func slice(_ b: UnsafeMutableBufferPointer<Double>) -> UnsafeMutableBufferPointer<Double> {
                UnsafeMutableBufferPointer(rebasing: b[range])
            }
            kernel.evaluate(
                UnsafeBufferPointer(rebasing: input[range]), values: slice(values),
                derivatives: derivatives.map(slice), secondDerivatives: secondDerivatives.map(slice))
        }
    }

    /// Batches at least twice this long are split across the processor's cores.
    public static let parallelBatch = 1 << 16

    /// The cores this process may use.
    package static let processorCount = processorsOnline()

    /// f at every element of an array.
    /// - Parameter input: The x values.
    /// - Returns: f(x) for each, in order.
    public func values(_ input: [Double]) -> [Double] {
        [Double](unsafeUninitializedCapacity: input.count) { buffer, count in
            input.withUnsafeBufferPointer { evaluate($0, values: buffer) }
            count = input.count
        }
    }

    /// f, f′ and f″ at every element of an array, by the same batch kernels as
    /// ``evaluate(_:values:derivatives:secondDerivatives:)``.
    /// - Parameter input: The x values.
    /// - Returns: The three arrays, each in the order of `input`.
    public func jets(_ input: [Double]) -> (
        values: [Double], derivatives: [Double], secondDerivatives: [Double]
    ) {
        var values = [Double](repeating: 0, count: input.count)
        var derivatives = values
        var secondDerivatives = values
        input.withUnsafeBufferPointer { x in
            values.withUnsafeMutableBufferPointer { v in
                derivatives.withUnsafeMutableBufferPointer { d in
                    secondDerivatives.withUnsafeMutableBufferPointer { c in
                        evaluate(x, values: v, derivatives: d, secondDerivatives: c)
                    }
                }
            }
        }
        return (values, derivatives, secondDerivatives)
    }
}

/// Buffers handed to concurrent workers that each touch only their own slice of them.
package struct UncheckedSendable<Value>: @unchecked Sendable {
    /// The value.
    package let value: Value
    /// Wraps a value.
    package init(_ value: Value) { self.value = value }
}
