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
    /// ANSI colours (16-colour SGR).
    public var color: Bool
    /// 7-bit ASCII instead of braille and box drawing.
    public var ascii: Bool

    /// The smallest chart that can show anything: 20×6 characters.
    public static let minimumSize = (width: 20, height: 6)

    /// The largest chart: 1000×500 characters (a terminal is rarely a fifth of that).
    public static let maximumSize = (width: 1000, height: 500)

    /// A chart of the given size.
    /// - Parameters:
    ///   - width: Characters per line, at least ``minimumSize``.
    ///   - height: Lines, at least ``minimumSize``.
    ///   - color: Whether to emit ANSI colour codes.
    ///   - ascii: Whether to use only 7-bit characters.
    public init(width: Int, height: Int, color: Bool, ascii: Bool) {
        precondition(width >= Self.minimumSize.width && height >= Self.minimumSize.height, "chart too small")
        precondition(width <= Self.maximumSize.width && height <= Self.maximumSize.height, "chart too large")
        self.width = width
        self.height = height
        self.color = color
        self.ascii = ascii
    }

    /// How many x samples fill the canvas: one per dot column (braille) or per cell (ASCII).
    public func samples(for figure: Figure) -> Int {
        let layout = Layout(chart: self, figure: figure, legendBelow: false)
        return layout.canvasColumns * (ascii ? 1 : 2)
    }

    /// SGR codes for series colours: blue, red, green, magenta, cyan, yellow.
    static let palette = ["34", "31", "32", "35", "36", "33"]
    static let dim = "90"

    /// The palette slot of a function's part of the given derivative order (bands, shades and
    /// marks are order 0): f, f′ and f″ of one function take three consecutive colours.
    static func slot(function: Int, order: Int = 0) -> Int { (3 * function + order) % palette.count }

    /// How a series of the given role is drawn: every dot for f, every other for f′, every
    /// third for f″; in ASCII `*`, `.` and `:`; the legend's two-cell sample likewise.
    static func pattern(_ role: Figure.Role) -> (every: Int, ascii: Character, sample: String) {
        switch role.order {
        case 0: (1, "*", "\u{2812}\u{2812}")
        case 1: (2, ".", "\u{2802}\u{2802}")
        default: (3, ":", "\u{2802}\u{2800}")
        }
    }

    /// Draws the figure.
    /// - Parameters:
    ///   - figure: What to draw; series y values outside the y range are clipped.
    ///   - out: Where the text goes.
    public func render(_ figure: Figure, to out: inout some TextOutputStream) {
        for line in lines(for: figure) {
            out.write(line)
            out.write("\n")
        }
    }

    /// The narrowest panel drawn beside another; narrower terminals stack the panels.
    public static let minimumPanelWidth = 36

    /// Draws the panels of a grid next to each other when each gets at least
    /// ``minimumPanelWidth`` columns, else one under the other (each at least 12 lines).
    /// - Parameters:
    ///   - grid: The panels and the title above them.
    ///   - out: Where the text goes.
    public func render(_ grid: FigureGrid, to out: inout some TextOutputStream) {
        var lines: [String] = []
        if !grid.title.isEmpty { lines.append(centred(grid.title, width: width)) }
        let n = grid.panels.count
        let gap = 2
        let panelWidth = (width - gap * (n - 1)) / n
        let available = height - lines.count
        if n == 1 || panelWidth >= Self.minimumPanelWidth {
            let w = n == 1 ? width : panelWidth
            let chart = TerminalChart(
                width: w, height: Swift.max(Self.minimumSize.height, available), color: color, ascii: ascii)
            // Frames line up only if every panel puts its legend in the same place (one panel
            // finds its own place: its canvas is drawn once).
            let below = n > 1 && grid.panels.contains { chart.legendCorner(for: $0) == nil }
            let legendLines =
                below ? grid.panels.map { Layout.legendLines(chart: chart, figure: $0) }.max() : nil
            let panels = grid.panels.map {
                chart.lines(for: $0, legendBelow: below, legendLines: legendLines)
            }
            let tallest = panels.map(\.count).max() ?? 0
            for row in 0..<tallest {
                var line = ""
                for (k, panel) in panels.enumerated() {
                    let text = row < panel.count ? panel[row] : ""
                    line += text
                    if k < n - 1 {
                        line += String(repeating: " ", count: Swift.max(0, w - Self.visibleWidth(text)) + gap)
                    }
                }
                lines.append(line.trimmingTrailingSpaces)
            }
        } else {
            let each = Swift.max(12, available / n)
            for panel in grid.panels {
                lines += TerminalChart(width: width, height: each, color: color, ascii: ascii).lines(
                    for: panel)
            }
        }
        for line in lines {
            out.write(line)
            out.write("\n")
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

    /// Where the legend fits inside the canvas, or nil when it must go below.
    func legendCorner(for figure: Figure) -> (column: Int, row: Int)? {
        let legend = legendEntries(figure)
        guard !legend.isEmpty else { return (0, 0) }
        let canvas = Layout(chart: self, figure: figure, legendBelow: false).drawCanvas(figure)
        return canvas.findCorner(width: legend.map { $0.text.count + 3 }.max() ?? 0, height: legend.count)
    }

    /// The chart's lines, without line ends.
    /// - Parameters:
    ///   - figure: What to draw.
    ///   - legendBelow: Put the legend under the chart even when a corner is free.
    ///   - legendLines: With `legendBelow`, the lines the legend takes (padded with blank ones).
    func lines(for figure: Figure, legendBelow: Bool = false, legendLines: Int? = nil) -> [String] {
        var layout = Layout(chart: self, figure: figure, legendBelow: false)
        var canvas = layout.drawCanvas(figure)
        let legend = legendEntries(figure)
        let placement =
            legendBelow
            ? nil
            : canvas.findCorner(width: legend.map { $0.text.count + 3 }.max() ?? 0, height: legend.count)
        if placement == nil && !legend.isEmpty {
            layout = Layout(chart: self, figure: figure, legendBelow: true, legendLines: legendLines)
            canvas = layout.drawCanvas(figure)
        }
        var lines: [String] = []
        if !figure.title.isEmpty { lines.append(centred(figure.title, width: width)) }
        lines += layout.frame(canvas: canvas, legend: legend, legendAt: placement)
        if layout.legendBelow {
            lines += legendRows(legend).map { row in
                row.map { sample($0) + " " + $0.text }.joined(separator: "   ")
            }
            if let legendLines, lines.count < layout.framedLines + legendLines {
                lines += Array(repeating: "", count: layout.framedLines + legendLines - lines.count)
            }
        }
        for mark in figure.marks {
            let marker = paint(
                ascii ? "o" : "\u{25CF}", code: Self.palette[Self.slot(function: mark.function)])
            lines.append(String((marker + " " + plain(mark.label)).prefix(width + 12)))
        }
        return lines
    }

    /// The text as the chart can show it: in ASCII mode primes become quotes, other
    /// non-ASCII characters `?`.
    func plain(_ text: String) -> String {
        guard ascii else { return text }
        let quoted = text.replacingOccurrences(of: "″", with: "''").replacingOccurrences(of: "′", with: "'")
            .replacingOccurrences(of: "…", with: "...").replacingOccurrences(of: "−", with: "-")
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
