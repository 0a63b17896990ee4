/// How many dots a character cell holds: braille 2 across and 4 down, ASCII 1 and 1.
///
/// Every conversion between dots and cells goes through it.
struct DotsPerCell: Sendable {
    /// Dots across a cell.
    let across: Int
    /// Dots down a cell.
    let down: Int

    /// Braille: U+2800 + 8 dot bits.
    static let braille = DotsPerCell(across: 2, down: 4)
    /// ASCII: one character, one dot.
    static let ascii = DotsPerCell(across: 1, down: 1)
}

/// The dot canvas of a terminal chart: braille cells (or ASCII marks), who owns each cell, and
/// the columns and cells that flat zones and marked points claim.
extension TerminalChart {
    /// Cells of braille dots (or ASCII marks) with the series that owns each cell.
    struct Canvas {
        static let axis = -1
        static let empty = -2
        /// drawille's pixel map: bit for dot (column, row) in a 2×4 braille cell.
        static let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

        let columns: Int
        let rows: Int
        let ascii: Bool
        /// Dots per cell: braille 2×4, ASCII 1×1.
        let dots: DotsPerCell
        var cells: [UInt8]
        var marks: [Character]
        var owners: [Int]
        var seriesDots: [Bool]
        /// Columns inside a flat zone (`--saturation`), with the function whose zone it is (or
        /// -1): dimmed, and heavy on the bottom rule in the function's colour.
        var shaded: [Int]
        /// Cells holding a marked point (`--mark`), with the mark's function.
        var markers: [Int: Int] = [:]
        /// Cells on the top or bottom row where a curve leaves the y range, with the curve's owner
        /// and whether it leaves upward.
        var exits: [Int: (owner: Int, upward: Bool)] = [:]
        /// Cells holding a curve's glyph on braille (without colour), with the curve's owner.
        var glyphs: [Int: Int] = [:]

        init(columns: Int, rows: Int, ascii: Bool) {
            self.columns = columns
            self.rows = rows
            self.ascii = ascii
            dots = ascii ? .ascii : .braille
            cells = [UInt8](repeating: 0, count: columns * rows)
            marks = [Character](repeating: " ", count: columns * rows)
            owners = [Int](repeating: Canvas.empty, count: columns * rows)
            seriesDots = [Bool](repeating: false, count: columns * rows)
            shaded = [Int](repeating: -1, count: columns)
        }

        var dotColumns: Int { columns * dots.across }
        var dotRows: Int { rows * dots.down }

        /// Marks dot (column, row) for `owner` (a series' function, or ``axis``).
        ///
        /// A cell another function's curve already holds is shared in a checkerboard: the later
        /// curve takes it only where the cell's column and row add up to an odd number, so a
        /// function drawn under later ones keeps half of the cells they share instead of none.
        mutating func plot(_ column: Int, _ row: Int, owner: Int, mark: Character) {
            guard column >= 0, row >= 0, column < dotColumns, row < dotRows else { return }
            let (cellColumn, cellRow) = (column / dots.across, row / dots.down)
            let i = cellRow * columns + cellColumn
            if owner >= 0, owners[i] >= 0, owners[i] != owner, (cellColumn + cellRow) % 2 == 0 {
                if !ascii { cells[i] |= Canvas.bits[row % dots.down][column % dots.across] }
                return
            }
            if ascii {
                if owner == Canvas.axis && seriesDots[i] { return }
                marks[i] = owner == Canvas.axis && marks[i] != " " && marks[i] != mark ? "+" : mark
            } else {
                cells[i] |= Canvas.bits[row % dots.down][column % dots.across]
            }
            if owner != Canvas.axis {
                owners[i] = owner
                seriesDots[i] = true
            } else if !seriesDots[i] {
                owners[i] = Canvas.axis
            }
        }

        /// Bresenham's line between two dots, both ends included.
        static func line(from a: (Int, Int), to b: (Int, Int)) -> [(Int, Int)] {
            var (x, y) = a
            let (dx, dy) = (abs(b.0 - x), -abs(b.1 - y))
            let (sx, sy) = (x < b.0 ? 1 : -1, y < b.1 ? 1 : -1)
            var error = dx + dy
            var points: [(Int, Int)] = []
            while true {
                points.append((x, y))
                if x == b.0 && y == b.1 { break }
                let e2 = 2 * error
                if e2 >= dy {
                    error += dy
                    x += sx
                }
                if e2 <= dx {
                    error += dx
                    y += sy
                }
            }
            return points
        }

        /// The first corner (top-left, top-right, bottom-right, bottom-left) where a box of the
        /// given size, one cell from the frame, covers no series dot; or the corner `only` names,
        /// whatever it covers.
        func findCorner(width: Int, height: Int, only: (right: Bool, lower: Bool)? = nil)
            -> (column: Int, row: Int)?
        {
            guard height > 0, width + 2 <= columns, height + 2 <= rows else { return nil }
            let (left, right, top, bottom) = (1, columns - width - 1, 0, rows - height)
            if let only { return (only.right ? right : left, only.lower ? bottom : top) }
            let corners = [(left, top), (right, top), (right, bottom), (left, bottom)]
            for (column, row) in corners {
                var clear = true
                for r in Swift.max(0, row - 1)..<Swift.min(rows, row + height + 1) {
                    for c in Swift.max(0, column - 1)..<Swift.min(columns, column + width + 1)
                    where seriesDots[r * columns + c] {
                        clear = false
                    }
                }
                if clear { return (column, row) }
            }
            return nil
        }

        func renderRows(chart: TerminalChart) -> [String] {
            (0..<rows).map { renderRow($0, chart: chart, overlay: nil) }
        }

        /// What a cell shows instead of dots, if anything: a marked point, an arrowhead where a
        /// curve leaves, or a curve's glyph.
        private func symbol(at i: Int) -> (owner: Int, text: String)? {
            if let marker = markers.isEmpty ? nil : markers[i] { return (marker, ascii ? "O" : "\u{25CF}") }
            if let exit = exits.isEmpty ? nil : exits[i] {
                return (
                    exit.owner, ascii ? (exit.upward ? "^" : "v") : (exit.upward ? "\u{25B2}" : "\u{25BC}")
                )
            }
            if let owner = glyphs.isEmpty ? nil : glyphs[i] {
                return (owner, String(TerminalChart.glyph(owner: owner)))
            }
            return nil
        }

        /// One canvas row; `overlay` replaces `width` cells from `column` with ready text.
        ///
        /// Written as UTF-8 bytes, a cell at a time: a chart draws thousands of cells at every
        /// start.
        func renderRow(_ row: Int, chart: TerminalChart, overlay: (column: Int, text: String, width: Int)?)
            -> String
        {
            var out: [UInt8] = []
            out.reserveCapacity(3 * columns + 16)
            var current: String?
            func setColour(_ code: @autoclosure () -> String?) {
                guard chart.color else { return }
                let code = code()
                guard code != current else { return }
                if current != nil { out += "\u{1B}[0m".utf8 }
                if let code { out += "\u{1B}[\(code)m".utf8 }
                current = code
            }
            var column = 0
            while column < columns {
                if let overlay, column == overlay.column {
                    setColour(nil)
                    out += overlay.text.utf8
                    column += overlay.width
                    continue
                }
                let i = row * columns + column
                if let symbol = symbol(at: i) {
                    setColour(chart.code(owner: symbol.owner))
                    out += symbol.text.utf8
                    column += 1
                    continue
                }
                let owner = owners[i]
                setColour(
                    owner == Canvas.empty
                        ? nil
                        : owner == Canvas.axis
                            ? TerminalChart.dim
                            : (shaded[column] >= 0 ? "2;" : "") + chart.code(owner: owner))
                if ascii {
                    out.append(marks[i].asciiValue ?? UInt8(ascii: "?"))
                } else {
                    // U+2800 + the dot bits, as UTF-8.
                    let scalar = 0x2800 + UInt32(cells[i])
                    out.append(0xE0 | UInt8(scalar >> 12))
                    out.append(0x80 | UInt8((scalar >> 6) & 0x3F))
                    out.append(0x80 | UInt8(scalar & 0x3F))
                }
                column += 1
            }
            setColour(nil)
            return String(decoding: out, as: UTF8.self)
        }
    }
}
