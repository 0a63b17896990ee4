import ActivationCore

/// The legend of a static plot: one entry per series (in legend order), band and flat-zone
/// shading, in the candidate place that covers the fewest occupied points.
extension PlotLayout {
    /// What an entry shows beside its text.
    enum Swatch {
        /// A stretch of the curve's line.
        case line(width: Double, dash: [Double])
        /// A patch of fill.
        case fill(Float)
        /// Nothing: a note, in the text colour.
        case none

        var isNone: Bool {
            if case .none = self { return true }
            return false
        }
    }

    /// One line of the legend.
    struct LegendEntry {
        let name: String
        let color: RGB
        let swatch: Swatch
        /// Lines drawn over the swatch, as the curves that coincide with it are drawn over it:
        /// their colours and dash patterns.
        var over: [(color: RGB, dash: [Double])] = []
    }

    /// The entries: series in legend order (each function with its derivatives, then the
    /// differences; of a family of more than four, the first and last members with a line
    /// between), bands, one entry per function for its shaded flat zones, then the notes.
    static func legendEntries(_ figure: Figure, scale: Double) -> [LegendEntry] {
        var entries: [LegendEntry] = figure.legendItems.map { item in
            guard let series = item.series else {
                return LegendEntry(name: item.note ?? "", color: ink, swatch: .none)
            }
            let stroke = stroke(series, scale: scale, lineWidth: figure.lineWidth)
            let width = figure.lineWidth * scale
            // The curves on top of a coinciding one are drawn over its (wider) swatch.
            let over = figure.series.filter { $0.role == series.role && series.coveredBy.contains($0.name) }
                .map {
                    let top = self.stroke($0, scale: scale, lineWidth: figure.lineWidth)
                    return (color: top.color, dash: top.dash)
                }
            return LegendEntry(
                name: series.legendName, color: stroke.color,
                swatch: .line(
                    width: over.isEmpty ? width : stroke.width,
                    dash: over.isEmpty ? stroke.dash.map { $0 * width / stroke.width } : stroke.dash),
                over: over)
        }
        entries += figure.bands.map {
            LegendEntry(name: $0.name, color: color(function: $0.function), swatch: .fill(0.2))
        }
        entries += figure.flatZoneLabels.map {
            LegendEntry(name: $0.text, color: color(function: $0.function), swatch: .fill(0.13))
        }
        entries += figure.notes.map { LegendEntry(name: $0.text, color: ink, swatch: .none) }
        return entries
    }

    /// The legend box's size for `entries` with text of `size` pixels.
    func legendSize(_ entries: [LegendEntry], size: Double) -> (width: Double, height: Double) {
        let s = geometry.scale
        let lineHeight = 1.45 * size
        let textWidth = entries.map { geometry.font.width(of: $0.name, size: size) }.max() ?? 0
        return (
            9 * s + 34 * s + 8 * s + textWidth + 9 * s,
            2 * (9 * s) + Double(entries.count) * lineHeight - (lineHeight - size)
        )
    }

    /// The room a legend under the plot takes, gap included, with its text as large as fits
    /// across the panel (never below 9 pixels at scale 1); nil when it does not fit, or would
    /// leave the plot area less than `least` of the image's height.
    func legendRoomBelow(_ figure: Figure, least: Double) -> Room? {
        let (g, s) = (geometry, geometry.scale)
        // It may reach left under the tick labels: the panel's width, less a margin each side.
        guard let (size, text) = outsideLegend(figure, fitting: Double(g.width) - 16 * s) else { return nil }
        let room = size.height + 12 * s
        guard g.bottom - g.top - room >= least * Double(g.height) else { return nil }
        return .below(room, text: text)
    }

    /// The room a legend beside the plot takes, gap included, with its text as large as fits in
    /// `most` of the image's width (never below 9 pixels at scale 1); nil when it does not fit,
    /// or is taller than the plot area.
    func legendRoomBeside(_ figure: Figure, most: Double) -> Room? {
        let (g, s) = (geometry, geometry.scale)
        guard let (size, text) = outsideLegend(figure, fitting: most * Double(g.width) - 12 * s),
            size.height <= g.bottom - g.top
        else { return nil }
        return .beside(size.width + 12 * s, text: text)
    }

    /// The size of the legend outside the axes (notes a line per clause) and its text size: the
    /// largest, from the figure's own down to 9 pixels at scale 1, at which it is at most `width`
    /// wide; nil when none is.
    private func outsideLegend(_ figure: Figure, fitting width: Double)
        -> (size: (width: Double, height: Double), text: Double)?
    {
        let g = geometry
        let entries = Self.legendEntries(figure, scale: g.scale).flatMap(Self.clauses)
        guard !entries.isEmpty else { return nil }
        var text = g.legendSize
        while text >= Self.smallestText * g.scale {
            let size = legendSize(entries, size: text)
            if size.width <= width { return (size, text) }
            text = Swift.max(
                text * 0.92, text > Self.smallestText * g.scale ? Self.smallestText * g.scale : 0)
        }
        return nil
    }

    /// Where the box covers the fewest occupied points, and how many: under the x axis's name
    /// when the layout keeps room there, else trying matplotlib's places in its order (upper
    /// right, upper left, lower left, lower right, right, centre left, centre right, lower
    /// centre, upper centre, centre) and taking the first that covers none.
    private func legendPlace(width: Double, height: Double, corner: (right: Bool, lower: Bool)?)
        -> (x: Double, y: Double, covers: Int)
    {
        if legendBelow {
            let g = geometry
            // At the top of the room kept for it, so that the legends of a row line up.
            let x = Swift.max(8 * g.scale, Swift.min(g.left, Double(g.width) - 8 * g.scale - width))
            return (x, Double(g.height) - g.below + 2 * g.scale, 0)
        }
        if legendBeside {
            let g = geometry
            return (g.right + 12 * g.scale, g.top, 0)
        }
        let (g, s) = (geometry, geometry.scale)
        let margin = 12 * s
        let (x0, x1) = (g.left + margin, g.right - margin - width)
        let (y0, y1) = (g.top + margin, g.bottom - margin - height)
        let (xm, ym) = ((g.left + g.right - width) / 2, (g.top + g.bottom - height) / 2)
        let candidates = [
            (x1, y0), (x0, y0), (x0, y1), (x1, y1), (x1, ym), (x0, ym), (x1, ym), (xm, y1), (xm, y0),
            (xm, ym),
        ]
        if let corner {
            let place = (corner.right ? x1 : x0, corner.lower ? y1 : y0)
            return (place.0, place.1, covering(x: place.0, y: place.1, width: width, height: height))
        }
        var best = candidates[0]
        var bestCount = Int.max
        for (cx, cy) in candidates {
            let count = covering(x: cx, y: cy, width: width, height: height)
            if count < bestCount {
                (best, bestCount) = ((cx, cy), count)
                if count == 0 { break }
            }
        }
        return (best.0, best.1, bestCount)
    }

    /// How many occupied points a box at (x, y) covers, with a margin of 4 pixels at scale 1; a
    /// box that does not fit in the plot area counts as covering everything, so that `auto`
    /// takes it outside.
    private func covering(x: Double, y: Double, width: Double, height: Double) -> Int {
        let (g, s) = (geometry, geometry.scale)
        guard x >= g.left, x + width <= g.right, y >= g.top, y + height <= g.bottom else {
            return Swift.max(1, occupied.count)
        }
        return occupied.reduce(0) { n, p in
            n
                + (p.0 >= x - 4 * s && p.0 <= x + width + 4 * s && p.1 >= y - 4 * s
                    && p.1 <= y + height + 4 * s ? 1 : 0)
        }
    }

    /// How the line under a curve's entry that says what it lies under begins.
    static let underPrefix = "    under "

    /// A note as a line per clause (`f = torch.Hardsigmoid,` / `g = dl4j.HardSigmoid`), a list of
    /// numbers kept on its clause's line; a curve's "(under …)" on a line under it; any other
    /// entry as it is.
    static func clauses(_ entry: LegendEntry) -> [LegendEntry] {
        if !entry.swatch.isNone, let under = entry.name.firstRange(of: " (under "), entry.name.hasSuffix(")")
        {
            // A curve's "(under …)" goes on a line of its own.
            let rest = entry.name[under.upperBound..<entry.name.index(before: entry.name.endIndex)]
            return [
                LegendEntry(
                    name: String(entry.name[..<under.lowerBound]), color: entry.color, swatch: entry.swatch,
                    over: entry.over),
                LegendEntry(name: Self.underPrefix + rest, color: entry.color, swatch: .none),
            ]
        }
        guard entry.swatch.isNone, !entry.name.hasPrefix(Self.underPrefix) else { return [entry] }
        let clauses = entry.name.split(separator: ", ").reduce(into: [String]()) { joined, piece in
            let numeric = piece.first.map { $0.isNumber || $0 == "-" || $0 == "−" } ?? false
            if numeric, let last = joined.popLast() {
                joined.append(last + ", " + piece)
            } else {
                joined.append(String(piece))
            }
        }
        return clauses.enumerated().map { k, clause in
            LegendEntry(
                name: String(clause) + (k < clauses.count - 1 ? "," : ""), color: entry.color, swatch: .none)
        }
    }

    /// The legend's entries and text size as drawn in the plot area (shrunk to fit it) or
    /// outside (at the size its room was measured for); nil when there is no legend.
    private func fittedLegend(_ figure: Figure) -> (entries: [LegendEntry], textSize: Double)? {
        let (g, s) = (geometry, geometry.scale)
        var entries = Self.legendEntries(figure, scale: s)
        guard !entries.isEmpty, figure.legend != .none else { return nil }
        var textSize = g.legendSize
        var size = legendSize(entries, size: textSize)
        if size.width > g.right - g.left - 8 * s {
            // Notes too wide for the area go on a line per clause before any text shrinks.
            entries = entries.flatMap(Self.clauses)
            size = legendSize(entries, size: textSize)
        }
        let smallest = Swift.max(0.6 * g.legendSize, Self.smallestText * s)
        while (size.width > g.right - g.left - 8 * s || size.height > g.bottom - g.top - 8 * s)
            && textSize > smallest
        {
            textSize = Swift.max(textSize * 0.92, smallest)
            size = legendSize(entries, size: textSize)
        }
        if let outside = outsideTextSize {
            // Outside the axes, at the size its room was measured for.
            return (entries.flatMap(Self.clauses), outside)
        }
        return (entries, textSize)
    }

    /// The legend, on top of everything: in the plot area, its text shrunk (down to 60 %, and
    /// never below 9 pixels at scale 1) until it fits across and down the area, or outside the
    /// axes at the size its room was measured for; never left out, since a panel without its
    /// legend cannot be read.
    mutating func drawLegend(_ figure: Figure) {
        let (g, s) = (geometry, geometry.scale)
        guard let (entries, textSize) = fittedLegend(figure) else { return }
        let size = legendSize(entries, size: textSize)
        let place = legendPlace(width: size.width, height: size.height, corner: figure.legend.corner)
        legendCovers = place.covers
        let (x0, y0) = (pixel(place.x), pixel(place.y))
        let (x1, y1) = (pixel(place.x + size.width), pixel(place.y + size.height))
        let rule = g.rule
        drawings.append(.rectangle(x0: x0, y0: y0, x1: x1, y1: y1, color: Self.white, alpha: 0.85))
        for (a, b) in [
            ((x0, y0), (x1, y0 + rule)), ((x0, y1 - rule), (x1, y1)), ((x0, y0), (x0 + rule, y1)),
            ((x1 - rule, y0), (x1, y1)),
        ] {
            drawings.append(.rectangle(x0: a.0, y0: a.1, x1: b.0, y1: b.1, color: RGB(0xCCCCCC), alpha: 1))
        }
        let (pad, sampleLength, lineHeight) = (9 * s, 34 * s, 1.45 * textSize)
        for (i, entry) in entries.enumerated() {
            let baseline = place.y + pad + textSize * 0.8 + Double(i) * lineHeight
            let mid = baseline - 0.33 * textSize
            let (left, right) = (place.x + pad, place.x + pad + sampleLength)
            switch entry.swatch {
            case .line(let width, let dash):
                drawings.append(
                    .polyline(
                        points: [(left, mid), (right, mid)], width: width, color: entry.color, dash: dash))
                for top in entry.over {
                    drawings.append(
                        .polyline(
                            points: [(left, mid), (right, mid)], width: figure.lineWidth * s,
                            color: top.color,
                            dash: top.dash))
                }
            case .fill(let alpha):
                let (top, bottom) = (mid - 0.4 * textSize, mid + 0.4 * textSize)
                drawings.append(
                    .polygon(
                        points: [(left, top), (right, top), (right, bottom), (left, bottom)],
                        color: entry.color,
                        alpha: alpha))
            case .none:
                break
            }
            drawings.append(
                .text(
                    entry.name, x: entry.swatch.isNone ? left : right + 8 * s, y: baseline, size: textSize,
                    color: Self.ink))
        }
    }
}
