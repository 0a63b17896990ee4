/// Why a function spec or parameter was refused; each case prints as one line.
///
/// The line says what was wrong and, where one is near, which name was meant; it speaks of
/// functions and parameters only, so that a program using the library can add its own advice
/// (the actplot command adds where to list the names).
public enum ActivationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No catalog function, alias or preset has this name.
    case unknownFunction(String, suggestion: String?)
    /// The prefix before the dot is not a known framework.
    case unknownFramework(String, suggestion: String?)
    /// The framework has no function of that name.
    case notInFramework(framework: String, name: String, suggestion: String?)
    /// The framework has no function of that name, but the name means something known: another
    /// version of the framework has it, or it is another kind of name.
    case elsewhere(framework: String, name: String, answer: String)
    /// The function has no parameter of that name.
    case unknownParameter(function: String, parameter: String, known: [String])
    /// A parameter value outside its domain or not a number.
    case invalidParameter(function: String, parameter: String, value: String, expected: String)
    /// The text is not of the form NAME[:PARAM=VALUE,...].
    case malformedSpec(String, reason: String)
    /// A vector function's input that it cannot take.
    case invalidVector(function: String, reason: String)
    /// A typed expression that does not parse or names something unknown.
    indirect case invalidExpression(ExpressionError)

    /// The error as one line, saying what was wrong and how to fix it.
    public var description: String {
        switch self {
        case .unknownFunction(let name, let suggestion):
            return "unknown function '\(Self.shown(name))'" + Self.hint(suggestion)
        case .unknownFramework(let name, let suggestion):
            return "unknown framework '\(Self.shown(name))'" + Self.hint(suggestion)
                + " (known: \(Framework.allCases.map(\.rawValue).joined(separator: ", ")))"
        case .notInFramework(let framework, let name, let suggestion):
            return "\(framework) has no activation '\(Self.shown(name))'" + Self.hint(suggestion)
        case .elsewhere(let framework, let name, let answer):
            return "\(framework) has no activation '\(Self.shown(name))': \(answer)"
        case .unknownParameter(let function, let parameter, let known):
            if known.isEmpty { return "\(function) takes no parameters, got '\(Self.shown(parameter))'" }
            let near = Suggestion.nearest(to: parameter, among: known)
            return "unknown parameter '\(Self.shown(parameter))' for \(function)" + Self.hint(near)
                + " (it takes: \(known.joined(separator: ", ")))"
        case .invalidParameter(let function, let parameter, let value, let expected):
            return
                "\(function) parameter '\(Self.shown(parameter))' must be \(expected), got '\(Self.shown(value))'"
        case .malformedSpec(let spec, let reason):
            return "cannot read function '\(Self.shown(spec))': \(reason)"
        case .invalidVector(let function, let reason):
            return "\(function) \(reason)"
        case .invalidExpression(let error):
            return error.description
        }
    }

    /// The error with a preset's names: the preset instead of its catalog function, and the
    /// framework's parameter names (`torch.LeakyReLU parameter 'negative_slope'`, not
    /// `leaky_relu parameter 'alpha'`).
    /// - Parameter preset: The preset the spec named.
    /// - Returns: The same error in the framework's words.
    func naming(_ preset: FrameworkPreset) -> ActivationError {
        switch self {
        case .unknownParameter(_, let parameter, let known):
            .unknownParameter(
                function: preset.qualifiedName, parameter: parameter,
                known: known.map(preset.frameworkParameter(named:)))
        case .invalidParameter(_, let parameter, let value, let expected):
            .invalidParameter(
                function: preset.qualifiedName, parameter: preset.frameworkParameter(named: parameter),
                value: value, expected: expected)
        default: self
        }
    }

    /// User text as an error shows it: control characters escaped (so the message stays one
    /// line) and anything over 60 characters cut in the middle.
    static func shown(_ text: String) -> String {
        let escaped = escapingControls(text)
        guard escaped.count > 60 else { return escaped }
        return "\(middleCut(escaped)) (\(text.count) characters)"
    }

    /// Control characters written visibly (`\n`, `\t`, `\r`, `\u{1b}`), so that a message never
    /// moves the cursor, colours the terminal or cuts a line.
    /// - Parameters:
    ///   - text: Any text.
    ///   - keepingLineBreaks: Leave `\n` as it is (a formula's excerpt under its message).
    /// - Returns: The text with every control character escaped.
    package static func escapingControls(_ text: String, keepingLineBreaks: Bool = false) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += keepingLineBreaks ? "\n" : "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            case _ where scalar.properties.generalCategory == .control:
                escaped += "\\u{\(String(scalar.value, radix: 16))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }

    /// Long text as errors show it: its first 40 and last 12 characters around an ellipsis.
    package static func middleCut(_ text: some StringProtocol) -> String {
        "\(text.prefix(40))…\(text.suffix(12))"
    }

    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}
