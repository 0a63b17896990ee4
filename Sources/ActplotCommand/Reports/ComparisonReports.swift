/// The difference statistics of one compare: one ``ComparisonReport`` (every function against
/// the first), or one per pair when two families are compared member by member.
///
/// Its JSON: the one report's, or an array of the pairs' reports.
struct ComparisonReports: Report {
    /// The reports, in order.
    let parts: [ComparisonReport]

    /// The reports one after another, a blank line between.
    func text(in style: TextStyle) -> String {
        parts.map { $0.text(in: style) }.joined(separator: "\n")
    }

    /// The one report's JSON, or an array of them.
    var json: JSONValue { parts.count == 1 ? parts[0].json : .array(parts.map(\.json)) }
}
