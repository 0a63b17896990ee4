/// The syntax tree of an expression.
indirect enum ExpressionNode: Sendable {
    case number(Double)
    case variable
    /// `y`, the function's output as stored: only in the derivative of a ``NaiveFormula``.
    case output
    case negate(ExpressionNode)
    /// `a + b - c` or `a * b / c`: a left-to-right chain, flat so that a long sum does not
    /// make a deep tree (every walk over the tree recurses).
    case chain(ExpressionNode, [(BinaryOperator, ExpressionNode)])
    case power(ExpressionNode, ExpressionNode)
    case elementary(Elementary, [ExpressionNode])
    case activation(Activation, ExpressionNode)
    /// `a < b`, `a == b`, …: 1 where it holds, else 0 (a comparison with NaN fails, `!=` holds).
    case comparison(Comparison, ExpressionNode, ExpressionNode)
    /// `a && b`, `a || b`: 1 or 0, any nonzero operand counting as true.
    case logical(LogicalOperator, ExpressionNode, ExpressionNode)
    /// `!a`: 1 where a is 0, else 0.
    case not(ExpressionNode)
    /// `where(c, a, b)` and `c ? a : b`: a, its value and derivatives, where c is nonzero, b
    /// elsewhere (at the boundary too, as torch.where and jnp.where differentiate); NaN where c
    /// is NaN.
    case select(ExpressionNode, ExpressionNode, ExpressionNode)
}

/// `< <= > >= == !=`.
enum Comparison: String, Sendable, CaseIterable {
    case lessOrEqual = "<=", greaterOrEqual = ">=", equal = "==", notEqual = "!=", less = "<", greater = ">"

    /// Whether `a OP b` holds.
    @inline(__always)
    func holds(_ a: Double, _ b: Double) -> Bool {
        switch self {
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        case .equal: a == b
        case .notEqual: a != b
        }
    }
}

/// `&&`, `||`.
enum LogicalOperator: String, Sendable {
    case and = "&&", or = "||"
}

/// `+ - * /`.
enum BinaryOperator: Sendable {
    case add, subtract, multiply, divide
}

/// The elementary functions an expression can call, with their arities.
enum Elementary: String, Sendable, CaseIterable {
    case exp, log, log1p, expm1, sqrt, abs, sin, cos, tan, sinh, cosh, tanh, erf, erfc, min, max, sign, pow
    case atan, asin, acos, asinh, acosh, atanh, log2, log10, cbrt, floor, ceil, round, erfinv, hypot

    var arity: Int {
        switch self {
        case .min, .max, .pow, .hypot: 2
        default: 1
        }
    }
}

/// A recursive-descent parser for the expression grammar.
///
/// ```
/// cond    = or ("?" cond ":" cond)?                c ? a : b, right-associative
/// or      = and ("||" and)*
/// and     = compare ("&&" compare)*
/// compare = expr (("<" | "<=" | ">" | ">=" | "==" | "!=") expr)?    not chained
/// expr    = term (("+" | "-") term)*
/// term    = unary (("*" | "/") unary)*
/// unary   = ("-" | "+" | "!") unary | power      -x^2 is -(x^2)
/// power   = primary (("^" | "**") unary)?        right-associative: 2^3^2 = 2^9
/// primary = number | "x" | "pi" | "e" | "(" cond ")" | name "(" args ")"
/// args    = arg ("," arg)*     arg = cond | name "=" expr-or-word
/// ```
/// `where(c, a, b)` is `c ? a : b`; `clamp(u, lo, hi)` (or `clip`) is `min(max(u, lo), hi)`.
/// Nesting is limited to ``Expression/maximumDepth`` levels, so no input can exhaust the stack.
struct ExpressionParser {
    let text: String
    let characters: [Character]
    var position = 0
    var depth = 0
    /// Whether `y` (the stored output) is a name: in naive derivative formulas only.
    let allowsOutput: Bool

    init(_ text: String, allowsOutput: Bool = false) {
        self.text = text
        self.allowsOutput = allowsOutput
        self.characters = Array(text)
    }

    func error(_ message: String, at index: Int? = nil) -> ExpressionError {
        ExpressionError(message, at: (index ?? position) + 1, in: text)
    }

    mutating func parse() throws(ExpressionError) -> ExpressionNode {
        skipSpaces()
        let node = try conditional()
        skipSpaces()
        if position < characters.count {
            let c = characters[position]
            if let ascii = Self.lookalikes[c] {
                throw error("'\(c)' is not an operator here: write \(ascii)")
            }
            throw error(
                c == ")" ? "unbalanced ')': no '(' is open here" : "expected an operator, found '\(c)'")
        }
        return node
    }

    /// Characters people type for an operator, with what to write instead.
    static let lookalikes: [Character: String] = [
        "²": "^2 (x^2 for x²)", "³": "^3 (x^3 for x³)", "−": "'-'", "×": "'*'", "·": "'*'", "÷": "'/'",
        "≤": "'<='", "≥": "'>='", "≠": "'!='",
    ]

    mutating func skipSpaces() {
        while position < characters.count && characters[position].isWhitespace { position += 1 }
    }

    mutating func peek(_ s: String) -> Bool {
        skipSpaces()
        let chars = Array(s)
        guard position + chars.count <= characters.count else { return false }
        return Array(characters[position..<position + chars.count]) == chars
    }

    mutating func take(_ s: String) -> Bool {
        guard peek(s) else { return false }
        position += s.count
        return true
    }

    mutating func nested<T>(_ body: (inout ExpressionParser) throws(ExpressionError) -> T)
        throws(ExpressionError)
        -> T
    {
        depth += 1
        defer { depth -= 1 }
        if depth > Expression.maximumDepth {
            throw error("the expression nests deeper than \(Expression.maximumDepth) levels")
        }
        return try body(&self)
    }

    /// `c ? a : b`, or an `||` chain.
    mutating func conditional() throws(ExpressionError) -> ExpressionNode {
        try nested { (p: inout ExpressionParser) throws(ExpressionError) -> ExpressionNode in
            let condition = try p.disjunction()
            let mark = p.position
            guard p.take("?") else { return condition }
            let then = try p.conditional()
            guard p.take(":") else {
                p.skipSpaces()
                throw p.error(
                    "expected ':' and the value where the condition fails (the '?' at column \(mark + 1))")
            }
            return .select(condition, then, try p.conditional())
        }
    }

    mutating func disjunction() throws(ExpressionError) -> ExpressionNode {
        var node = try conjunction()
        while take("||") { node = .logical(.or, node, try conjunction()) }
        return node
    }

    mutating func conjunction() throws(ExpressionError) -> ExpressionNode {
        var node = try comparison()
        while take("&&") { node = .logical(.and, node, try comparison()) }
        return node
    }

    /// `a OP b`, one comparison: `0 < x < 1` is refused, as it means something else in C.
    mutating func comparison() throws(ExpressionError) -> ExpressionNode {
        let left = try expression()
        guard let op = comparisonOperator() else { return left }
        let right = try expression()
        if comparisonOperator() != nil {
            throw error("comparisons do not chain: write 'a < x && x < b' for a range")
        }
        return .comparison(op, left, right)
    }

    /// The comparison operator at the position, taken; nil if there is none.
    mutating func comparisonOperator() -> Comparison? {
        Comparison.allCases.first { take($0.rawValue) }
    }

    /// A sum; its nesting is counted by ``conditional()``, which every parenthesis enters.
    mutating func expression() throws(ExpressionError) -> ExpressionNode {
        let first = try term()
        var links: [(BinaryOperator, ExpressionNode)] = []
        while true {
            if take("+") {
                links.append((.add, try term()))
            } else if take("-") {
                links.append((.subtract, try term()))
            } else {
                return links.isEmpty ? first : .chain(first, links)
            }
        }
    }

    mutating func term() throws(ExpressionError) -> ExpressionNode {
        let first = try unary()
        var links: [(BinaryOperator, ExpressionNode)] = []
        while true {
            if !peek("**") && take("*") {
                links.append((.multiply, try unary()))
            } else if take("/") {
                links.append((.divide, try unary()))
            } else {
                return links.isEmpty ? first : .chain(first, links)
            }
        }
    }

    /// Each unary sign and each `^` nests one level (they recurse), as each parenthesis does.
    mutating func unary() throws(ExpressionError) -> ExpressionNode {
        if take("-") {
            return .negate(
                try nested { (p: inout ExpressionParser) throws(ExpressionError) in try p.unary() })
        }
        if take("+") {
            return try nested { (p: inout ExpressionParser) throws(ExpressionError) in try p.unary() }
        }
        if !peek("!=") && take("!") {
            return .not(
                try nested { (p: inout ExpressionParser) throws(ExpressionError) in try p.unary() })
        }
        let base = try primary()
        if take("^") || take("**") {
            return .power(
                base, try nested { (p: inout ExpressionParser) throws(ExpressionError) in try p.unary() })
        }
        return base
    }

    mutating func primary() throws(ExpressionError) -> ExpressionNode {
        skipSpaces()
        guard position < characters.count else {
            throw error("the expression ends too soon: expected a number, x, a function call or '('")
        }
        let c = characters[position]
        if c == "(" {
            let open = position
            position += 1
            let inner = try conditional()
            guard take(")") else {
                skipSpaces()
                throw error("expected ')' to close the '(' at column \(open + 1)")
            }
            return inner
        }
        if let ascii = Self.lookalikes[c] {
            throw error("'\(c)' is not an operator here: write \(ascii)")
        }
        if c.isASCII && (c.isNumber || c == ".") { return .number(try number()) }
        if c.isLetter || c == "_" { return try named() }
        throw error(
            c == ")"
                ? "expected an expression before ')'"
                : "unexpected '\(c)': expected a number, x, a function call or '('")
    }

    mutating func number() throws(ExpressionError) -> Double {
        let start = position
        var allowed: Set<Character> = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "."]
        var exponent: Set<Character> = ["e", "E"]
        if peek("0x") || peek("0X") {
            position += 2
            allowed.formUnion(["a", "b", "c", "d", "e", "f", "A", "B", "C", "D", "E", "F"])
            exponent = ["p", "P"]
        }
        while position < characters.count {
            let c = characters[position]
            if allowed.contains(c) {
                position += 1
            } else if exponent.contains(c) {
                position += 1
                if position < characters.count && (characters[position] == "+" || characters[position] == "-")
                {
                    position += 1
                }
                exponent = []
            } else {
                break
            }
        }
        let token = String(characters[start..<position])
        guard let value = Double(token) else { throw error("'\(token)' is not a number", at: start) }
        return value
    }

    mutating func identifier() -> (name: String, start: Int) {
        skipSpaces()
        let start = position
        while position < characters.count {
            let c = characters[position]
            // ASCII only: x² is x followed by a superscript, not a name.
            guard c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == ".") else { break }
            position += 1
        }
        return (String(characters[start..<position]), start)
    }

    /// A named argument of a call: its name, value and column.
    typealias NamedArgument = (name: String, value: ParameterValue, at: Int)

    /// `x`, `pi`, `e`, or a call: an elementary function or a catalog function.
    mutating func named() throws(ExpressionError) -> ExpressionNode {
        let (name, start) = identifier()
        guard take("(") else {
            switch name {
            case "x": return .variable
            case "y" where allowsOutput: return .output
            case "pi": return .number(Double.pi)
            case "e": return .number(2.718281828459045)
            default:
                let isFunction = Elementary(rawValue: name) != nil || Catalog.entry(named: name) != nil
                throw error(
                    isFunction
                        ? "'\(name)' is a function: call it, e.g. \(name)(x)"
                        : "unknown name '\(name)'" + hint(name, among: ["x", "pi", "e"]), at: start)
            }
        }
        let (positional, named) = try arguments(opening: position - 1)
        if let form = try selection(name, positional, named, at: start) { return form }
        if let function = Elementary(rawValue: name) {
            if let first = named.first {
                throw error("\(name) takes no named arguments, got '\(first.name)'", at: first.at)
            }
            guard positional.count == function.arity else {
                throw error(
                    "\(name) takes \(function.arity) argument\(function.arity == 1 ? "" : "s"), got \(positional.count)",
                    at: start)
            }
            return .elementary(function, positional)
        }
        guard Catalog.entry(named: name) != nil || name.contains(".") else {
            throw error("unknown function '\(name)'" + hint(name, among: nil), at: start)
        }
        let activation = try catalogFunction(name, named, at: start)
        guard positional.count == 1 else {
            throw error(
                "\(name) takes one input, x or an expression of it; got \(positional.count)", at: start)
        }
        return .activation(activation, positional[0])
    }

    /// A call's arguments after its `(` (at column `open`), up to and with its `)`: positional
    /// ones first, then `name=value` ones.
    mutating func arguments(opening open: Int) throws(ExpressionError) -> ([ExpressionNode], [NamedArgument])
    {
        var positional: [ExpressionNode] = []
        var named: [NamedArgument] = []
        guard !take(")") else { return (positional, named) }
        repeat {
            let mark = position
            let (word, wordStart) = identifier()
            if !word.isEmpty && !peek("==") && take("=") {
                named.append((word, try parameterValue(), wordStart))
            } else {
                position = mark
                if !named.isEmpty {
                    skipSpaces()
                    throw error("positional arguments go before named ones")
                }
                positional.append(try conditional())
            }
        } while take(",")
        guard take(")") else {
            skipSpaces()
            throw error("expected ',' or ')' to close the '(' at column \(open + 1)")
        }
        return (positional, named)
    }

    /// The catalog function or preset a call names, with its named arguments as parameters;
    /// the catalog's error is shown under the argument it blames.
    mutating func catalogFunction(
        _ name: String, _ named: [NamedArgument], at start: Int
    ) throws(ExpressionError) -> Activation {
        var seen: Set<String> = []
        for argument in named where !seen.insert(argument.name).inserted {
            throw error("'\(argument.name)' is given twice", at: argument.at)
        }
        let activation: Activation
        do {
            var spec = name
            if !named.isEmpty { spec += ":" + named.map { "\($0.name)=\($0.value)" }.joined(separator: ",") }
            activation = try Catalog.activation(spec)
        } catch {
            var column = start
            switch error {
            case .unknownParameter(_, let parameter, _), .invalidParameter(_, let parameter, _, _):
                column = named.first { $0.name == parameter }?.at ?? start
            default: break
            }
            throw ExpressionError(error.description, at: column + 1, in: text, cause: error)
        }
        if activation.entry.isVector {
            throw error(
                "\(name) is a vector function; an expression can call element-wise functions only", at: start)
        }
        return activation
    }

    /// A named argument's value: a constant expression (0.2, -1/6, 2^-3) or a word (tanh).
    mutating func parameterValue() throws(ExpressionError) -> ParameterValue {
        let mark = position
        let (word, _) = identifier()
        skipSpaces()
        if !word.isEmpty && !["x", "pi", "e"].contains(word)
            && (position >= characters.count || [",", ")"].contains(characters[position]))
        {
            return .choice(word)
        }
        position = mark
        skipSpaces()
        let start = position
        let node = try expression()
        guard let value = ExpressionProgram.constantValue(node) else {
            throw error("a parameter must be a constant, not depend on x", at: start)
        }
        let typed = String(characters[start..<position]).trimmingWhitespace
        if value.isInfinite && !typed.lowercased().contains("inf") {
            throw error("'\(typed)' is beyond the largest double, 1.8e308", at: start)
        }
        return .real(value)
    }

    /// The names that are forms of the grammar rather than functions.
    static let forms = ["where", "clamp", "clip"]

    /// `where(c, a, b)`, `clamp(u, lo, hi)` and `clip(…)`, or nil for any other name.
    func selection(
        _ name: String, _ positional: [ExpressionNode], _ named: [NamedArgument], at start: Int
    ) throws(ExpressionError) -> ExpressionNode? {
        guard Self.forms.contains(name) else { return nil }
        if let first = named.first {
            throw error("\(name) takes no named arguments, got '\(first.name)'", at: first.at)
        }
        guard positional.count == 3 else {
            let shape = name == "where" ? "where(condition, a, b)" : "\(name)(x, low, high)"
            throw error("\(name) takes 3 arguments, \(shape); got \(positional.count)", at: start)
        }
        if name == "where" { return .select(positional[0], positional[1], positional[2]) }
        return .elementary(.min, [.elementary(.max, [positional[0], positional[1]]), positional[2]])
    }

    func hint(_ name: String, among extra: [String]?) -> String {
        let candidates =
            Elementary.allCases.map(\.rawValue) + Self.forms + Catalog.all.map(\.name) + (extra ?? [])
        return Suggestion.nearestName(to: name, among: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }
}
