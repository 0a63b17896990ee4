/// Text broken into lines of a width, at spaces, for terminals.
public enum TextWrap {
    /// `text` in lines of at most `width` characters, broken at spaces (a word longer than the
    /// width is cut into pieces of the width).
    ///
    /// ```
    /// TextWrap.lines("silu against gelu over -5:5 (10001 points)", width: 30)
    /// // ["silu against gelu over -5:5", "(10001 points)"]
    /// ```
    /// - Parameters:
    ///   - text: One line of text.
    ///   - width: The most characters a line may take (at least 1).
    /// - Returns: The lines, without trailing spaces; none for empty text.
    public static func lines(_ text: String, width: Int) -> [String] {
        precondition(width >= 1, "a line holds at least one character")
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            if !line.isEmpty && line.count + 1 + word.count > width {
                lines.append(line)
                line = ""
            }
            line += (line.isEmpty ? "" : " ") + word
            while line.count > width {
                lines.append(String(line.prefix(width)))
                line = String(line.dropFirst(width))
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }
}
