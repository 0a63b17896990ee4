import ActivationCore

/// A line chart drawn with text: braille dots (2×4 per character cell) or 7-bit ASCII.
///
/// ```
///          relu
/// f(x) ┌────────────────────┐
///    5 ┤⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⠀⢀⡠│
///      …
///    0 ┤⣀⣀⣀⣀⣀⣀⣀⣀⣀⣀⠔⠊⠁⠀⠀⠀⠀⠀⠀⠀│
///      └┬────────┬─────────┬┘
///      -5        0         5  x
/// ```
/// Layout: the title, then the frame with y tick labels on the left (`┤`) and x tick labels
/// under `┬` marks, the zero axes drawn faintly (every fourth dot, dim), and a legend in the
/// emptiest corner of the canvas, or under the chart when every corner holds data. f is
/// solid, f′ dotted, f″ sparse, so the series stay apart without colour. Every line ends
/// without trailing spaces and the output ends with a newline.
public struct TerminalChart: Sendable {
    /// Total width in characters.
    public var width: Int
    /// Total height in lines.
    public var height: Int
    /// ANSI colours.
    public var color: Bool
    /// 7-bit ASCII instead of braille and box drawing.
    public var ascii: Bool
    /// With ``color``: the 256-colour palette (the terminal says it has one) instead of the
    /// 16 colours every terminal has.
    public var colors256: Bool

    /// A chart's size in characters and lines.
    public struct Size: Sendable, Hashable {
        /// Characters per line.
        public let width: Int
        /// Lines.
        public let height: Int
    }

    /// The smallest chart that can show anything: 20×6 characters.
    public static let minimumSize = Size(width: 20, height: 6)

    /// The largest chart: 1000×500 characters (a terminal is rarely a fifth of that).
    public static let maximumSize = Size(width: 1000, height: 500)

    /// A chart of the given size.
    /// - Parameters:
    ///   - width: Characters per line, at least ``minimumSize``.
    ///   - height: Lines, at least ``minimumSize``.
    ///   - color: Whether to emit ANSI colour codes.
    ///   - ascii: Whether to use only 7-bit characters.
    ///   - colors256: With `color`, use the 256-colour palette.
    public init(width: Int, height: Int, color: Bool, ascii: Bool, colors256: Bool = false) {
        precondition(width >= Self.minimumSize.width && height >= Self.minimumSize.height, "chart too small")
        precondition(width <= Self.maximumSize.width && height <= Self.maximumSize.height, "chart too large")
        self.width = width
        self.height = height
        self.color = color
        self.ascii = ascii
        self.colors256 = colors256
    }

    /// Dots per character cell: braille 2×4, ASCII 1×1.
    var dots: DotsPerCell { ascii ? .ascii : .braille }

    /// How many x samples fill the canvas: one per dot column (braille) or per cell (ASCII).
    public func samples(for figure: Figure) -> Int {
        let layout = Layout(chart: self, figure: figure, legendBelow: false)
        return layout.canvasColumns * dots.across
    }

    /// How many x samples a chart of these functions takes over `range`, before they are
    /// sampled: the canvas's width depends on its y labels, so the chart sizes them from the
    /// functions at the two ends of the range.
    /// - Parameters:
    ///   - functions: The functions, with their names.
    ///   - range: The x interval.
    ///   - derivative: Whether f′ is drawn.
    ///   - secondDerivative: Whether f″ is drawn.
    ///   - title: The title, or nil for the functions' names.
    /// - Returns: One sample per dot column.
    public func samples(
        for functions: [(name: String, function: Activation)], over range: ClosedRange<Double>,
        derivative: Bool, secondDerivative: Bool, title: String?
    ) -> Int {
        let ends = Sampling(from: range.lowerBound, to: range.upperBound, count: 2)
        return samples(
            for: Figure(
                functions: functions, sampling: ends, derivative: derivative,
                secondDerivative: secondDerivative,
                title: title))
    }

    /// SGR codes of the functions' colours, 16-colour: blue, red, green, magenta, cyan, yellow.
    static let palette16 = ["34", "31", "32", "35", "36", "33"]
    /// 256-colour codes of mid lightness, which read on dark and on light backgrounds: azure,
    /// orange, green, orchid, teal, gold, violet, brown.
    static let palette256 = [
        "38;5;33", "38;5;202", "38;5;35", "38;5;170", "38;5;37", "38;5;178", "38;5;99", "38;5;130",
    ]
    /// The differences' family: the terminal's own foreground in bold, then greys; never a
    /// function's colour.
    static let differencePalette16 = ["1", "90"]
    static let differencePalette256 = ["1", "38;5;244"]
    static let dim = "90"

    /// Each function's glyph in ASCII, and its marker on a braille curve without colour.
    static let glyphs: [Character] = [
        "*", "#", "o", "x", "@", "%", "&", "$", "v", "s", "z", "w", "?", "n", "m", "!",
    ]
    /// The differences' glyphs.
    static let differenceGlyphs: [Character] = ["~", "^", "=", "\""]

    /// A curve's owner on the canvas: the function's index, or for a difference
    /// ``differenceOwner`` plus its index among the differences.
    static func owner(of series: Figure.Series) -> Int {
        series.role.isDifference ? differenceOwner + series.identity : series.identity
    }

    /// Where difference owners start.
    static let differenceOwner = 1 << 20

    /// The SGR code of an owner (a function or a difference).
    func code(owner: Int) -> String {
        if owner >= Self.differenceOwner {
            let family = colors256 ? Self.differencePalette256 : Self.differencePalette16
            return family[(owner - Self.differenceOwner) % family.count]
        }
        let family = colors256 ? Self.palette256 : Self.palette16
        return family[owner % family.count]
    }

    /// The glyph of an owner: its character in ASCII, its marker on braille.
    static func glyph(owner: Int) -> Character {
        owner >= differenceOwner
            ? differenceGlyphs[(owner - differenceOwner) % differenceGlyphs.count]
            : glyphs[owner % glyphs.count]
    }

    /// Whether braille curves carry their glyph as a marker: without colour, or when there are
    /// more functions than colours, so that every curve stays its own.
    func usesMarkers(_ figure: Figure) -> Bool {
        guard !ascii else { return false }
        let functions = Set(figure.series.filter { !$0.role.isDifference }.map(\.function)).count
        let differences = Set(figure.series.filter(\.role.isDifference).map(\.function)).count
        let colours = colors256 ? Self.palette256.count : Self.palette16.count
        return !color ? functions + differences > 1 : functions > colours || differences > 2
    }

    /// How a series of the given role is drawn: every dot (or cell) for f, every other for f′,
    /// every third for f″; the legend shows the same pattern.
    static func every(_ role: Figure.Role) -> Int { role.order + 1 }

    /// A legend sample of a series: four ASCII cells in its glyph and pattern (`****`, `* * `,
    /// `*  *`), or three braille cells in its pattern with its marker in the middle when
    /// curves carry markers.
    func sample(role: Figure.Role, owner: Int, markers: Bool) -> String {
        let glyph = String(Self.glyph(owner: owner))
        if ascii {
            return ["****", "* * ", "*  *"][Swift.min(role.order, 2)].replacingOccurrences(
                of: "*", with: glyph)
        }
        let line = ["\u{2812}", "\u{2802}", "\u{2800}"][Swift.min(role.order, 2)]
        let ends = role.order == 2 ? "\u{2802}" : line
        return markers ? ends + glyph + ends : ends + line + ends
    }

    /// Draws the figure.
    /// - Parameters:
    ///   - figure: What to draw; series y values outside the y range are clipped.
    ///   - out: Where the text goes.
    public func render(_ figure: Figure, to out: inout some TextOutputStream) {
        for line in lines(for: plan(for: figure)) {
            out.write(line)
            out.write("\n")
        }
    }

    /// The narrowest panel drawn beside another; narrower terminals stack the panels.
    public static let minimumPanelWidth = 36

    /// Draws the panels of a grid in the terminal's width and height: side by side when each
    /// gets at least ``minimumPanelWidth`` columns, else in rows of two, else one under the
    /// other (or as the grid's arrangement says), each panel as tall as the chart's height
    /// shared among the rows allows, down to the smallest chart; where rows would be shorter
    /// than that, in one row of narrower panels, so that the whole fits the terminal.
    /// - Parameters:
    ///   - grid: The panels and the title above them.
    ///   - out: Where the text goes.
    public func render(_ grid: FigureGrid, to out: inout some TextOutputStream) {
        var lines: [String] = []
        if !grid.title.isEmpty { lines.append(centred(grid.title, width: width)) }
        let n = grid.panels.count
        let gap = 2
        let across = { (columns: Int) in (width - gap * (columns - 1)) / columns }
        var columns: Int
        switch grid.arrangement {
        case .row: columns = n
        case .column: columns = 1
        case .grid: columns = Int(Double(n).squareRoot().rounded(.up))
        case .automatic:
            columns =
                across(n) >= Self.minimumPanelWidth
                ? n : n >= 3 && across(2) >= Self.minimumPanelWidth ? 2 : 1
            // Rows too short for a chart: one row of narrower panels fits the terminal instead.
            let rows = (n + columns - 1) / columns
            if rows > 1, (height - lines.count) / rows < Self.minimumSize.height,
                across(n) >= Self.minimumSize.width
            {
                columns = n
            }
        }
        // A forced row or grid still needs charts of the smallest width.
        while columns > 1 && across(columns) < Self.minimumSize.width { columns -= 1 }
        let rows = (n + columns - 1) / columns
        let panelWidth = columns == 1 ? width : across(columns)
        let panelHeight = Swift.max(Self.minimumSize.height, (height - lines.count) / rows)
        let chart = TerminalChart(
            width: panelWidth, height: panelHeight, color: color, ascii: ascii, colors256: colors256)
        for row in 0..<rows {
            let panels = Array(grid.panels[(row * columns)..<Swift.min(n, (row + 1) * columns)])
            lines += chart.lines(beside: panels, gap: gap)
        }
        for line in lines {
            out.write(line)
            out.write("\n")
        }
    }

    /// Panels of this chart's size next to each other, `gap` columns apart, their frames
    /// level: when one panel's legend must go below, every panel's does.
    func lines(beside panels: [Figure], gap: Int) -> [String] {
        var plans = panels.map(plan(for:))
        if plans.count > 1 && plans.contains(where: \.legendBelow) {
            let legendLines = panels.map { Layout.legendLines(chart: self, figure: $0) }.max()
            plans = plans.map {
                $0.legend.isEmpty ? $0 : planBelow($0.figure, legend: $0.legend, lines: legendLines)
            }
        }
        let drawn = plans.map(lines(for:))
        guard drawn.count > 1 else { return drawn.first ?? [] }
        let tallest = drawn.map(\.count).max() ?? 0
        return (0..<tallest).map { row in
            var line = ""
            for (k, panel) in drawn.enumerated() {
                let text = row < panel.count ? panel[row] : ""
                line += text
                if k < drawn.count - 1 {
                    line += String(repeating: " ", count: Swift.max(0, width - Self.visibleWidth(text)) + gap)
                }
            }
            return line.trimmingTrailingSpaces
        }
    }

    /// Columns a line takes on screen: characters, not counting SGR escape sequences.
    static func visibleWidth(_ text: String) -> Int {
        var count = 0
        var escape = false
        for scalar in text.unicodeScalars {
            if escape {
                if scalar == "m" { escape = false }
            } else if scalar == "\u{1B}" {
                escape = true
            } else {
                count += 1
            }
        }
        return count
    }

    /// Where a panel's legend goes and the canvas it is drawn on, decided once before the
    /// chart's lines are written.
    struct Plan {
        /// What is drawn.
        let figure: Figure
        /// Where everything goes.
        let layout: Layout
        /// The legend's entries.
        let legend: [LegendEntry]
        /// The corner of the canvas that holds the legend; nil under the chart, or no legend.
        let corner: (column: Int, row: Int)?
        /// The canvas, when it was drawn to find the corner and is kept.
        let canvas: Canvas?
        /// Under the chart, the lines kept for the legend (panels side by side agree on them).
        let legendLines: Int?

        /// Whether the legend goes under the chart.
        var legendBelow: Bool { layout.legendBelow }
    }

    /// A panel's plan: where its legend goes, and the canvas that leaves.
    ///
    /// The canvas at full height is kept when one of its corners is free for the legend (the
    /// usual case); else the legend goes under a shorter canvas, drawn later. A figure that asks
    /// for its legend below gets it there, and `none` gets none.
    func plan(for figure: Figure) -> Plan {
        let legend = figure.legend == .none ? [] : legendEntries(figure)
        if [.below, .outside].contains(figure.legend) && !legend.isEmpty {
            return planBelow(figure, legend: legend, lines: nil)
        }
        let layout = Layout(chart: self, figure: figure, legendBelow: false)
        let canvas = layout.drawCanvas(figure)
        let corner = canvas.findCorner(
            width: legend.map(\.width).max() ?? 0, height: legend.count, only: figure.legend.corner)
        guard corner != nil || legend.isEmpty else { return planBelow(figure, legend: legend, lines: nil) }
        return Plan(
            figure: figure, layout: layout, legend: legend, corner: corner, canvas: canvas, legendLines: nil)
    }

    /// A plan with the legend under the chart, in `lines` lines when panels must agree.
    func planBelow(_ figure: Figure, legend: [LegendEntry], lines: Int?) -> Plan {
        Plan(
            figure: figure,
            layout: Layout(chart: self, figure: figure, legendBelow: true, legendLines: lines),
            legend: legend, corner: nil, canvas: nil, legendLines: lines)
    }

    /// The chart's lines, without line ends: the title, the framed canvas with the legend in its
    /// corner or under it, and the footer.
    func lines(for plan: Plan) -> [String] {
        let layout = plan.layout
        let canvas = plan.canvas ?? layout.drawCanvas(plan.figure)
        var lines: [String] = []
        if !plan.figure.title.isEmpty { lines.append(centred(plan.figure.title, width: width)) }
        lines += layout.frame(canvas: canvas, legend: plan.legend, legendAt: plan.corner)
        if layout.legendBelow {
            lines += legendRows(plan.legend).map { row in
                row.map { sample($0) + " " + $0.text }.joined(separator: "   ")
            }
            if let legendLines = plan.legendLines, lines.count < layout.framedLines + legendLines {
                lines += Array(repeating: "", count: layout.framedLines + legendLines - lines.count)
            }
        }
        return lines + footer(plan.figure)
    }

    /// The lines under the chart: each marked point's values, then the figure's notes, wrapped
    /// at spaces to the width.
    func footer(_ figure: Figure) -> [String] {
        var lines: [String] = []
        for mark in figure.marks {
            let marker = paint(ascii ? "O" : "\u{25CF}", code: code(owner: mark.function))
            lines.append(String((marker + " " + plain(mark.label)).prefix(width + 12)))
        }
        let functions = Set(figure.series.filter { !$0.role.isDifference }.map(\.function)).count
        var notes = figure.notes
        if functions > Self.glyphs.count {
            notes.append(
                Figure.Note(
                    "functions \(Self.glyphs.count + 1) to \(functions) repeat the glyphs and colours of 1 "
                        + "to \(functions - Self.glyphs.count); an image (-o plot.png) tells them apart"))
        }
        for note in notes {
            let marker = paint(ascii ? "!" : "\u{203A}", code: note.function.map { code(owner: $0) })
            for (k, line) in TextWrap.lines(plain(note.text), width: width - 2).enumerated() {
                lines.append((k == 0 ? marker : " ") + " " + line)
            }
        }
        return lines
    }

    /// The text as the chart can show it: in ASCII mode primes become quotes, other
    /// non-ASCII characters `?`.
    func plain(_ text: String) -> String {
        guard ascii else { return text }
        let quoted = text.replacingOccurrences(of: "″", with: "''").replacingOccurrences(of: "′", with: "'")
            .replacingOccurrences(of: "…", with: "...").replacingOccurrences(of: "−", with: "-")
            .replacingOccurrences(of: "∞", with: "inf").replacingOccurrences(of: "≤", with: "<=")
            .replacingOccurrences(of: "≥", with: ">=")
        return String(quoted.unicodeScalars.map { $0.isASCII ? Character($0) : "?" })
    }

    func paint(_ text: String, code: String?) -> String {
        guard color, let code else { return text }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    func centred(_ text: String, width: Int) -> String {
        let clipped = text.count > width ? String(text.prefix(width)) : text
        return String(repeating: " ", count: Swift.max(0, (width - clipped.count) / 2)) + clipped
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
