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
        /// Whether y = 0 has a row (not on a log axis, whose position 0 is y = 1).
        let zeroRow: Bool
        /// Whether x = 0 has a column (not on a log axis).
        let zeroColumn: Bool
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
            let markLines = chart.footer(figure).count
            let rows = Swift.max(2, chart.height - titleLines - 3 - legendLines - markLines)
            let yRange = figure.yRange
            let dots = chart.dots
            let dotRows = Double(rows * dots.down - 1)
            let rowOf = { (y: Double) -> Int in
                pixel((1 - fraction(y, in: yRange)) * dotRows) / dots.down
            }
            let yTicks = figure.yScale.ticks(
                from: yRange.lowerBound, to: yRange.upperBound, target: Swift.max(2, rows / 4 + 1)
            ) { ticks in
                let cells = ticks.map { rowOf($0.value) }
                return zip(cells, cells.dropFirst()).allSatisfy { $0 - $1 >= 2 }
            }
            let labelWidth = Swift.max(yTicks.map(\.label.count).max() ?? 1, chart.plain(figure.yLabel).count)
            let columns = Swift.max(4, chart.width - labelWidth - 3)
            let xRange = figure.xRange
            let dotColumns = Double(columns * dots.across - 1)
            let columnOf = { (x: Double) -> Int in
                pixel(fraction(x, in: xRange) * dotColumns) / dots.across
            }
            let xTicks = figure.xScale.ticks(
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
            self.zeroRow = figure.yScale != .log
            self.zeroColumn = figure.xScale != .log
            self.xTicks = xTicks
            self.yTicks = yTicks
            self.yLabel = chart.plain(figure.yLabel)
            self.xLabel = chart.plain(figure.xLabel)
        }

        /// The lines a legend under the chart takes.
        static func legendLines(chart: TerminalChart, figure: Figure) -> Int {
            chart.legendRows(chart.legendEntries(figure)).count
        }

        /// The dot position of a point (braille: 2 per column, 4 per row; ASCII: 1 and 1).
        func dot(_ x: Double, _ y: Double) -> (Int, Int) {
            let (w, h) = (chart.dots.across, chart.dots.down)
            let u = fraction(x, in: xRange)
            let v = 1 - fraction(y, in: yRange)
            return (
                pixel(u * Double(canvasColumns * w - 1)),
                pixel(v * Double(canvasRows * h - 1))
            )
        }

        /// The canvas with everything on it: faint zero axes first, then bands, series, flat
        /// zones and marked points.
        func drawCanvas(_ figure: Figure) -> Canvas {
            var canvas = Canvas(columns: canvasColumns, rows: canvasRows, ascii: chart.ascii)
            drawAxes(on: &canvas)
            for band in figure.bands {
                drawBand(band, on: &canvas)
            }
            // Markers every `spacing` cells, each curve at its own offset, so no two meet.
            let markers = chart.usesMarkers(figure)
            let count = figure.series.count
            let spacing = Swift.max(2 * count, canvasColumns / 5)
            for (k, series) in figure.series.enumerated() {
                drawSeries(
                    series, on: &canvas,
                    markers: markers ? (spacing: spacing, offset: k * spacing / Swift.max(1, count)) : nil)
            }
            for shade in figure.shades {
                let a = Swift.max(0, dot(shade.range.lowerBound, 0).0 / chart.dots.across)
                let b = Swift.min(canvasColumns - 1, dot(shade.range.upperBound, 0).0 / chart.dots.across)
                if a <= b { for column in a...b { canvas.shaded[column] = shade.function } }
            }
            for exit in figure.exits where xRange.contains(exit.x) {
                let column = dot(exit.x, 0).0 / chart.dots.across
                let owner = exit.isDifference ? TerminalChart.differenceOwner + exit.identity : exit.identity
                canvas.exits[(exit.upward ? 0 : canvasRows - 1) * canvasColumns + column] = (
                    owner, exit.upward
                )
            }
            for mark in figure.marks
            where mark.y.isFinite && yRange.contains(mark.y) && xRange.contains(mark.x) {
                let (column, row) = dot(mark.x, mark.y)
                canvas.markers[(row / chart.dots.down) * canvasColumns + column / chart.dots.across] =
                    mark.function
            }
            return canvas
        }

        /// The zero axes, faint: every fourth dot (ASCII: every other cell).
        private func drawAxes(on canvas: inout Canvas) {
            let step = chart.ascii ? 2 : 4
            if yRange.contains(0) && zeroRow {
                let (_, row) = dot(xRange.lowerBound, 0)
                for column in stride(from: 0, to: canvas.dotColumns, by: step) {
                    canvas.plot(column, row, owner: Canvas.axis, mark: "-")
                }
            }
            if xRange.contains(0) && zeroColumn {
                let (column, _) = dot(0, yRange.lowerBound)
                for row in stride(from: 0, to: canvas.dotRows, by: step) {
                    canvas.plot(column, row, owner: Canvas.axis, mark: "|")
                }
            }
        }

        /// A band's two edges, sparse (every third dot).
        private func drawBand(_ band: Figure.Band, on canvas: inout Canvas) {
            let owner = band.function
            for edge in [band.low, band.high] {
                var previous: (Int, Int)?
                for (k, (x, y)) in zip(band.x, edge).enumerated() where y.isFinite && yRange.contains(y) {
                    let point = dot(x, y)
                    let path = previous.map { Canvas.line(from: $0, to: point).dropFirst() } ?? [point][...]
                    for (column, row) in path where (column + row + k) % 3 == 0 || chart.ascii {
                        canvas.plot(column, row, owner: owner, mark: ":")
                    }
                    previous = point
                }
            }
        }

        /// A series as a line of dots (ASCII: its glyph) in its role's pattern.
        ///
        /// Points outside the y range break it. With `markers`, the curve's glyph replaces its braille cell at
        /// every `spacing`-th column from `offset`.
        private func drawSeries(
            _ series: Figure.Series, on canvas: inout Canvas, markers: (spacing: Int, offset: Int)?
        ) {
            let every = TerminalChart.every(series.role)
            let owner = TerminalChart.owner(of: series)
            let glyph = TerminalChart.glyph(owner: owner)
            var previous: (Int, Int)?
            var count = 0
            var marked = Set<Int>()
            for (x, y) in zip(series.x, series.y) {
                guard y.isFinite, yRange.contains(y) else {
                    previous = nil
                    continue
                }
                let point = dot(x, y)
                let path = previous.map { Canvas.line(from: $0, to: point).dropFirst() } ?? [point][...]
                for (column, row) in path {
                    if count % every == 0 {
                        canvas.plot(column, row, owner: owner, mark: glyph)
                    }
                    count += 1
                    let dots = chart.dots
                    if let markers, column % dots.across == 0 {
                        let cell = column / dots.across
                        if cell % markers.spacing == markers.offset, !marked.contains(cell),
                            (0..<canvasRows).contains(row / dots.down)
                        {
                            marked.insert(cell)
                            canvas.glyphs[(row / dots.down) * canvasColumns + cell] = owner
                        }
                    }
                }
                previous = point
            }
        }

        /// The framed chart: y axis name, frame, tick labels and marks, canvas, x labels.
        func frame(
            canvas: Canvas, legend: [TerminalChart.LegendEntry], legendAt corner: (column: Int, row: Int)?
        ) -> [String] {
            let a = chart.ascii
            let (horizontal, vertical) = a ? ("-", "|") : ("\u{2500}", "\u{2502}")
            let (topLeft, topRight) = a ? ("+", "+") : ("\u{250C}", "\u{2510}")
            let yMark = a ? "+" : "\u{2524}"
            let frameColour: String? = chart.color ? TerminalChart.dim : nil
            var rows = canvas.renderRows(chart: chart)
            if let corner {
                for (i, entry) in legend.enumerated() {
                    rows[corner.row + i] = canvas.renderRow(
                        corner.row + i, chart: chart,
                        overlay: (corner.column, chart.sample(entry) + " " + entry.text, entry.width)
                    )
                }
            }
            var labels = [Int: String]()
            for tick in yTicks {
                let (_, row) = dot(xRange.lowerBound, tick.value)
                labels[row / chart.dots.down] = tick.label
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
            lines.append(bottomRule(canvas))
            lines.append(xAxisLabels())
            return lines.map { $0.trimmingTrailingSpaces }
        }

        /// `text` right-aligned in the y labels' column.
        private func pad(_ text: String) -> String {
            String(repeating: " ", count: labelWidth - text.count) + text
        }

        /// The frame's bottom rule: tick marks, and heavy under flat zones.
        private func bottomRule(_ canvas: Canvas) -> String {
            let a = chart.ascii
            let (horizontal, heavy, xMark) = a ? ("-", "=", "+") : ("\u{2500}", "\u{2501}", "\u{252C}")
            let (bottomLeft, bottomRight) = a ? ("+", "+") : ("\u{2514}", "\u{2518}")
            var xMarks = Set<Int>()
            for tick in xTicks { xMarks.insert(dot(tick.value, yRange.lowerBound).0 / chart.dots.across) }
            let frame: String? = chart.color ? TerminalChart.dim : nil
            var bottom = ""
            for column in 0..<canvasColumns {
                if xMarks.contains(column) || canvas.shaded[column] < 0 {
                    bottom += chart.paint(xMarks.contains(column) ? xMark : horizontal, code: frame)
                } else {
                    bottom += chart.paint(heavy, code: chart.code(owner: canvas.shaded[column]))
                }
            }
            return String(repeating: " ", count: labelWidth + 1)
                + chart.paint(bottomLeft, code: frame) + bottom + chart.paint(bottomRight, code: frame)
        }

        /// The x tick labels centred under their marks, and the axis name after them if it fits.
        private func xAxisLabels() -> String {
            var axis = [Character](repeating: " ", count: chart.width)
            for tick in xTicks {
                let centre = labelWidth + 2 + dot(tick.value, yRange.lowerBound).0 / chart.dots.across
                let start = Swift.min(
                    Swift.max(0, centre - tick.label.count / 2), chart.width - tick.label.count)
                for (k, c) in tick.label.enumerated() { axis[start + k] = c }
            }
            let used = axis.lastIndex { $0 != " " } ?? 0
            if used + 3 + xLabel.count <= chart.width {
                for (k, c) in xLabel.enumerated() { axis[used + 3 + k] = c }
            }
            return String(axis).trimmingTrailingSpaces
        }
    }
}
