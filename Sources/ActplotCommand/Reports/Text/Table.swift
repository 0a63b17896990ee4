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
    ///   - maximumWidth: Wrap whole columns to this width: a table wider than it is printed as
    ///     blocks of columns, one under the other, each led by the first column (the row names).
    ///   - unicode: Whether the text may stay Unicode; else cells are spelled in ASCII before
    ///     they are measured, so that the columns line up.
    static func render(
        _ rows: [[String]], title: String?, alignments: [Alignment] = [], indent: String = "",
        maximumWidth: Int? = nil, unicode: Bool
    ) -> String {
        let ascii = !unicode
        let rows = ascii ? rows.map { $0.map(ASCIIText.fallback) } : rows
        let title = ascii ? title.map(ASCIIText.fallback) : title
        // Bytes, not String concatenation: eval prints a row per point, up to a million of them.
        let cellWidths = rows.map { $0.map(width) }
        let columns = rows.map(\.count).max() ?? 0
        var widths = [Int](repeating: 0, count: columns)
        for row in cellWidths {
            for (i, cell) in row.enumerated() { widths[i] = max(widths[i], cell) }
        }
        let total = indent.count + widths.reduce(0, +) + 3 * Swift.max(0, columns - 1)
        if let maximumWidth, total > maximumWidth, columns > 2 {
            return (title.map { $0 + "\n" } ?? "")
                + blocks(widths: widths, indent: indent.count, within: maximumWidth).map { block in
                    render(
                        rows.map { row in ([0] + block).map { $0 < row.count ? row[$0] : "" } },
                        title: nil,
                        alignments: ([0] + block).map { $0 < alignments.count ? alignments[$0] : .right },
                        indent: indent, unicode: true)
                }.joined(separator: "\n")
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

    /// Renders rows as ``render(_:title:alignments:indent:maximumWidth:unicode:)`` does, in a
    /// report's style: its character set, wrapped to its width.
    static func render(
        _ rows: [[String]], title: String?, alignments: [Alignment] = [], indent: String = "",
        style: TextStyle
    ) -> String {
        render(
            rows, title: title, alignments: alignments, indent: indent, maximumWidth: style.width,
            unicode: style.unicode)
    }

    /// Columns 1… in groups that fit `limit` beside column 0, each at least one column.
    private static func blocks(widths: [Int], indent: Int, within limit: Int) -> [[Int]] {
        var blocks: [[Int]] = []
        var used = limit
        for column in 1..<widths.count {
            if used + 3 + widths[column] > limit || blocks.isEmpty {
                blocks.append([])
                used = indent + widths[0]
            }
            blocks[blocks.count - 1].append(column)
            used += 3 + widths[column]
        }
        return blocks
    }

    /// A cell's width in characters (its bytes when it is ASCII, as numbers are).
    private static func width(_ cell: String) -> Int {
        cell.utf8.allSatisfy { $0 < 0x80 } ? cell.utf8.count : cell.count
    }
}
