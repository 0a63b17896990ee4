import ActivationCore

/// A family of one function (`actplot info leaky_relu:alpha=0.01,0.1,0.3`): a row per member of
/// what was measured over the range, where a report per member would repeat the definition.
///
/// Its JSON: `family` (the spec as typed) and `members`, each member's ``FunctionReport``.
package struct FamilyReport: Report {
    /// The spec as typed.
    let spec: String
    /// Each member's report, in order.
    let members: [FunctionReport]
    /// Each member's name, telling it from the others (`leaky_relu(alpha=0.01)`).
    let names: [String]

    /// The report of a family's members, their properties measured over `range`.
    package init(_ spec: String, members: [Activation], over range: ClosedRange<Double>) {
        self.spec = spec
        self.members = members.map { FunctionReport($0, over: range) }
        names = Activation.distinctNames(members)
    }

    /// A line on the family, a table with a row per member, and how to see one in full.
    package func text(in style: TextStyle) -> String {
        guard let first = members.first else { return "" }
        let short = { (v: Double) in NumberText.described(v, digits: 6) }
        let p = first.properties
        let range = "[\(short(p.range.lowerBound)), \(short(p.range.upperBound))]"
        var rows: [[String]] = [
            ["member", "output range", "monotonic", "mean f", "f(0)", "f′(0)", "smoothness"]
        ]
        for (name, member) in zip(names, members) {
            let q = member.properties
            rows.append([
                name, "[\(short(q.outputRange.lowerBound)), \(short(q.outputRange.upperBound))]",
                q.monotonicity.rawValue, short(q.meanValue), short(q.atZero.value),
                short(q.atZero.derivative),
                q.smoothness.description,
            ])
        }
        let table = Table.render(
            rows, title: nil, alignments: [.left, .left, .left, .right, .right, .right, .left], style: style)
        let text =
            "\(first.function.entry.name): a family of \(members.count), measured over \(range) "
            + "(\(p.samples) samples each)\n\n" + table
            + "\nactplot info '\((try? Catalog.family(spec).first) ?? spec)' describes one member in full.\n"
        return ASCIIText.forLocale(text, unicode: style.unicode)
    }

    /// The spec and each member's report.
    package var json: JSONValue {
        .object([("family", .string(spec)), ("members", .array(members.map(\.json)))])
    }
}
