/// Where everything of a terminal chart goes, and the dot canvas it draws on.
extension TerminalChart {
    struct Layout {
        let chart: TerminalChart
        let legendBelow: Bool
        let canvasColumns: Int
        let canvasRows: Int
        let titleLines: Int
        /// The title, the framed canvas and the x labels: every line but the legend below.
        var framedLines: Int { titleLines + canvasRows + 3 }
        let labelWidth: Int
        let xRange: ClosedRange<Double>
        let yRange: ClosedRange<Double>
        let xTicks: [Tick]
        let yTicks: [Tick]
        let yLabel: String
        let xLabel: String

        /// - Parameter legendLines: Lines kept for a legend below, when panels must agree.
        init(chart: TerminalChart, figure: Figure, legendBelow: Bool, legendLines reserved: Int? = nil) {
            self.chart = chart
            self.legendBelow = legendBelow
            let titleLines = figure.title.isEmpty ? 0 : 1
            let legendLines = legendBelow ? reserved ?? Layout.legendLines(chart: chart, figure: figure) : 0
            let markLines = figure.marks.count
            let rows = Swift.max(2, chart.height - titleLines - 3 - legendLines - markLines)
            let yRange = figure.yRange
            let dotRows = Double(rows * (chart.ascii ? 1 : 4) - 1)
            let rowOf = { (y: Double) -> Int in
                pixel((1 - fraction(y, in: yRange)) * dotRows)
                    / (chart.ascii ? 1 : 4)
            }
            let yTicks = TickEngine.ticks(
                from: yRange.lowerBound, to: yRange.upperBound, target: Swift.max(2, rows / 4 + 1)
            ) { ticks in
                let cells = ticks.map { rowOf($0.value) }
                return zip(cells, cells.dropFirst()).allSatisfy { $0 - $1 >= 2 }
            }
            let labelWidth = Swift.max(yTicks.map(\.label.count).max() ?? 1, chart.plain(figure.yLabel).count)
            let columns = Swift.max(4, chart.width - labelWidth - 3)
            let xRange = figure.xRange
            let dotColumns = Double(columns * (chart.ascii ? 1 : 2) - 1)
            let columnOf = { (x: Double) -> Int in
                pixel(fraction(x, in: xRange) * dotColumns)
                    / (chart.ascii ? 1 : 2)
            }
            let xTicks = TickEngine.ticks(
                from: xRange.lowerBound, to: xRange.upperBound, target: Swift.max(2, columns / 10 + 1)
            ) { ticks in
                // Centred labels may not touch: at least two spaces between neighbours, and all on the line.
                var end = -labelWidth - 2
                for tick in ticks {
                    let centre = labelWidth + 2 + columnOf(tick.value)
                    let start = Swift.min(
                        Swift.max(0, centre - tick.label.count / 2), chart.width - tick.label.count)
                    if start < end + 2 { return false }
                    end = start + tick.label.count
                }
                return true
            }
            self.canvasRows = rows
            self.titleLines = titleLines
            self.canvasColumns = columns
            self.labelWidth = labelWidth
            self.xRange = xRange
            self.yRange = yRange
            self.xTicks = xTicks
            self.yTicks = yTicks
            self.yLabel = chart.plain(figure.yLabel)
            self.xLabel = chart.plain(figure.xLabel)
        }

        static func legendLines(chart: TerminalChart, figure: Figure) -> Int {
            let entries = chart.legendEntries(figure)
            var lines = 1
            var used = 0
            for entry in entries {
                let length = 3 + entry.text.count
                if used > 0 && used + 3 + length > chart.width {
                    lines += 1
                    used = 0
                }
                used += (used > 0 ? 3 : 0) + length
            }
            return entries.isEmpty ? 0 : lines
        }

        /// The dot position of a point (braille: 2 per column, 4 per row; ASCII: 1 and 1).
        func dot(_ x: Double, _ y: Double) -> (Int, Int) {
            let (w, h) = (chart.ascii ? 1 : 2, chart.ascii ? 1 : 4)
            let u = fraction(x, in: xRange)
            let v = 1 - fraction(y, in: yRange)
            return (
                pixel(u * Double(canvasColumns * w - 1)),
                pixel(v * Double(canvasRows * h - 1))
            )
        }

        func drawCanvas(_ figure: Figure) -> Canvas {
            var canvas = Canvas(columns: canvasColumns, rows: canvasRows, ascii: chart.ascii)
            // Zero axes first, faint: every fourth dot (ASCII: every other cell).
            let step = chart.ascii ? 2 : 4
            if yRange.contains(0) {
                let (_, row) = dot(xRange.lowerBound, 0)
                for column in stride(from: 0, to: canvas.dotColumns, by: step) {
                    canvas.plot(column, row, owner: Canvas.axis, mark: "-")
                }
            }
            if xRange.contains(0) {
                let (column, _) = dot(0, yRange.lowerBound)
                for row in stride(from: 0, to: canvas.dotRows, by: step) {
                    canvas.plot(column, row, owner: Canvas.axis, mark: "|")
                }
            }
            // rrelu's band: both edges, sparse.
            for band in figure.bands {
                for edge in [band.low, band.high] {
                    var previous: (Int, Int)?
                    for (k, (x, y)) in zip(band.x, edge).enumerated() where y.isFinite && yRange.contains(y) {
                        let point = dot(x, y)
                        let path =
                            previous.map { Canvas.line(from: $0, to: point).dropFirst() } ?? [point][...]
                        for (column, row) in path where (column + row + k) % 3 == 0 || chart.ascii {
                            canvas.plot(column, row, owner: band.colorIndex, mark: ":")
                        }
                        previous = point
                    }
                }
            }
            for series in figure.series {
                var previous: (Int, Int)?
                var count = 0
                let every = series.style.rawValue + 1
                let mark = Canvas.asciiMark[series.style.rawValue]
                for (x, y) in zip(series.x, series.y) {
                    guard y.isFinite, yRange.contains(y) else {
                        previous = nil
                        continue
                    }
                    let point = dot(x, y)
                    let path = previous.map { Canvas.line(from: $0, to: point).dropFirst() } ?? [point][...]
                    for (column, row) in path {
                        if count % every == 0 || chart.ascii {
                            canvas.plot(column, row, owner: series.colorIndex, mark: mark)
                        }
                        count += 1
                    }
                    previous = point
                }
            }
            for shade in figure.shades {
                let a = Swift.max(0, dot(shade.range.lowerBound, 0).0 / (chart.ascii ? 1 : 2))
                let b = Swift.min(canvasColumns - 1, dot(shade.range.upperBound, 0).0 / (chart.ascii ? 1 : 2))
                if a <= b { for column in a...b { canvas.shaded[column] = true } }
            }
            for mark in figure.marks
            where mark.y.isFinite && yRange.contains(mark.y) && xRange.contains(mark.x) {
                let (column, row) = dot(mark.x, mark.y)
                let (cx, cy) = chart.ascii ? (column, row) : (column / 2, row / 4)
                canvas.markers[cy * canvasColumns + cx] = mark.colorIndex
            }
            return canvas
        }

        /// The framed chart: y axis name, frame, tick labels and marks, canvas, x labels.
        func frame(
            canvas: Canvas, legend: [TerminalChart.LegendEntry], legendAt corner: (column: Int, row: Int)?
        )
            -> [String]
        {
            let a = chart.ascii
            let (horizontal, vertical) = a ? ("-", "|") : ("\u{2500}", "\u{2502}")
            let (topLeft, topRight, bottomLeft, bottomRight) =
                a ? ("+", "+", "+", "+") : ("\u{250C}", "\u{2510}", "\u{2514}", "\u{2518}")
            let (yMark, xMark) = a ? ("+", "+") : ("\u{2524}", "\u{252C}")
            let frameColour: String? = chart.color ? TerminalChart.dim : nil
            var rows = canvas.renderRows(chart: chart)
            if let corner {
                for (i, entry) in legend.enumerated() {
                    rows[corner.row + i] = canvas.renderRow(
                        corner.row + i, chart: chart,
                        overlay: (
                            corner.column, chart.sample(entry) + " " + entry.text,
                            3 + entry.text.count
                        ))
                }
            }
            var labels = [Int: String]()
            for tick in yTicks {
                let (_, row) = dot(xRange.lowerBound, tick.value)
                labels[row / (a ? 1 : 4)] = tick.label
            }
            var xMarks = Set<Int>()
            for tick in xTicks { xMarks.insert(dot(tick.value, yRange.lowerBound).0 / (a ? 1 : 2)) }
            func pad(_ text: String) -> String {
                String(repeating: " ", count: labelWidth - text.count) + text
            }
            var lines: [String] = []
            lines.append(
                pad(yLabel) + " "
                    + chart.paint(
                        topLeft + String(repeating: horizontal, count: canvasColumns) + topRight,
                        code: frameColour))
            for (i, row) in rows.enumerated() {
                let label = labels[i]
                let left = chart.paint(label == nil ? vertical : yMark, code: frameColour)
                lines.append(pad(label ?? "") + " " + left + row + chart.paint(vertical, code: frameColour))
            }
            let heavy = a ? "=" : "\u{2501}"
            let bottom = (0..<canvasColumns).map {
                xMarks.contains($0) ? xMark : canvas.shaded[$0] ? heavy : horizontal
            }.joined()
            lines.append(
                String(repeating: " ", count: labelWidth + 1)
                    + chart.paint(bottomLeft + bottom + bottomRight, code: frameColour))
            var axis = [Character](repeating: " ", count: chart.width)
            for tick in xTicks {
                let centre = labelWidth + 2 + dot(tick.value, yRange.lowerBound).0 / (a ? 1 : 2)
                let start = Swift.min(
                    Swift.max(0, centre - tick.label.count / 2), chart.width - tick.label.count)
                for (k, c) in tick.label.enumerated() { axis[start + k] = c }
            }
            let used = axis.lastIndex { $0 != " " } ?? 0
            if used + 3 + xLabel.count <= chart.width {
                for (k, c) in xLabel.enumerated() { axis[used + 3 + k] = c }
            }
            lines.append(String(axis).trimmingTrailingSpaces)
            return lines.map { $0.trimmingTrailingSpaces }
        }
    }

    /// Cells of braille dots (or ASCII marks) with the series that owns each cell.
    struct Canvas {
        static let axis = -1
        static let empty = -2
        static let asciiMark: [Character] = ["*", ".", ":"]
        /// drawille's pixel map: bit for dot (column, row) in a 2×4 braille cell.
        static let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]

        let columns: Int
        let rows: Int
        let ascii: Bool
        var cells: [UInt8]
        var marks: [Character]
        var owners: [Int]
        var seriesDots: [Bool]
        /// Columns inside a flat zone (`--saturation`): dimmed, and heavy on the bottom rule.
        var shaded: [Bool]
        /// Cells holding a marked point, with the mark's colour index.
        var markers: [Int: Int] = [:]

        init(columns: Int, rows: Int, ascii: Bool) {
            self.columns = columns
            self.rows = rows
            self.ascii = ascii
            cells = [UInt8](repeating: 0, count: columns * rows)
            marks = [Character](repeating: " ", count: columns * rows)
            owners = [Int](repeating: Canvas.empty, count: columns * rows)
            seriesDots = [Bool](repeating: false, count: columns * rows)
            shaded = [Bool](repeating: false, count: columns)
        }

        var dotColumns: Int { columns * (ascii ? 1 : 2) }
        var dotRows: Int { rows * (ascii ? 1 : 4) }

        mutating func plot(_ column: Int, _ row: Int, owner: Int, mark: Character) {
            guard column >= 0, row >= 0, column < dotColumns, row < dotRows else { return }
            let (cx, cy) = ascii ? (column, row) : (column / 2, row / 4)
            let i = cy * columns + cx
            if ascii {
                if owner == Canvas.axis && seriesDots[i] { return }
                marks[i] = owner == Canvas.axis && marks[i] != " " && marks[i] != mark ? "+" : mark
            } else {
                cells[i] |= Canvas.bits[row % 4][column % 2]
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
        /// given size, one cell from the frame, covers no series dot.
        func findCorner(width: Int, height: Int) -> (column: Int, row: Int)? {
            guard height > 0, width + 2 <= columns, height + 2 <= rows else { return nil }
            let corners = [
                (1, 0), (columns - width - 1, 0), (columns - width - 1, rows - height), (1, rows - height),
            ]
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

        /// One canvas row; `overlay` replaces `width` cells from `column` with ready text.
        func renderRow(_ row: Int, chart: TerminalChart, overlay: (column: Int, text: String, width: Int)?)
            -> String
        {
            var out = ""
            var current: String?
            var column = 0
            func setColour(_ code: String?) {
                guard chart.color, code != current else { return }
                out += current == nil ? "" : "\u{1B}[0m"
                if let code { out += "\u{1B}[\(code)m" }
                current = code
            }
            while column < columns {
                if let overlay, column == overlay.column {
                    setColour(nil)
                    out += overlay.text
                    column += overlay.width
                    continue
                }
                let i = row * columns + column
                if let marker = markers[i] {
                    setColour(TerminalChart.palette[marker % TerminalChart.palette.count])
                    out += ascii ? "o" : "\u{25CF}"
                    column += 1
                    continue
                }
                let owner = owners[i]
                let faint = shaded[column] ? "2;" : ""
                setColour(
                    owner == Canvas.empty
                        ? nil
                        : owner == Canvas.axis
                            ? TerminalChart.dim
                            : faint + TerminalChart.palette[owner % TerminalChart.palette.count])
                if ascii {
                    out.append(marks[i])
                } else {
                    out.unicodeScalars.append(Unicode.Scalar(0x2800 + UInt32(cells[i])) ?? " ")
                }
                column += 1
            }
            setColour(nil)
            return out
        }
    }
}

/// A dot or pixel coordinate: rounded, NaN as 0, clamped far outside any canvas.
@inline(__always)
func pixel(_ value: Double) -> Int {
    value.isNaN ? 0 : Int(Swift.min(Swift.max(value.rounded(), -1e9), 1e9))
}
