// Trimming user text: one rule for the whole package.

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and line breaks.
    package var trimmingWhitespace: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) })
        else {
            return ""
        }
        return String(self[first...last])
    }
}

extension String {
    /// The text without trailing spaces (a chart's lines end without them).
    package var trimmingTrailingSpaces: String {
        // By UTF-8 bytes: a space is one byte, and no other character contains 0x20.
        guard let last = utf8.lastIndex(where: { $0 != UInt8(ascii: " ") }) else { return "" }
        return String(self[...last])
    }
}
