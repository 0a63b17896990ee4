/// The value of one parameter: a real number or a word.
///
/// Literals stand for values: `[.alpha: 0.2, .beta: 2, .approximate: "tanh"]`.
public enum ParameterValue: Sendable, Hashable, CustomStringConvertible, ExpressibleByFloatLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByStringLiteral
{
    /// A real number.
    case real(Double)
    /// A word out of a choice parameter's options.
    case choice(String)

    /// The real number a literal spells: `0.2`.
    public init(floatLiteral value: Double) {
        self = .real(value)
    }

    /// The real number an integer literal spells: `2`.
    public init(integerLiteral value: Int) {
        self = .real(Double(value))
    }

    /// The word a literal spells: `"tanh"`.
    public init(stringLiteral value: String) {
        self = .choice(value)
    }

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
