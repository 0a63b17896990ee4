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

    /// Draws the figure.
    /// - Parameters:
    ///   - figure: What to draw; series y values outside the y range are clipped.
    ///   - out: Where the text goes.
    public func render(_ figure: Figure, to out: inout some TextOutputStream) {
        var layout = Layout(chart: self, figure: figure, legendBelow: false)
        var canvas = layout.drawCanvas(figure)
        let legend = legendEntries(figure)
        var placement = canvas.findCorner(
            width: legend.map { $0.text.count + 3 }.max() ?? 0, height: legend.count)
        if placement == nil && !legend.isEmpty {
            layout = Layout(chart: self, figure: figure, legendBelow: true)
            canvas = layout.drawCanvas(figure)
            placement = nil
        }
        var lines: [String] = []
        if !figure.title.isEmpty { lines.append(centred(figure.title, width: width)) }
        lines += layout.frame(canvas: canvas, legend: legend, legendAt: placement)
        if layout.legendBelow {
            let items = legend.map { sample($0.style, $0.colorIndex) + " " + $0.text }
            var line = ""
            var visible = 0
            for (item, entry) in zip(items, legend) {
                let length = 3 + entry.text.count
                if visible > 0 && visible + 3 + length > width {
                    lines.append(line)
                    line = ""
                    visible = 0
                }
                line += (visible > 0 ? "   " : "") + item
                visible += (visible > 0 ? 3 : 0) + length
            }
            if !line.isEmpty { lines.append(line) }
        }
        for line in lines {
            out.write(line)
            out.write("\n")
        }
    }

    struct LegendEntry {
        let text: String
        let style: Figure.Series.Style
        let colorIndex: Int
    }

    func legendEntries(_ figure: Figure) -> [LegendEntry] {
        figure.legendOrder.map { series in
            var text = series.name
            if ascii {
                text = text.replacingOccurrences(of: "″", with: "''").replacingOccurrences(of: "′", with: "'")
                text = String(text.unicodeScalars.map { $0.isASCII ? Character($0) : "?" })
            }
            return LegendEntry(text: text, style: series.style, colorIndex: series.colorIndex)
        }
    }

    /// Two cells showing a series' style, coloured like it.
    func sample(_ style: Figure.Series.Style, _ colorIndex: Int) -> String {
        let glyph: String
        if ascii {
            glyph = String(repeating: String(Canvas.asciiMark[style.rawValue]), count: 2)
        } else {
            glyph = ["\u{2812}\u{2812}", "\u{2802}\u{2802}", "\u{2802}\u{2800}"][style.rawValue]
        }
        return paint(glyph, code: Self.palette[colorIndex % Self.palette.count])
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
