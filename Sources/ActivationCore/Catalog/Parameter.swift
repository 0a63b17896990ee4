/// A named parameter of a catalog function, with its default and the values it accepts.
///
/// ```
/// leaky_relu:  alpha = 0.01, any finite number
/// gelu:        approximate = none, one of none | tanh | sigmoid
/// ```
public struct Parameter: Sendable, Hashable {
    /// The key a Swift program gives the value under (`[.alpha: 0.2]`).
    public let key: Name
    /// What the parameter accepts and its default.
    public let kind: Kind
    /// One line on what the parameter does.
    public let summary: String

    /// The name used in function specs (`leaky_relu:alpha=0.2`) and in descriptions.
    public var name: String { key.rawValue }

    /// The values a parameter accepts.
    public enum Kind: Sendable, Hashable {
        /// A real number in `domain`.
        case real(default: Double, domain: Domain)
        /// One word out of `options`.
        case choice(default: String, options: [String])
    }

    /// The default value.
    public var defaultValue: ParameterValue {
        switch kind {
        case .real(let value, _): .real(value)
        case .choice(let value, _): .choice(value)
        }
    }

    /// Checks a value against the parameter's kind and domain.
    /// - Parameters:
    ///   - value: The value given (or the default).
    ///   - function: The function's name, for the error.
    /// - Throws: ``ActivationError/invalidParameter(function:parameter:value:expected:)``.
    func check(_ value: ParameterValue, of function: String) throws(ActivationError) {
        switch (kind, value) {
        case (.real(_, let domain), .real(let number)) where domain.contains(number):
            return
        case (.choice(_, let options), .choice(let word)) where options.contains(word):
            return
        case (.real(_, let domain), _):
            throw .invalidParameter(
                function: function, parameter: name, value: value.description, expected: domain.description)
        case (.choice(_, let options), _):
            throw .invalidParameter(
                function: function, parameter: name, value: value.description,
                expected: "one of " + options.joined(separator: ", "))
        }
    }

    /// A real parameter.
    static func real(_ key: Name, _ value: Double, _ domain: Domain, _ summary: String) -> Parameter {
        Parameter(key: key, kind: .real(default: value, domain: domain), summary: summary)
    }

    /// A choice parameter.
    static func choice(_ key: Name, _ value: String, _ options: [String], _ summary: String) -> Parameter {
        Parameter(key: key, kind: .choice(default: value, options: options), summary: summary)
    }
}

extension Parameter {
    /// The set of real numbers a real parameter accepts.
    public enum Domain: Sendable, Hashable, CustomStringConvertible {
        /// Any finite number.
        case finite
        /// A finite number > 0.
        case positive
        /// A finite number ≥ 0.
        case nonNegative
        /// A finite number ≠ 0.
        case nonZero
        /// A number > 0, or +∞.
        case positiveOrInfinity
        /// Any number but NaN, ±∞ included.
        case extended

        /// Whether `value` belongs to the domain.
        /// - Parameter value: The candidate value.
        /// - Returns: `true` when the parameter may take `value`.
        public func contains(_ value: Double) -> Bool {
            switch self {
            case .finite: value.isFinite
            case .positive: value.isFinite && value > 0
            case .nonNegative: value.isFinite && value >= 0
            case .nonZero: value.isFinite && value != 0
            case .positiveOrInfinity: value > 0
            case .extended: !value.isNaN
            }
        }

        /// The domain in words, as error messages and `info` print it.
        public var description: String {
            switch self {
            case .finite: "a finite number"
            case .positive: "a finite number > 0"
            case .nonNegative: "a finite number ≥ 0"
            case .nonZero: "a finite number other than 0"
            case .positiveOrInfinity: "a number > 0, or inf"
            case .extended: "a number, inf or -inf"
            }
        }
    }
}
