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
        // Lengths are kept as counts: a String's count walks its characters each time.
        var length = 0
        for word in text.split(separator: " ") {
            let count = word.count
            if length > 0 && length + 1 + count > width {
                lines.append(line)
                (line, length) = ("", 0)
            }
            if length > 0 {
                line += " "
                length += 1
            }
            line.append(contentsOf: word)  // the Substring overload: `+=` is generic, and casts
            length += count
            while length > width {
                lines.append(String(line.prefix(width)))
                line = String(line.dropFirst(width))
                length -= width
            }
        }
        if length > 0 { lines.append(line) }
        return lines
    }
}
