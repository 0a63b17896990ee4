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
        // Spelled in ASCII first when the locale needs it, so that the columns line up.
        let ascii = !TerminalEnvironment.unicode
        let rows = ascii ? rows.map { $0.map(ASCIIText.fallback) } : rows
        let title = ascii ? title.map(ASCIIText.fallback) : title
        // Bytes, not String concatenation: eval prints a row per point, up to a million of them.
        let cellWidths = rows.map { $0.map(width) }
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in cellWidths {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell) }
        }
        let space = UInt8(ascii: " ")
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * (widths.reduce(indent.utf8.count, +) + 3 * columns + 1))
        if let title { out += title.utf8 + [UInt8(ascii: "\n")] }
        for (row, rowWidths) in zip(rows, cellWidths) {
            out += indent.utf8
            for (i, cell) in row.enumerated() {
                if i > 0 { out += [space, space, space] }
                let pad = widths[i] - rowWidths[i]
                let left = i < alignments.count && alignments[i] == .left
                if !left { out += repeatElement(space, count: pad) }
                out += cell.utf8
                if left { out += repeatElement(space, count: pad) }
            }
            while out.last == space { out.removeLast() }
            out.append(UInt8(ascii: "\n"))
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A cell's width in characters (its bytes when it is ASCII, as numbers are).
    private static func width(_ cell: String) -> Int {
        cell.utf8.allSatisfy { $0 < 0x80 } ? cell.utf8.count : cell.count
    }
}
