/// Series names typed with a spec: `sGELU=x*sigmoid(1.702*x)` or `gelu:label=GELU (erf)`.
extension Catalog {
    /// A spec's label, if it carries one, and the spec without it.
    ///
    /// A spec is labelled when it starts with an identifier (`[A-Za-z_][A-Za-z0-9_.]*`)
    /// followed, spaces aside, by a single `=` (not `==`): `sGELU=x*sigmoid(1.702*x)`. A catalog spec may
    /// instead carry a `label=` setting; its text runs until the next `name=` setting or the
    /// end, so it may hold commas and spaces: `gelu:label=GELU, erf form,approximate=none`.
    /// - Parameter spec: The spec as typed.
    /// - Returns: The label (nil when there is none, or it is empty) and the spec to read.
    public static func labeled(_ spec: String) -> (label: String?, spec: String) {
        let text = spec.trimmingWhitespace
        if let equals = leadingLabelEnd(text) {
            let label = String(text[..<equals]).trimmingWhitespace
            return (label, String(text[text.index(after: equals)...]).trimmingWhitespace)
        }
        guard let colon = settingsColon(text), !isExpression(text) else { return (nil, spec) }
        var kept: [String] = []
        var label: String?
        var inLabel = false
        for item in text[text.index(after: colon)...].split(separator: ",", omittingEmptySubsequences: false)
        {
            let name = item.split(separator: "=", maxSplits: 1).first.map { String($0).trimmingWhitespace }
            let setting = item.contains("=") && name.map(isIdentifier) == true
            if setting && name == "label" {
                label = String(item.drop { $0 != "=" }.dropFirst())
                inLabel = true
            } else if inLabel && !setting {
                label = (label ?? "") + "," + item
            } else {
                inLabel = false
                kept.append(String(item))
            }
        }
        guard let label else { return (nil, spec) }
        let head = String(text[..<colon])
        let rest = kept.isEmpty ? head : head + ":" + kept.joined(separator: ",")
        let trimmed = label.trimmingWhitespace
        return (trimmed.isEmpty ? nil : trimmed, rest)
    }

    /// The `=` ending a leading label, if the text starts with one.
    private static func leadingLabelEnd(_ text: String) -> String.Index? {
        guard let first = text.first, first.isLetter || first == "_", first.isASCII else { return nil }
        guard
            let end = text.firstIndex(where: {
                !($0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "."))
            }),
            let equals = text[end...].firstIndex(where: { $0 != " " }), text[equals] == "="
        else { return nil }
        let next = text.index(after: equals)
        return next < text.endIndex && text[next] == "=" ? nil : equals
    }

    /// Whether the text is an identifier: a setting's name.
    private static func isIdentifier(_ text: String) -> Bool {
        guard let first = text.first, first.isLetter || first == "_" else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }
}
