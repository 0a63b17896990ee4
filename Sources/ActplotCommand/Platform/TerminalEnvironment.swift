/// What the terminal (or its absence) tells about size, colour and character set.
enum TerminalEnvironment {
    /// The terminal size: TIOCGWINSZ on stdout, stderr, stdin; then COLUMNS and LINES; else nil.
    static func size() -> (columns: Int, lines: Int)? {
        for descriptor in [Int32(1), 2, 0] {
            if let size = POSIX.terminalSize(descriptor) { return size }
        }
        if let columns = POSIX.environment("COLUMNS").flatMap(Int.init),
            let lines = POSIX.environment("LINES").flatMap(Int.init),
            columns > 0, lines > 0
        {
            return (columns, lines)
        }
        return nil
    }

    /// `auto` colour: stdout is a terminal, NO_COLOR is unset or empty, TERM is not `dumb`.
    static var colourByDefault: Bool {
        POSIX.isTerminal(1) && (POSIX.environment("NO_COLOR") ?? "").isEmpty
            && POSIX.environment("TERM") != "dumb"
    }

    /// Whether the locale's character set is UTF-8 (LC_ALL, then LC_CTYPE, then LANG; unset is "C").
    static var unicode: Bool {
        let locale =
            ["LC_ALL", "LC_CTYPE", "LANG"].lazy.compactMap { POSIX.environment($0) }.first { !$0.isEmpty }
            ?? "C"
        // "UTF-8" or "utf8" in any case, compared by ASCII bytes (locale names are ASCII).
        let bytes = Array(locale.utf8.map { $0 | 0x20 })
        return [Array("utf-8".utf8), Array("utf8".utf8)].contains { name in
            bytes.count >= name.count
                && (0...(bytes.count - name.count)).contains {
                    bytes[$0..<$0 + name.count].elementsEqual(name)
                }
        }
    }

    /// Whether stdout is a terminal.
    static var standardOutputIsTerminal: Bool { POSIX.isTerminal(1) }
}
