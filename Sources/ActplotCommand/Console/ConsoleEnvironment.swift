/// What the surroundings of a run say about its output, read once when it starts: the
/// terminal's size, the locale's character set, whether colour is wanted and how much, and
/// which streams are terminals.
///
/// ``current(arguments:)`` reads the process's environment variables and terminals; it is the
/// only place the command line reads them. Tests build a snapshot from a dictionary with
/// ``init(variables:arguments:terminals:)`` and run commands in process.
package struct ConsoleEnvironment: Sendable {
    /// A terminal's width and height in characters.
    package struct Size: Sendable, Hashable {
        /// Characters per line.
        package var columns: Int
        /// Lines.
        package var lines: Int

        /// A size of `columns` × `lines`.
        package init(columns: Int, lines: Int) {
            self.columns = columns
            self.lines = lines
        }
    }

    /// What the process's standard streams are attached to.
    package struct Terminals: Sendable {
        /// The size of the terminal on stdout, or nil when it is not one.
        package var standardOutput: Size?
        /// The size of the terminal on stderr, or nil.
        package var standardError: Size?
        /// The size of the terminal on stdin, or nil.
        package var standardInput: Size?
        /// Whether stdout is a terminal (a size may be unknown).
        package var standardOutputIsTerminal: Bool

        /// Streams that are no terminals: files and pipes, as in tests and scripts.
        package static let none = Terminals(
            standardOutput: nil, standardError: nil, standardInput: nil, standardOutputIsTerminal: false)

        /// Streams as measured.
        package init(
            standardOutput: Size?, standardError: Size?, standardInput: Size?, standardOutputIsTerminal: Bool
        ) {
            self.standardOutput = standardOutput
            self.standardError = standardError
            self.standardInput = standardInput
            self.standardOutputIsTerminal = standardOutputIsTerminal
        }
    }

    /// The command line after the program's name, as typed (a PNG records it).
    package let arguments: [String]
    /// The terminal size: COLUMNS and LINES where set (a user who sets them means them, as
    /// `LINES=10 actplot gelu` does; shells keep them unexported), else the terminal's on
    /// stdout, stderr or stdin; nil when neither says.
    package let terminalSize: Size?
    /// The width text tables wrap to: COLUMNS where set, else the width of the terminal on
    /// stdout; nil (no wrapping) when stdout is a file or a pipe.
    package let textWidth: Int?
    /// Whether the locale's character set is UTF-8 (LC_ALL, then LC_CTYPE, then LANG; unset is "C").
    package let unicode: Bool
    /// `auto` colour: stdout is a terminal, NO_COLOR is unset or empty, TERM is not `dumb`.
    package let colourByDefault: Bool
    /// Whether the terminal says it has 256 colours or more: COLORTERM truecolor or 24bit, or a
    /// TERM naming 256color (xterm-256color, tmux-256color, …).
    package let colors256: Bool
    /// Whether stdout is a terminal.
    package let standardOutputIsTerminal: Bool
    /// The width of the terminal on stderr, where a long run draws its progress bar; nil when
    /// stderr is a file or a pipe (no bar).
    package let progressWidth: Int?

    /// The variables a snapshot reads.
    package static let variableNames = [
        "COLUMNS", "LINES", "LC_ALL", "LC_CTYPE", "LANG", "NO_COLOR", "TERM", "COLORTERM",
    ]

    /// A snapshot from environment variables and the streams' terminals.
    /// - Parameters:
    ///   - variables: Environment variables by name (others than ``variableNames`` are ignored).
    ///   - arguments: The command line after the program's name.
    ///   - terminals: What the standard streams are attached to.
    package init(variables: [String: String], arguments: [String] = [], terminals: Terminals = .none) {
        self.init(variable: { variables[$0] }, arguments: arguments, terminals: terminals)
    }

    /// A snapshot from a look-up of environment variables (plain loops: this runs at every start).
    private init(variable: (String) -> String?, arguments: [String], terminals: Terminals) {
        self.arguments = arguments
        func positive(_ name: String) -> Int? {
            guard let value = variable(name).flatMap(Int.init), value > 0 else { return nil }
            return value
        }
        let (columns, lines) = (positive("COLUMNS"), positive("LINES"))
        if let measured = terminals.standardOutput ?? terminals.standardError ?? terminals.standardInput {
            terminalSize = Size(columns: columns ?? measured.columns, lines: lines ?? measured.lines)
        } else if let columns, let lines {
            terminalSize = Size(columns: columns, lines: lines)
        } else {
            terminalSize = nil
        }
        textWidth = columns ?? terminals.standardOutput?.columns
        var locale = "C"
        for name in ["LC_ALL", "LC_CTYPE", "LANG"] {
            if let value = variable(name), !value.isEmpty {
                locale = value
                break
            }
        }
        // "UTF-8" or "utf8" in any case.
        unicode = Self.contains(locale, "utf-8") || Self.contains(locale, "utf8")
        standardOutputIsTerminal = terminals.standardOutputIsTerminal
        progressWidth = terminals.standardError?.columns
        let term = variable("TERM")
        colourByDefault = standardOutputIsTerminal && (variable("NO_COLOR") ?? "").isEmpty && term != "dumb"
        let colorterm = (variable("COLORTERM") ?? "").lowercased()
        colors256 = colorterm == "truecolor" || colorterm == "24bit" || Self.contains(term ?? "", "256color")
    }

    /// The process's surroundings now: its environment variables and its terminals.
    /// - Parameter arguments: The command line after the program's name.
    package static func current(arguments: [String]) -> ConsoleEnvironment {
        let size = { (descriptor: Int32) -> Size? in
            POSIX.terminalSize(descriptor).map { Size(columns: $0.columns, lines: $0.lines) }
        }
        let terminals = Terminals(
            standardOutput: size(1), standardError: size(2), standardInput: size(0),
            standardOutputIsTerminal: POSIX.isTerminal(1))
        return ConsoleEnvironment(variable: POSIX.environment, arguments: arguments, terminals: terminals)
    }

    /// Whether `text` holds `word` (lower-case ASCII), ignoring ASCII case, compared byte by
    /// byte: the standard library's `contains` goes through string processing that costs a
    /// quarter of a million instructions at its first call.
    private static func contains(_ text: String, _ word: String) -> Bool {
        let bytes = Array(text.utf8.map { $0 | 0x20 })
        let word = Array(word.utf8)
        guard bytes.count >= word.count else { return false }
        return (0...(bytes.count - word.count)).contains { bytes[$0..<$0 + word.count].elementsEqual(word) }
    }

    /// How text reports are written here: in the locale's character set, wrapped to
    /// ``textWidth``.
    package var textStyle: TextStyle { TextStyle(unicode: unicode, width: textWidth) }
}
