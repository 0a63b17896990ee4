/// A function's textbook formulas, as frameworks and tutorials write them: f, and f′ in x and
/// `y`, the output as the forward pass stored it (σ′ = y·(1 − y), tanh′ = 1 − y²).
///
/// ```swift
/// let sigmoid = NaiveFormula(value: "1/(1 + exp(-x))", derivative: "y*(1 - y)")
/// ```
/// `--arith naive` evaluates them with every operation rounded to the format
/// (an internal `RoundedArithmetic`), which is where the narrow formats fail: 1 + exp(−x) rounds to 1, the
/// stored y rounds to 1 and 1 − y is 0. A typed expression has no written derivative: its f′
/// is forward-mode differentiation with every operation rounded too, as autograd in the
/// format computes it.
public struct NaiveFormula: Sendable {
    /// f, in x.
    public let value: String
    /// f′, in x and y; nil for a typed expression (differentiated as autograd would).
    public let derivative: String?
    let valueNode: ExpressionNode
    let derivativeNode: ExpressionNode?
    /// A framework's `where(c > 0, then, otherwise)` around the formulas, where the branch not
    /// taken may overflow: c and the formulas taken where it is positive.
    let selection: (condition: ExpressionNode, value: ExpressionNode, derivative: ExpressionNode)?

    /// Formulas written in the catalog: both parse (a programming error if they do not).
    /// - Parameters:
    ///   - value: f in x, in the expression grammar.
    ///   - derivative: f′ in x and y (the stored output).
    init(value: String, derivative: String) {
        self.value = value
        self.derivative = derivative
        valueNode = Self.parse(value)
        derivativeNode = Self.parse(derivative, allowsOutput: true)
        selection = nil
    }

    /// Formulas chosen by the sign of a condition, as `where(c > 0, a, b)` chooses.
    /// - Parameters:
    ///   - condition: c in x; the `then` formulas are taken where it is positive.
    ///   - then: f and f′ where c > 0.
    ///   - otherwise: f and f′ elsewhere.
    init(where condition: String, then: (value: String, derivative: String), otherwise: NaiveFormula) {
        value = "\(then.value) where \(condition) > 0, else \(otherwise.value)"
        derivative = "\(then.derivative) where \(condition) > 0, else \(otherwise.derivative ?? "autograd")"
        valueNode = otherwise.valueNode
        derivativeNode = otherwise.derivativeNode
        selection = (
            Self.parse(condition), Self.parse(then.value), Self.parse(then.derivative, allowsOutput: true)
        )
    }

    /// A formula written in the code (the catalog's, a framework kernel's), parsed (a
    /// programming error if it does not parse).
    static func parse(_ text: String, allowsOutput: Bool = false) -> ExpressionNode {
        var parser = ExpressionParser(text, allowsOutput: allowsOutput)
        do {
            return try parser.parse()
        } catch {
            preconditionFailure("a formula written in the code does not parse: \(text): \(error)")
        }
    }

    /// A parameter's value as formula text: its shortest decimal, in parentheses when negative.
    static func literal(_ v: Double) -> String {
        let text = DecimalText.shortest(v)
        return v < 0 ? "(" + text + ")" : text
    }

    /// A typed expression: f as typed, f′ by rounded forward-mode differentiation.
    init(typed text: String, _ node: ExpressionNode) {
        value = text
        derivative = nil
        valueNode = node
        derivativeNode = nil
        selection = nil
    }

    /// A catalog function that frameworks differentiate by autograd (no written f′): f as
    /// written, f′ by rounded forward-mode differentiation.
    /// - Parameter value: f in x, in the expression grammar.
    init(autograd value: String) {
        self.init(typed: value, Self.parse(value))
    }
}

extension NaiveFormula {
    /// [u > 0] as formula text: 1 where u > 0, else 0.
    ///
    /// A framework's `where(u > 0, a, b)` is written `a*[u > 0] + b*(1 - [u > 0])`: a product
    /// with 0 or 1 and a sum with 0 are exact in every format, so the result is the chosen
    /// branch as the format computes it (an infinite branch not chosen gives NaN, ∞·0; the
    /// formulas bound such branches where x can be infinite).
    static func step(_ u: String) -> String { "max(sign(\(u)), 0)" }

    /// x − t as formula text: "x" when t = 0, "x + 0.5" for t = −0.5.
    static func offset(_ t: Double) -> String {
        t == 0 ? "x" : t < 0 ? "x + " + DecimalText.shortest(-t) : "x - " + literal(t)
    }
}
