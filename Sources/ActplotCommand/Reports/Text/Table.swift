import ActivationPlot

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
    ///   - wrappingLast: Break the last column's text onto lines of its own instead, where it
    ///     is prose (``wrappedLast(_:within:indent:)``).
    ///   - unicode: Whether the text may stay Unicode; else cells are spelled in ASCII before
    ///     they are measured, so that the columns line up.
    static func render(
        _ rows: [[String]], title: String?, alignments: [Alignment] = [], indent: String = "",
        maximumWidth: Int? = nil, wrappingLast: Bool = false, unicode: Bool
    ) -> String {
        let ascii = !unicode
        var rows = ascii ? rows.map { $0.map(ASCIIText.fallback) } : rows
        if wrappingLast, let maximumWidth {
            rows = wrappedLast(rows, within: maximumWidth, indent: indent.count)
        }
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
            return (title.map { wrapped($0, within: maximumWidth) } ?? "")
                + blocks(widths: widths, indent: indent.count, within: maximumWidth).map { block in
                    render(
                        rows.map { row in ([0] + block).map { $0 < row.count ? row[$0] : "" } },
                        title: nil,
                        alignments: ([0] + block).map { $0 < alignments.count ? alignments[$0] : .right },
                        indent: indent,
                        // A block of one column beside the names may still wrap its prose.
                        maximumWidth: block.count == 1 ? maximumWidth : nil, wrappingLast: wrappingLast,
                        unicode: true)
                }.joined(separator: "\n")
        }
        let space = UInt8(ascii: " ")
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * (widths.reduce(indent.utf8.count, +) + 3 * columns + 1))
        if let title { out += wrapped(title, within: maximumWidth).utf8 }
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

    /// A title line broken at spaces to fit `limit` (whole where there is no limit), each
    /// line ended.
    private static func wrapped(_ title: String, within limit: Int?) -> String {
        guard let limit, title.count > limit, limit >= 20 else { return title + "\n" }
        return TextWrap.lines(title, width: limit).map { $0 + "\n" }.joined()
    }

    /// The rows with their last column broken at spaces onto lines of their own (the other
    /// cells blank) where the table would be wider than `limit`, as long as that column keeps
    /// 20 characters; else unchanged.
    static func wrappedLast(_ rows: [[String]], within limit: Int, indent: Int) -> [[String]] {
        let columns = rows.map(\.count).max() ?? 0
        guard columns >= 2 else { return rows }
        var widths = [Int](repeating: 0, count: columns - 1)
        for row in rows {
            for (i, cell) in row.prefix(columns - 1).enumerated() { widths[i] = max(widths[i], width(cell)) }
        }
        let room = limit - indent - widths.reduce(0, +) - 3 * (columns - 1)
        guard room >= 20, rows.contains(where: { $0.count == columns && width($0[columns - 1]) > room })
        else {
            return rows
        }
        return rows.flatMap { row -> [[String]] in
            guard row.count == columns, width(row[columns - 1]) > room else { return [row] }
            let lines = TextWrap.lines(row[columns - 1], width: room)
            return lines.enumerated().map { k, line in
                (k == 0 ? Array(row.prefix(columns - 1)) : Array(repeating: "", count: columns - 1)) + [line]
            }
        }
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
