/// What the terminal (or its absence) tells about size, colour and character set.
enum TerminalEnvironment {
    /// The terminal size: COLUMNS and LINES where set (a user who sets them means them, as
    /// `LINES=10 actplot gelu` does; shells keep them unexported), else TIOCGWINSZ on stdout,
    /// stderr, stdin; nil when neither says.
    static func size() -> (columns: Int, lines: Int)? {
        let number = { (name: String) in
            POSIX.environment(name).flatMap(Int.init).flatMap { $0 > 0 ? $0 : nil }
        }
        let (columns, lines) = (number("COLUMNS"), number("LINES"))
        var measured: (columns: Int, lines: Int)?
        for descriptor in [Int32(1), 2, 0] where measured == nil {
            measured = POSIX.terminalSize(descriptor)
        }
        if let measured { return (columns ?? measured.columns, lines ?? measured.lines) }
        if let columns, let lines { return (columns, lines) }
        return nil
    }

    /// The width text tables wrap to: COLUMNS where set, else the width of the terminal on
    /// stdout; nil (no wrapping) when stdout is a file or a pipe.
    static var textWidth: Int? {
        if let columns = POSIX.environment("COLUMNS").flatMap(Int.init), columns > 0 { return columns }
        return POSIX.terminalSize(1)?.columns
    }

    /// Whether the terminal says it has 256 colours or more: COLORTERM truecolor or 24bit, or a
    /// TERM naming 256color (xterm-256color, tmux-256color, …).
    static var colors256: Bool {
        let colorterm = (POSIX.environment("COLORTERM") ?? "").lowercased()
        return colorterm == "truecolor" || colorterm == "24bit"
            || (POSIX.environment("TERM") ?? "").lowercased().contains("256color")
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
