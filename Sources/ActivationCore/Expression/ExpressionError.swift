/// Why a typed expression cannot be used, with where in the text the problem is.
///
/// ```
/// expected ')' to close the '(' at column 3
///   x*(1+x
///         ^
/// ```
public struct ExpressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The expression as typed.
    public let text: String
    /// What was wrong and what was expected, on one line.
    public let message: String
    /// The 1-based column (in characters) of the offending character; one past the end for
    /// "the expression ended too soon".
    public let column: Int
    /// The catalog's own error, when a call in the expression named a function, preset or
    /// parameter it refused (`torch.nosuch(x)`, `gelu(x, approximate=fast)`); its text is the
    /// message.
    public let cause: ActivationError?

    /// An error at a column of the text.
    /// - Parameters:
    ///   - message: What was wrong.
    ///   - column: Where, 1-based.
    ///   - text: The expression.
    ///   - cause: The catalog's error behind it, if any.
    public init(_ message: String, at column: Int, in text: String, cause: ActivationError? = nil) {
        self.message = message
        self.column = column
        self.text = text
        self.cause = cause
    }

    /// The message, then the expression and a caret under the offending character (three
    /// lines; long expressions are cut around the caret).
    public var description: String {
        message + "\n" + excerpt
    }

    /// Two lines: the expression (at most 76 characters around the column) and a caret.
    public var excerpt: String {
        let characters = Array(text)
        let start = Swift.max(0, Swift.min(column - 1 - 38, characters.count - 76))
        let end = Swift.min(characters.count, start + 76)
        let shown = String(characters[start..<end]).map { $0.isNewline || $0 == "\t" ? " " : $0 }
        return "  " + String(shown) + "\n  " + String(repeating: " ", count: Swift.max(0, column - 1 - start))
            + "^"
    }
}
