/// What a command answers, built from the library's results: text for people and JSON for
/// programs.
///
/// A subcommand checks its options, builds a report and hands it to the ``Console``; the
/// report knows nothing of options or streams. Each report's JSON members are listed in its
/// own documentation, the one place they are defined.
package protocol Report {
    /// The report as text, in a style: Unicode or ASCII, wrapped to a width or not.
    func text(in style: TextStyle) -> String
    /// The report as JSON.
    var json: JSONValue { get }
}

extension Report {
    /// The lines the report's text takes in a style.
    func lineCount(in style: TextStyle) -> Int { text(in: style).reduce(0) { $0 + ($1 == "\n" ? 1 : 0) } }
}

/// How a text report is written: its character set and the width tables wrap to.
package struct TextStyle: Sendable {
    /// Whether the text may use Unicode (f′, −∞, braille); otherwise it is spelled in ASCII.
    package var unicode: Bool
    /// The width wide tables wrap to, or nil not to wrap (a file or a pipe).
    package var width: Int?

    /// A style.
    package init(unicode: Bool, width: Int?) {
        self.unicode = unicode
        self.width = width
    }
}
