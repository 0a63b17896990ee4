/// Why a function spec or parameter was refused; each case prints as one line.
public enum ActivationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No catalog function, alias or preset has this name.
    case unknownFunction(String, suggestion: String?)
    /// The prefix before the dot is not a known framework.
    case unknownFramework(String, suggestion: String?)
    /// The framework has no function of that name.
    case notInFramework(framework: String, name: String, suggestion: String?)
    /// The function has no parameter of that name.
    case unknownParameter(function: String, parameter: String, known: [String])
    /// A parameter value outside its domain or not a number.
    case invalidParameter(function: String, parameter: String, value: String, expected: String)
    /// The text is not of the form NAME[:PARAM=VALUE,...].
    case malformedSpec(String, reason: String)
    /// A vector function's input that it cannot take.
    case invalidVector(function: String, reason: String)
    /// A typed expression that does not parse or names something unknown.
    case invalidExpression(ExpressionError)

    /// The error as one line, saying what was wrong and how to fix it.
    public var description: String {
        switch self {
        case .unknownFunction(let name, let suggestion):
            return "unknown function '\(Self.shown(name))'" + Self.hint(suggestion)
                + " (run 'actplot list' to see the catalog)"
        case .unknownFramework(let name, let suggestion):
            return "unknown framework '\(Self.shown(name))'" + Self.hint(suggestion)
                + " (known: torch, jax, keras, keras2, tf, dl4j)"
        case .notInFramework(let framework, let name, let suggestion):
            return "\(framework) has no activation '\(Self.shown(name))'" + Self.hint(suggestion)
                + " (run 'actplot list --framework \(framework.split(separator: ".").first ?? "")')"
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

    /// User text as an error shows it: control characters escaped (so the message stays one
    /// line) and anything over 60 characters cut in the middle.
    static func shown(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            case "\r": escaped += "\\r"
            case _ where scalar.properties.generalCategory == .control:
                escaped += "\\u{\(String(scalar.value, radix: 16))}"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        guard escaped.count > 60 else { return escaped }
        return "\(middleCut(escaped)) (\(text.count) characters)"
    }

    /// Long text as errors show it: its first 40 and last 12 characters around an ellipsis.
    package static func middleCut(_ text: some StringProtocol) -> String {
        "\(text.prefix(40))…\(text.suffix(12))"
    }

    private static func hint(_ suggestion: String?) -> String {
        suggestion.map { "; did you mean '\($0)'?" } ?? ""
    }
}

/// "Did you mean" suggestions by edit distance.
public enum Suggestion {
    /// The candidate closest to `text`, if close enough to be a plausible typo.
    /// - Parameters:
    ///   - text: What was typed.
    ///   - candidates: The names that exist.
    /// - Returns: The nearest candidate by edit distance on normalised names, or nil.
    public static func nearestName(to text: String, among candidates: [String]) -> String? {
        nearest(to: text, among: candidates)
    }

    /// The candidate closest to `text` (optimal string alignment distance on normalised
    /// names), if it is close enough to be a plausible typo.
    static func nearest(to text: String, among candidates: [String]) -> String? {
        let key = Array(Catalog.normalize(text))
        var best: (String, Int)?
        for candidate in candidates {
            let d = distance(key, Array(Catalog.normalize(candidate)))
            if d < (best?.1 ?? .max) { best = (candidate, d) }
        }
        guard let (name, d) = best else { return nil }
        return d <= Swift.max(2, key.count / 3) ? name : nil
    }

    /// Optimal string alignment distance: insertions, deletions, substitutions, transpositions.
    static func distance(_ a: [Character], _ b: [Character]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = Swift.min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
