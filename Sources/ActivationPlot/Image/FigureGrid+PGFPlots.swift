import ActivationCore

/// pgfplots: a `tikzpicture` whose `axis` (or `groupplot` of panels) plots actplot's own
/// coordinates with `\addplot table`, for a paper set in LaTeX
/// (``FigureGrid/pgfplots(width:height:scale:standalone:comment:to:)``).
public struct PGFPlotsEncoder: ImageEncoder {
    /// Whether to write a whole document (pdfLaTeX compiles it to a page the figure's size)
    /// rather than a picture to `\input`.
    public var standalone: Bool

    /// The encoder.
    /// - Parameter standalone: Write a compilable document.
    public init(standalone: Bool = false) {
        self.standalone = standalone
    }

    /// Writes the grid's LaTeX.
    public func encode(_ grid: FigureGrid, width: Int, height: Int, scale: Double, comment: String)
        -> EncodedImage
    {
        var text = ""
        grid.pgfplots(
            width: width, height: height, scale: scale, standalone: standalone, comment: comment, to: &text)
        return EncodedImage(bytes: Array(text.utf8))
    }
}

extension FigureGrid {
    /// Writes the panels as a pgfplots picture.
    ///
    /// One `axis` per panel (a `groupplot` when there are several), sized as the image would be
    /// (a pixel is 0.75 pt). Each curve is an `\addplot table` of the figure's exact coordinates,
    /// cut at the y range's edges, with `nan` rows where it breaks (`unbounded coords=jump`);
    /// the palette is `\definecolor`ed; the legend, labels, limits and log axes are the
    /// figure's. A symlog axis is written in its positions with its ticks labelled by value.
    /// - Parameters:
    ///   - width: Width of the whole figure in pixels at scale 1.
    ///   - height: Height in pixels at scale 1.
    ///   - scale: Multiplies every length.
    ///   - standalone: Write a whole document.
    ///   - comment: What made it (the command line), written as a comment.
    ///   - out: Where the LaTeX goes.
    public func pgfplots(
        width: Int, height: Int, scale: Double = 1, standalone: Bool = false, comment: String = "",
        to out: inout some TextOutputStream
    ) {
        let multi = panels.count > 1
        if !comment.isEmpty { out.write("% " + comment.split(separator: "\n").joined(separator: " ") + "\n") }
        if standalone {
            out.write("\\documentclass{article}\n\\usepackage{pgfplots}\n\\pgfplotsset{compat=1.18}\n")
            if multi { out.write("\\usepgfplotslibrary{groupplots}\n") }
            out.write("\\pagestyle{empty}\n\\newsavebox\\actplotfigure\n\\begin{document}\n")
            out.write("\\begin{lrbox}{\\actplotfigure}\n")
        } else {
            out.write("% Needs \\usepackage{pgfplots} and \\pgfplotsset{compat=1.18}")
            out.write(multi ? ", and \\usepgfplotslibrary{groupplots}.\n" : ".\n")
        }
        for (k, color) in (PlotLayout.palette + PlotLayout.differencePalette).enumerated() {
            out.write(
                "\\definecolor{actplot\(Self.letter(k))}{HTML}{\(RGB(color).hex.dropFirst().uppercased())}\n")
        }
        out.write("\\begin{tikzpicture}\n")
        let (columns, rows) = shape(width: Double(width), readable: Self.readablePanelWidth)
        let points = 0.75 * scale
        let (panelWidth, panelHeight) = (Double(width / columns) * points, Double(height / rows) * points)
        let legendsBelow = panels.contains {
            $0.legend == .below || $0.legend == .auto || $0.legend == .outside
        }
        if multi {
            out.write(
                "\\begin{groupplot}[group style={group size=\(columns) by \(rows), horizontal sep=1.8cm, "
                    + "vertical sep=\(legendsBelow ? "4.2cm" : "2cm")}]\n")
        }
        for panel in panels {
            PGFPlotsPanel(figure: panel, width: panelWidth, height: panelHeight, scale: scale, multi: multi)
                .write(to: &out)
        }
        if multi {
            out.write("\\end{groupplot}\n")
            if !title.isEmpty {
                out.write(
                    "\\node[anchor=south, font=\\large] at (current bounding box.north) {\(Self.latex(title))};\n"
                )
            }
        }
        out.write("\\end{tikzpicture}\n")
        if standalone {
            out.write(
                """
                \\end{lrbox}
                % One page the figure's size, the figure at its top left (pdfLaTeX, LuaLaTeX).
                \\pdfpagewidth=\\wd\\actplotfigure
                \\pdfpageheight=\\dimexpr\\ht\\actplotfigure+\\dp\\actplotfigure\\relax
                \\hoffset=-1in \\voffset=-1in
                \\shipout\\hbox{\\usebox{\\actplotfigure}}
                \\end{document}

                """)
        }
    }

    /// A colour's name: `actplotA` for the palette's first.
    static func letter(_ k: Int) -> String { String(UnicodeScalar(UInt8(65 + k))) }

    /// Text for LaTeX: its special characters escaped, the primes, minus signs and Greek
    /// letters actplot writes set in math, and any other character outside ASCII a `?`.
    static func latex(_ text: String) -> String {
        let special: [Character: String] = [
            "\\": "\\textbackslash{}", "{": "\\{", "}": "\\}", "#": "\\#", "$": "\\$", "%": "\\%", "&": "\\&",
            "_": "\\_", "^": "\\textasciicircum{}", "~": "\\textasciitilde{}", "<": "\\textless{}",
            ">": "\\textgreater{}", "′": "$'$", "″": "$''$", "−": "$-$", "×": "$\\times$", "·": "$\\cdot$",
            "≤": "$\\leq$", "≥": "$\\geq$", "±": "$\\pm$", "∞": "$\\infty$", "…": "\\ldots{}",
            "σ": "$\\sigma$",
            "α": "$\\alpha$", "β": "$\\beta$", "λ": "$\\lambda$", "|": "$|$", "→": "$\\to$",
            "≈": "$\\approx$",
            "₁": "$_1$", "₀": "$_0$", "ᵏ": "$^k$", "²": "$^2$", "³": "$^3$", "ε": "$\\varepsilon$",
        ]
        var out = ""
        for c in text {
            if let replacement = special[c] {
                out += replacement
            } else if c.isASCII {
                out.append(c)
            } else {
                out += "?"
            }
        }
        return out
    }
}

/// One panel as a pgfplots axis.
struct PGFPlotsPanel {
    let figure: Figure
    /// The axis's size in points.
    let width, height: Double
    let scale: Double
    /// Whether it is one of a `groupplot`'s panels.
    let multi: Bool

    /// A number as pgfplots reads it: the shortest decimal, `nan` for a gap.
    static func number(_ v: Double) -> String {
        v.isFinite ? DecimalText.shortest(v) : "nan"
    }

    /// The value written for a position on an axis: the value itself on a log axis (pgfplots
    /// places it), else the position (a symlog axis labels its ticks by value).
    static func coordinate(_ p: Double, on scale: AxisScale) -> Double {
        scale == .log ? scale.value(at: p) : p
    }

    /// Writes the axis, its curves, fills, marks and legend.
    func write(to out: inout some TextOutputStream) {
        let drawn = covered()
        out.write(multi ? "\\nextgroupplot[\n" : "\\begin{axis}[\n")
        for option in options(drawn) { out.write("  \(option),\n") }
        out.write("]\n")
        writeShades(to: &out)
        writeBands(to: &out)
        for series in drawn.series { writeCurve(series, to: &out) }
        writeExits(to: &out)
        writeMarks(to: &out)
        writeLegend(drawn, to: &out)
        if !multi { out.write("\\end{axis}\n") }
    }

    /// The figure with the curves hidden under others found (``PlotLayout/markingCovered(_:geometry:)``)
    /// at the size it is drawn.
    func covered() -> Figure {
        let pixels = 1 / (0.75 * scale)
        let geometry = PlotGeometry(
            figure: figure, width: Int(width * pixels), height: Int(height * pixels), scale: scale)
        return PlotLayout.markingCovered(figure, geometry: geometry)
    }

    /// The axis's options: size, labels, limits, scales, ticks, grid and legend place.
    func options(_ drawn: Figure) -> [String] {
        let (x, y) = (figure.xRange, figure.yRange)
        var options = [
            "width=\(Self.number(width.rounded()))pt", "height=\(Self.number(height.rounded()))pt",
            "xlabel={\(FigureGrid.latex(figure.xLabel))}", "ylabel={\(FigureGrid.latex(figure.yLabel))}",
            "xmin=\(Self.number(Self.coordinate(x.lowerBound, on: figure.xScale)))",
            "xmax=\(Self.number(Self.coordinate(x.upperBound, on: figure.xScale)))",
            "ymin=\(Self.number(Self.coordinate(y.lowerBound, on: figure.yScale)))",
            "ymax=\(Self.number(Self.coordinate(y.upperBound, on: figure.yScale)))",
            "unbounded coords=jump", "grid=major", "major grid style={color=black!13}",
            "axis line style={black!65}",
            "tick style={black!65}", "legend cell align=left", "legend style={font=\\small, draw=black!20}",
            "scaled ticks=false", "tick label style={/pgf/number format/fixed}",
        ]
        if !figure.title.isEmpty { options.insert("title={\(FigureGrid.latex(figure.title))}", at: 0) }
        for (axis, scale, range) in [("x", figure.xScale, x), ("y", figure.yScale, y)] {
            switch scale {
            case .log: options.append("\(axis)mode=log")
            case .symlog:
                let ticks = scale.ticks(from: range.lowerBound, to: range.upperBound, target: 7) { _ in true }
                options.append("\(axis)tick={\(ticks.map { Self.number($0.value) }.joined(separator: ","))}")
                options.append(
                    "\(axis)ticklabels={\(ticks.map { "{" + FigureGrid.latex($0.label) + "}" }.joined(separator: ","))}"
                )
            case .linear: break
            }
        }
        if let place = legendPlace(drawn) { options.append(place) }
        return options
    }

    /// Where pgfplots puts the legend: the corner asked for, else the first corner whose box
    /// (estimated from its text) covers no curve point, else outside on the right.
    func legendPlace(_ drawn: Figure) -> String? {
        switch figure.legend {
        case .none: return nil
        case .below: return "legend style={at={(0.5,-0.2)}, anchor=north}"
        case .outside:
            return multi ? "legend style={at={(0.5,-0.3)}, anchor=north}" : "legend pos=outer north east"
        case .upperLeft: return "legend pos=north west"
        case .upperRight: return "legend pos=north east"
        case .lowerLeft: return "legend pos=south west"
        case .lowerRight: return "legend pos=south east"
        case .auto, .inside: break
        }
        let entries = legendEntries(drawn)
        let longest = Double(entries.map { $0.text.count }.max() ?? 0)
        // About 5 pt a character of \small text, 30 pt of swatch and padding, 12 pt a line.
        let (w, h) = ((longest * 5 + 36) / width, (Double(entries.count) * 12 + 8) / height)
        let (x, y) = (figure.xRange, figure.yRange)
        let fractions = figure.series.flatMap { s in
            zip(s.x, s.y).compactMap { px, py -> (Double, Double)? in
                py.isFinite && y.contains(py) ? (fraction(px, in: x), fraction(py, in: y)) : nil
            }
        }
        let corners = [
            ("north east", 1 - w, 1 - h), ("north west", 0, 1 - h), ("south west", 0, 0),
            ("south east", 1 - w, 0),
        ]
        for (name, u, v) in corners
        where !fractions.contains(where: {
            $0.0 >= u - 0.02 && $0.0 <= u + w + 0.02 && $0.1 >= v - 0.02 && $0.1 <= v + h + 0.02
        }) {
            return "legend pos=\(name)"
        }
        if figure.legend == .inside { return "legend pos=north east" }
        // Beside the axis it would run into the next panel of a grid: under it there.
        return multi ? "legend style={at={(0.5,-0.3)}, anchor=north}" : "legend pos=outer north east"
    }

    /// The colour and line style of a curve.
    func style(_ series: Figure.Series) -> String {
        let stroke = PlotLayout.stroke(series, scale: 1, lineWidth: figure.lineWidth)
        let family = series.role.isDifference ? PlotLayout.differencePalette : PlotLayout.palette
        let offset = series.role.isDifference ? PlotLayout.palette.count : 0
        // A family's ramp colour is written out; every other is the palette's name.
        let color =
            series.ramp == nil
            ? "actplot" + FigureGrid.letter(offset + series.identity % family.count)
            : "{rgb,255:red,\(stroke.color.red);green,\(stroke.color.green);blue,\(stroke.color.blue)}"
        let points = 0.75 * scale
        var style =
            "color=\(color), line width=\(Self.number((stroke.width * points * 100).rounded() / 100))pt"
        if !stroke.dash.isEmpty {
            let pattern = stride(from: 0, to: stroke.dash.count - 1, by: 2).map { k in
                "on \(Self.number((stroke.dash[k] * points * 100).rounded() / 100))pt "
                    + "off \(Self.number((stroke.dash[k + 1] * points * 100).rounded() / 100))pt"
            }
            style += ", dash pattern=\(pattern.joined(separator: " "))"
        }
        return style
    }

    /// A curve cut at the y range's edges, as a table.
    func writeCurve(_ series: Figure.Series, to out: inout some TextOutputStream) {
        let points = clipped(series.x, series.y)
        guard points.contains(where: { $0.y.isFinite }) else { return }
        out.write("\\addplot[forget plot, \(style(series))] table[row sep=\\\\] {\nx y\\\\\n")
        for p in points {
            let x = Self.coordinate(p.x, on: figure.xScale)
            let y = p.y.isFinite ? Self.coordinate(p.y, on: figure.yScale) : .nan
            out.write("\(Self.number(x)) \(Self.number(y))\\\\\n")
        }
        out.write("};\n")
    }

    /// The points of a curve inside the y range: a segment between a point inside and a finite
    /// point outside ends where it crosses the edge; outside points are gaps (NaN).
    func clipped(_ xs: [Double], _ ys: [Double]) -> [(x: Double, y: Double)] {
        let range = figure.yRange
        let inside = { (y: Double) in y.isFinite && range.contains(y) }
        func edge(_ x: Double, _ y: Double, _ u: Double, _ v: Double) -> (x: Double, y: Double)? {
            guard v.isFinite else { return nil }
            let bound = v > range.upperBound ? range.upperBound : range.lowerBound
            return (x + (bound - y) / (v - y) * (u - x), bound)
        }
        var points: [(x: Double, y: Double)] = []
        for i in xs.indices {
            let previous = i > 0 ? (x: xs[i - 1], y: ys[i - 1]) : nil
            if inside(ys[i]) {
                if let p = previous, !inside(p.y), let e = edge(xs[i], ys[i], p.x, p.y) { points.append(e) }
                points.append((xs[i], ys[i]))
            } else {
                if let p = previous, inside(p.y), let e = edge(p.x, p.y, xs[i], ys[i]) { points.append(e) }
                if points.last.map({ $0.y.isFinite }) ?? false { points.append((xs[i], .nan)) }
            }
        }
        return points
    }

    /// A closed filled outline, in the figure's positions, drawn without an edge.
    func writeFill(
        _ outline: [(x: Double, y: Double)], color: String, opacity: Double,
        to out: inout some TextOutputStream
    ) {
        out.write(
            "\\addplot[forget plot, draw=none, fill=\(color), fill opacity=\(Self.number(opacity))] coordinates {"
        )
        for p in outline {
            let (x, y) = (Self.coordinate(p.x, on: figure.xScale), Self.coordinate(p.y, on: figure.yScale))
            out.write("(\(Self.number(x)),\(Self.number(y))) ")
        }
        out.write("} -- cycle;\n")
    }

    /// The flat zones, full height.
    func writeShades(to out: inout some TextOutputStream) {
        let y = figure.yRange
        for shade in figure.shades {
            let (a, b) = (shade.range.lowerBound, shade.range.upperBound)
            writeFill(
                [(a, y.lowerBound), (b, y.lowerBound), (b, y.upperBound), (a, y.upperBound)],
                color: color(function: shade.function), opacity: 0.13, to: &out)
        }
    }

    /// The bands between two curves, clamped to the y range.
    func writeBands(to out: inout some TextOutputStream) {
        let y = figure.yRange
        let clamp = { (v: Double) in Swift.min(y.upperBound, Swift.max(y.lowerBound, v)) }
        for band in figure.bands {
            let upper = zip(band.x, band.high).map { (x: $0, y: clamp($1)) }
            let lower = zip(band.x, band.low).reversed().map { (x: $0, y: clamp($1)) }
            writeFill(upper + lower, color: color(function: band.function), opacity: 0.2, to: &out)
        }
    }

    /// A function's colour name.
    func color(function: Int) -> String {
        "actplot" + FigureGrid.letter(function % PlotLayout.palette.count)
    }

    /// An arrowhead inside the frame's edge wherever a curve leaves the y range.
    func writeExits(to out: inout some TextOutputStream) {
        let y = figure.yRange
        for exit in figure.exits {
            let offset = exit.isDifference ? PlotLayout.palette.count : 0
            let family = exit.isDifference ? PlotLayout.differencePalette.count : PlotLayout.palette.count
            let color = "actplot" + FigureGrid.letter(offset + exit.identity % family)
            let x = Self.number(Self.coordinate(exit.x, on: figure.xScale))
            let edge = Self.number(
                Self.coordinate(exit.upward ? y.upperBound : y.lowerBound, on: figure.yScale))
            let (tip, base) = exit.upward ? ("-1pt", "-6pt") : ("1pt", "6pt")
            // Every offset with its unit: a bare number is an axis coordinate.
            out.write(
                "\\fill[\(color)] (axis cs:\(x),\(edge)) ++(0pt,\(tip)) -- ++(-3pt,\(base)) -- ++(6pt,0pt) -- cycle;\n"
            )
        }
    }

    /// Marked points with their values.
    func writeMarks(to out: inout some TextOutputStream) {
        for mark in figure.marks where mark.y.isFinite && figure.yRange.contains(mark.y) {
            let (x, y) = (
                Self.number(Self.coordinate(mark.x, on: figure.xScale)),
                Self.number(Self.coordinate(mark.y, on: figure.yScale))
            )
            out.write(
                "\\addplot[forget plot, only marks, mark=*, mark size=2.5pt, mark options={fill=\(color(function: mark.function)), "
                    + "draw=white}] coordinates {(\(x),\(y))} node[anchor=south west, font=\\scriptsize, "
                    + "fill=white, fill opacity=0.85, text opacity=1] {\(FigureGrid.latex(mark.label))};\n")
        }
    }

    /// The legend's lines: a swatch's style (nil for a note) and the text.
    func legendEntries(_ drawn: Figure) -> [(image: String?, text: String)] {
        var entries: [(image: String?, text: String)] = drawn.legendItems.map { item in
            guard var plain = item.series else { return (nil, item.note ?? "") }
            plain.coverDepth = 0
            return (style(plain), plain.legendName)
        }
        entries += figure.bands.map {
            ("area legend, draw=none, fill=\(color(function: $0.function)), fill opacity=0.2", $0.name)
        }
        entries += figure.flatZoneLabels.map {
            ("area legend, draw=none, fill=\(color(function: $0.function)), fill opacity=0.13", $0.text)
        }
        entries += figure.notes.map { (nil, $0.text) }
        return entries
    }

    /// The legend, entry by entry, in actplot's order.
    func writeLegend(_ drawn: Figure, to out: inout some TextOutputStream) {
        guard figure.legend != .none else { return }
        for entry in legendEntries(drawn) {
            out.write("\\addlegendimage{\(entry.image ?? "empty legend")}\n")
            out.write("\\addlegendentry{\(FigureGrid.latex(entry.text))}\n")
        }
    }
}
