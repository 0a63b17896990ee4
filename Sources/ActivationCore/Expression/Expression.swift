/// A function typed as a formula of x, with exact first and second derivatives by
/// automatic differentiation.
///
/// ```swift
/// let mish = try Expression("x*tanh(log1p(exp(x)))")
/// mish.activation.jet(at: 1)      // f, f′ and f″ at 1, each to a few ulps
/// try Expression("gelu(2*x, approximate=tanh) - 0.1*x^2")
/// ```
/// The grammar: numbers (`1e-3`, `.5`, `0x1p-3`), `x`, `pi`, `e`, `+ - * /`, `^` (or `**`,
/// right-associative; `-x^2` is `-(x^2)`), parentheses, the elementary functions `exp log
/// log1p expm1 log2 log10 sqrt cbrt abs sin cos tan asin acos atan sinh cosh tanh asinh acosh
/// atanh erf erfc floor ceil round min max sign pow`, and every
/// element-wise catalog function or framework preset with named parameters
/// (`leaky_relu(x, alpha=0.2)`, `torch.hardsigmoid(x)`).
///
/// Catalog calls keep their own stable formulas: `gelu(x)` in an expression is exactly the
/// catalog's gelu, and its f′ and f″ enter the chain rule. Domain errors (`log(-1)`) give NaN.
/// `abs′(0)` and `sign′` are 0; `min` and `max` follow the smaller or larger argument (the
/// first on a tie). `floor`, `ceil` and `round` (ties to even, as torch and numpy round) are
/// steps with derivative 0.
public struct Expression: Sendable {
    /// The text as typed, without surrounding spaces.
    public let text: String
    let program: ExpressionProgram
    let smoothness: Smoothness
    /// The parsed formula, for evaluation in a narrow format (``NaiveFormula``).
    let node: ExpressionNode
    /// Where its comparisons switch (`x > 0`: 0), so that plots break there and `info` lists them.
    public let corners: [Double]

    /// The deepest nesting of parentheses, calls and unary operators accepted.
    public static let maximumDepth = 256
    /// The longest expression accepted, in characters.
    public static let maximumLength = 10_000

    /// Parses and compiles an expression.
    /// - Parameter text: The formula.
    /// - Throws: ``ExpressionError`` with the column of the offending character.
    public init(_ text: String) throws(ExpressionError) {
        let trimmed = text.trimmingWhitespace
        guard trimmed.count <= Self.maximumLength else {
            throw ExpressionError(
                "the expression is \(trimmed.count) characters long; at most \(Self.maximumLength) are accepted",
                at: Self.maximumLength + 1, in: String(trimmed.prefix(Self.maximumLength + 40)))
        }
        guard !trimmed.isEmpty else { throw ExpressionError("the expression is empty", at: 1, in: trimmed) }
        var parser = ExpressionParser(trimmed)
        let node = try parser.parse()
        self.text = trimmed
        self.node = node
        let program = ExpressionProgram(node)
        self.program = program
        let corners = Self.corners(of: node)
        self.corners = corners ?? []
        var smoothness = Self.smoothness(of: node)
        if Self.hasSteps(node) {
            // Comparisons switch at the corners: continuous at best, and only if f does not
            // jump at any of them (checked on both sides); unknown switching points claim nothing.
            let jumps =
                corners.map { points in
                    points.contains { c in
                        let (left, right): (Double, Double) = (
                            program.evaluate(at: c.nextDown), program.evaluate(at: c.nextUp)
                        )
                        return
                            !(Swift.abs(right - left) <= 1e-9
                            * Swift.max(1, Swift.abs(left), Swift.abs(right)))
                    }
                } ?? true
            smoothness = jumps ? .discontinuous : Self.least([smoothness, .continuous])
        }
        self.smoothness = smoothness
    }

    /// Where the formula's comparisons switch, sorted: each must compare x with a constant
    /// (`x > 0`, `2.5 <= x`); nil when one does not, so that its switching points are unknown.
    static func corners(of node: ExpressionNode) -> [Double]? {
        var points: Set<Double> = []
        var known = true
        func walk(_ node: ExpressionNode) {
            if case .comparison(_, let a, let b) = node {
                if case .variable = a, let c = ExpressionProgram.constantValue(b), c.isFinite {
                    points.insert(c)
                } else if case .variable = b, let c = ExpressionProgram.constantValue(a), c.isFinite {
                    points.insert(c)
                } else if ExpressionProgram.constantValue(a) == nil
                    || ExpressionProgram.constantValue(b) == nil
                {
                    known = false
                }
            }
            children(of: node).forEach(walk)
        }
        walk(node)
        return known ? points.sorted() : nil
    }

    /// Whether a comparison appears anywhere: its value steps.
    static func hasSteps(_ node: ExpressionNode) -> Bool {
        if case .comparison = node { return true }
        return children(of: node).contains(where: hasSteps)
    }

    /// The subtrees of a node.
    static func children(of node: ExpressionNode) -> [ExpressionNode] {
        switch node {
        case .number, .variable, .output: []
        case .negate(let a), .not(let a), .activation(_, let a): [a]
        case .chain(let first, let links): [first] + links.map(\.1)
        case .power(let a, let b), .comparison(_, let a, let b), .logical(_, let a, let b): [a, b]
        case .elementary(_, let arguments): arguments
        case .select(let c, let a, let b): [c, a, b]
        }
    }

    /// The least smooth of several.
    static func least(_ items: [Smoothness]) -> Smoothness {
        let order: [Smoothness] = [
            .discontinuous, .continuous, .differentiable, .twiceDifferentiable, .smooth,
        ]
        return items.min { (order.firstIndex(of: $0) ?? 0) < (order.firstIndex(of: $1) ?? 0) } ?? .smooth
    }

    /// f(x).
    /// - Parameter x: Any double.
    /// - Returns: The value; NaN outside the expression's domain.
    public func value(at x: Double) -> Double { program.evaluate(at: x) }

    /// f(x), f′(x) and f″(x) by second-order forward-mode automatic differentiation.
    /// - Parameter x: Any double.
    /// - Returns: The jet at x.
    public func jet(at x: Double) -> Jet { program.evaluate(at: x) }

    /// The number of compiled instructions (after constant folding).
    public var instructionCount: Int { program.instructions.count }

    /// The expression as an ``Activation``.
    ///
    /// It is usable wherever a catalog function is: plots, tables, properties, comparisons.
    /// Its name and formula are the expression's text.
    public var activation: Activation { Activation(self) }

    /// The least smooth part: sign jumps, abs/min/max have corners, catalog calls bring theirs.
    ///
    /// Comparisons and the branches they choose are judged at their corners, in `init`.
    static func smoothness(of node: ExpressionNode) -> Smoothness {
        switch node {
        case .number, .variable, .output: return .smooth
        case .negate(let a): return smoothness(of: a)
        case .chain(let first, let links):
            return least([smoothness(of: first)] + links.map { smoothness(of: $0.1) })
        case .power(let a, let b): return least([smoothness(of: a), smoothness(of: b)])
        case .elementary(let f, let arguments):
            let own: Smoothness =
                [.sign, .floor, .ceil, .round].contains(f)
                ? .discontinuous : [.abs, .min, .max, .hypot].contains(f) ? .continuous : .smooth
            return least([own] + arguments.map(smoothness(of:)))
        case .activation(let f, let a): return least([f.smoothness, smoothness(of: a)])
        case .comparison, .logical, .not: return .smooth
        case .select(_, let a, let b): return least([smoothness(of: a), smoothness(of: b)])
        }
    }
}

extension CatalogEntry {
    /// The entry describing a typed expression: its text as name and formula, family
    /// ``Family/expression``, no parameters, no corners known in advance.
    /// - Parameters:
    ///   - expression: The compiled expression.
    ///   - notes: What it is; by default, that it was typed and how its derivatives are found.
    init(
        expression: Expression,
        notes: String =
            "A typed expression; f′ and f″ by second-order forward-mode automatic differentiation."
    ) {
        let program = expression.program
        let smoothness = expression.smoothness
        let node = expression.node
        let corners = expression.corners
        self.init(
            name: expression.text, family: .expression, formula: expression.text, notes: notes,
            smoothness: { _ in smoothness }, corners: { _ in corners },
            naive: { _ in NaiveFormula(typed: expression.text, node) },
            makeKernel: { _ in ExpressionKernel(program: program) })
    }
}
