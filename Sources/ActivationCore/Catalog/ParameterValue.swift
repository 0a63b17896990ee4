/// The value of one parameter: a real number or a word.
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible {
    /// A real number.
    case real(Double)
    /// A word out of a choice parameter's options.
    case choice(String)

    /// The number, or nil for a word.
    public var number: Double? {
        if case .real(let value) = self { return value }
        return nil
    }

    /// The value as a spec writes it: the shortest decimal that reads back (`0.2`, `inf`) or the word.
    public var description: String {
        switch self {
        case .real(let value): DecimalText.shortest(value)
        case .choice(let word): word
        }
    }
}
