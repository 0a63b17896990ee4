/// Arguments written so that a shell reads them back unchanged.
enum ShellQuote {
    /// `gelu` as it is; `x*tanh(x)` as `'x*tanh(x)'`; a quote inside as `'\''`.
    static func quoted(_ argument: String) -> String {
        let plain =
            !argument.isEmpty
            && argument.unicodeScalars.allSatisfy { c in
                c.isASCII
                    && (c.properties.isAlphabetic || ("0"..."9").contains(c)
                        || "_-.,:=/+@%".unicodeScalars.contains(c))
            }
        guard !plain else { return argument }
        return "'"
            + argument.split(separator: "'", omittingEmptySubsequences: false).joined(separator: "'\\''")
            + "'"
    }

    /// A command line: each argument quoted where it needs to be, joined by spaces.
    static func command(_ arguments: [String]) -> String {
        arguments.map(quoted).joined(separator: " ")
    }
}
