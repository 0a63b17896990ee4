/// Plain-text tables: columns separated by three spaces, no trailing spaces.
enum Table {
    /// How a column's cells line up.
    enum Alignment { case left, right }

    /// Renders rows (the first is usually a header) under an optional title line.
    /// - Parameters:
    ///   - rows: Cells by row.
    ///   - title: A line above the table.
    ///   - alignments: Per column; columns beyond the list are right-aligned (numbers).
    ///   - indent: Text before every row.
    static func render(
        _ rows: [[String]], title: String?, alignments: [Alignment] = [], indent: String = ""
    ) -> String {
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in rows {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell.count) }
        }
        var out = title.map { $0 + "\n" } ?? ""
        for row in rows {
            let cells = row.enumerated().map { i, cell in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return (i < alignments.count && alignments[i] == .left) ? cell + pad : pad + cell
            }
            var line = indent + cells.joined(separator: "   ")
            while line.last == " " { line.removeLast() }
            out += line + "\n"
        }
        return out
    }
}
