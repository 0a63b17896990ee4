import ActivationCore

/// One thing to draw, in pixels (y down); PNG and SVG render the same list.
enum Drawing {
    /// A filled rectangle [x0, x1) × [y0, y1), whole pixels.
    case rectangle(x0: Int, y0: Int, x1: Int, y1: Int, color: RGB, alpha: Float)
    /// A stroked polyline; NaN points break it.
    case polyline(points: [(x: Double, y: Double)], width: Double, color: RGB, dash: [Double])
    /// Text with its baseline starting at (x, y).
    case text(String, x: Double, y: Double, size: Double, color: RGB)
    /// A filled polygon.
    case polygon(points: [(x: Double, y: Double)], color: RGB, alpha: Float)

    /// The same drawing moved by whole pixels.
    func translated(dx: Int, dy: Int) -> Drawing {
        let (x, y) = (Double(dx), Double(dy))
        switch self {
        case .rectangle(let x0, let y0, let x1, let y1, let color, let alpha):
            return .rectangle(x0: x0 + dx, y0: y0 + dy, x1: x1 + dx, y1: y1 + dy, color: color, alpha: alpha)
        case .polyline(let points, let width, let color, let dash):
            return .polyline(
                points: points.map { ($0.x + x, $0.y + y) }, width: width, color: color, dash: dash)
        case .text(let text, let tx, let ty, let size, let color):
            return .text(text, x: tx + x, y: ty + y, size: size, color: color)
        case .polygon(let points, let color, let alpha):
            return .polygon(points: points.map { ($0.x + x, $0.y + y) }, color: color, alpha: alpha)
        }
    }
}

extension FigureGrid {
    /// The drawings of every panel, side by side in one image, under the grid's title.
    func drawings(width: Int, height: Int, scale: Double) -> [Drawing] {
        if panels.count == 1 && title.isEmpty {
            return PlotLayout(figure: panels[0], width: width, height: height, scale: scale).drawings
        }
        let font = GlyphFont.dejaVuSans
        let titleSize = 21 * scale
        let band = title.isEmpty ? 0 : pixel(40 * scale)
        var d: [Drawing] = []
        if !title.isEmpty {
            let w = font.width(of: title, size: titleSize)
            d.append(
                .text(
                    title, x: (Double(width) - w) / 2, y: 28 * scale, size: titleSize, color: PlotLayout.ink))
        }
        let panelWidth = width / panels.count
        for (k, panel) in panels.enumerated() {
            let layout = PlotLayout(figure: panel, width: panelWidth, height: height - band, scale: scale)
            d += layout.drawings.map { $0.translated(dx: k * panelWidth, dy: band) }
        }
        return d
    }
}

/// The static-plot layout of a figure, shared by PNG and SVG.
///
/// Margins, nice ticks, a light grid, darker zero axes, the curves (f solid, f′ dashed, f″
/// dotted, one Okabe–Ito colour per function), a legend in the emptiest of matplotlib's ten
/// candidate places, a title and the axis names. Every length scales with `scale`.
struct PlotLayout {
    /// Okabe–Ito, without yellow (invisible on white).
    static let palette: [UInt32] = [0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x000000]
    static let ink = RGB(0x262626)
    static let frame = RGB(0x595959)
    static let grid = RGB(0xDEDEDE)
    static let zeroAxis = RGB(0x8C8C8C)

    let width: Int
    let height: Int
    let scale: Double
    let font = GlyphFont.dejaVuSans
    var drawings: [Drawing] = []
    /// The plot area in pixels (left, top, right, bottom) and the ranges it shows.
    private(set) var plotArea = (left: 0.0, top: 0.0, right: 0.0, bottom: 0.0)
    private(set) var ranges = (x: 0.0...1.0, y: 0.0...1.0)

    /// The pixel position of a data point.
    func position(x: Double, y: Double) -> (x: Double, y: Double) {
        let a = plotArea
        return (
            a.left + (x - ranges.x.lowerBound) / (ranges.x.upperBound - ranges.x.lowerBound)
                * (a.right - a.left),
            a.top + (ranges.y.upperBound - y) / (ranges.y.upperBound - ranges.y.lowerBound)
                * (a.bottom - a.top)
        )
    }

    init(figure: Figure, width: Int, height: Int, scale: Double) {
        self.width = width
        self.height = height
        self.scale = scale
        let s = scale
        let tickSize = 14 * s
        let labelSize = 16 * s
        let titleSize = 19 * s
        let legendSize = 14 * s
        let px = { (v: Double) -> Int in Swift.max(1, pixel(v * s)) }
        let top = (figure.title.isEmpty ? 24 * s : 64 * s)
        let bottom = Double(height) - (10 + 6 + 8) * s - tickSize - 8 * s - labelSize
        let yRange = figure.yRange
        let plotHeight = bottom - top
        let yTarget = Swift.max(3, Swift.min(9, Int(plotHeight / (3.2 * tickSize))))
        let yOf = { (v: Double) -> Double in
            top + (1 - fraction(v, in: yRange)) * plotHeight
        }
        let yTicks = TickEngine.ticks(from: yRange.lowerBound, to: yRange.upperBound, target: yTarget) {
            ticks in
            zip(ticks, ticks.dropFirst()).allSatisfy { yOf($0.value) - yOf($1.value) >= 1.6 * tickSize }
        }
        let yLabels = yTicks.map { Self.typographic($0.label) }
        let labelWidth = yLabels.map { font.width(of: $0, size: tickSize) }.max() ?? 0
        let left = (14 * s + labelWidth + 8 * s + 6 * s).rounded()
        let right = Double(width) - 28 * s
        let plotWidth = right - left
        let xRange = figure.xRange
        let xOf = { (v: Double) -> Double in
            left + fraction(v, in: xRange) * plotWidth
        }
        let xTarget = Swift.max(3, Swift.min(11, Int(plotWidth / (5 * tickSize))))
        let xTicks = TickEngine.ticks(from: xRange.lowerBound, to: xRange.upperBound, target: xTarget) {
            [font] ticks in
            var end = -Double.infinity
            for tick in ticks {
                let w = font.width(of: Self.typographic(tick.label), size: tickSize)
                let start = xOf(tick.value) - w / 2
                if start < end + tickSize { return false }
                end = start + w
            }
            return true
        }
        // Pixel-aligned rectangle edges of the plot area.
        let (L, R, T, B) = (
            pixel(left), pixel(right), pixel(top), pixel(bottom)
        )
        let rule = px(1)
        var d: [Drawing] = []
        // Flat zones, under everything.
        for shade in figure.shades {
            let a = pixel(Swift.max(left, xOf(shade.range.lowerBound)))
            let b = pixel(Swift.min(right, xOf(shade.range.upperBound)))
            guard b > a else { continue }
            d.append(.rectangle(x0: a, y0: T, x1: b, y1: B, color: Self.color(shade.colorIndex), alpha: 0.13))
        }
        // Grid, then zero axes.
        for tick in xTicks {
            let x = pixel(floor(xOf(tick.value)))
            d.append(.rectangle(x0: x, y0: T, x1: x + rule, y1: B, color: Self.grid, alpha: 1))
        }
        for tick in yTicks {
            let y = pixel(floor(yOf(tick.value)))
            d.append(.rectangle(x0: L, y0: y, x1: R, y1: y + rule, color: Self.grid, alpha: 1))
        }
        if yRange.contains(0) {
            let y = pixel(floor(yOf(0)))
            d.append(.rectangle(x0: L, y0: y, x1: R, y1: y + rule, color: Self.zeroAxis, alpha: 1))
        }
        if xRange.contains(0) {
            let x = pixel(floor(xOf(0)))
            d.append(.rectangle(x0: x, y0: T, x1: x + rule, y1: B, color: Self.zeroAxis, alpha: 1))
        }
        // Bands, then curves: f″ and f′ first, f on top.
        let clampY = { (v: Double) -> Double in Swift.min(bottom, Swift.max(top, yOf(v))) }
        for band in figure.bands {
            let upper = zip(band.x, band.high).map { (x: xOf($0), y: clampY($1)) }
            let lower = zip(band.x, band.low).reversed().map { (x: xOf($0), y: clampY($1)) }
            d.append(.polygon(points: upper + lower, color: Self.color(band.colorIndex), alpha: 0.2))
        }
        let lineWidth = 2 * s
        var samples: [(Double, Double)] = []
        for series in figure.series {
            let color = Self.color(series.colorIndex)
            let points = zip(series.x, series.y).map { x, y -> (x: Double, y: Double) in
                y.isFinite && yRange.contains(y) ? (xOf(x), yOf(y)) : (.nan, .nan)
            }
            samples += points.filter { $0.x.isFinite }.map { ($0.x, $0.y) }
            let dash: [Double]
            switch series.style {
            case .solid: dash = []
            case .dotted: dash = [2.7 * lineWidth, 2.6 * lineWidth]
            case .sparse: dash = [0.01 * lineWidth, 2.65 * lineWidth]
            }
            d.append(.polyline(points: points, width: lineWidth, color: color, dash: dash))
        }
        // Marked points: a dot ringed in white, and the values beside it.
        for mark in figure.marks where mark.y.isFinite && yRange.contains(mark.y) && xRange.contains(mark.x) {
            let (cx, cy) = (xOf(mark.x), yOf(mark.y))
            let ring = (0..<24).map { k -> (x: Double, y: Double) in
                let t = Double(k) * .pi / 12
                return (cx + 6 * s * cos(t), cy + 6 * s * sin(t))
            }
            d.append(.polygon(points: ring, color: RGB(0xFFFFFF), alpha: 1))
            d.append(
                .polygon(
                    points: ring.map { (cx + ($0.x - cx) * 0.7, cy + ($0.y - cy) * 0.7) },
                    color: Self.color(mark.colorIndex), alpha: 1))
            samples.append((cx, cy))
        }
        var placed: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        for mark in figure.marks where mark.y.isFinite && yRange.contains(mark.y) && xRange.contains(mark.x) {
            let x = Self.typographic(DecimalText.shortest(mark.x))
            let lines = [
                "f(\(x)) = " + Self.typographic(NumberText.format(mark.y, significantDigits: 5)),
                "f′(\(x)) = " + Self.typographic(NumberText.format(mark.slope, significantDigits: 5)),
            ]
            let w = lines.map { font.width(of: $0, size: tickSize) }.max() ?? 0
            let h = 2.3 * tickSize
            let (cx, cy) = (xOf(mark.x), yOf(mark.y))
            // Right of the point if it fits, else left; above it if it fits, else below.
            var x0 = cx + 10 * s
            if x0 + w > right - 4 * s { x0 = cx - 10 * s - w }
            x0 = Swift.max(left + 4 * s, x0)
            var y0 = cy - 10 * s - h
            if y0 < top + 4 * s { y0 = cy + 10 * s }
            // Step past labels already placed (several functions marked at one x).
            while let clash = placed.first(where: {
                $0.x0 < x0 + w && x0 < $0.x1 && $0.y0 < y0 + h && y0 < $0.y1
            }) {
                y0 = y0 > cy ? clash.y1 + 2 * s : clash.y0 - 2 * s - h
                if y0 < top || y0 + h > bottom { break }
            }
            placed.append((x0 - 3 * s, y0 - 2 * s, x0 + w + 3 * s, y0 + h + 2 * s))
            d.append(
                .rectangle(
                    x0: pixel(x0 - 3 * s), y0: pixel(y0 - 2 * s), x1: pixel(x0 + w + 3 * s),
                    y1: pixel(y0 + h + 2 * s), color: RGB(0xFFFFFF), alpha: 0.8))
            for (k, line) in lines.enumerated() {
                d.append(
                    .text(
                        line, x: x0, y: y0 + tickSize + Double(k) * 1.2 * tickSize, size: tickSize,
                        color: Self.color(mark.colorIndex)))
            }
            samples += [(x0, y0), (x0 + w, y0 + h), (x0 + w / 2, y0 + h / 2)]
        }
        // Frame and tick marks.
        d.append(.rectangle(x0: L, y0: T, x1: R + rule, y1: T + rule, color: Self.frame, alpha: 1))
        d.append(.rectangle(x0: L, y0: B, x1: R + rule, y1: B + rule, color: Self.frame, alpha: 1))
        d.append(.rectangle(x0: L, y0: T, x1: L + rule, y1: B + rule, color: Self.frame, alpha: 1))
        d.append(.rectangle(x0: R, y0: T, x1: R + rule, y1: B + rule, color: Self.frame, alpha: 1))
        let mark = px(6)
        for (tick, label) in zip(yTicks, yLabels) {
            let y = pixel(floor(yOf(tick.value)))
            d.append(.rectangle(x0: L - mark, y0: y, x1: L, y1: y + rule, color: Self.frame, alpha: 1))
            let w = font.width(of: label, size: tickSize)
            d.append(
                .text(
                    label, x: left - 6 * s - 6 * s - w, y: Double(y) + 0.36 * tickSize, size: tickSize,
                    color: Self.ink))
        }
        for tick in xTicks {
            let x = pixel(floor(xOf(tick.value)))
            d.append(.rectangle(x0: x, y0: B, x1: x + rule, y1: B + mark, color: Self.frame, alpha: 1))
            let label = Self.typographic(tick.label)
            let w = font.width(of: label, size: tickSize)
            d.append(
                .text(
                    label, x: Swift.max(2 * s, Swift.min(Double(x) - w / 2, Double(width) - w - 2 * s)),
                    y: bottom + 6 * s + 6 * s + tickSize, size: tickSize,
                    color: Self.ink))
        }
        // Axis names and title.
        let xName = font.width(of: figure.xLabel, size: labelSize)
        d.append(
            .text(
                figure.xLabel, x: left + plotWidth / 2 - xName / 2,
                y: Double(height) - 12 * s, size: labelSize, color: Self.ink))
        d.append(.text(figure.yLabel, x: left, y: top - 8 * s, size: labelSize, color: Self.ink))
        if !figure.title.isEmpty {
            var title = figure.title
            while font.width(of: title, size: titleSize) > Double(width) - 16 * s && title.count > 4 {
                title = String(title.dropLast(2)) + "…"
            }
            let w = font.width(of: title, size: titleSize)
            // Centred over the plot area, shifted left or right only as far as the image needs.
            let x = Swift.max(8 * s, Swift.min(left + plotWidth / 2 - w / 2, Double(width) - 8 * s - w))
            d.append(.text(title, x: x, y: top - 30 * s, size: titleSize, color: Self.ink))
        }
        // Legend.
        enum Swatch { case line([Double]), fill(Float) }
        var entries = figure.legendOrder.map { series -> (name: String, colorIndex: Int, swatch: Swatch) in
            let dash: [Double] =
                series.style == .solid
                ? []
                : series.style == .dotted
                    ? [2.7 * lineWidth, 2.6 * lineWidth] : [0.01 * lineWidth, 2.65 * lineWidth]
            return (series.name, series.colorIndex, .line(dash))
        }
        entries += figure.bands.map { ($0.name, $0.colorIndex, .fill(0.2)) }
        if let shade = figure.shades.first {
            let name = "|f′| < \(DecimalText.shortest(ActivationProperties.flatThreshold))"
            entries.append(
                (name, Set(figure.shades.map(\.colorIndex)).count == 1 ? shade.colorIndex : -1, .fill(0.13)))
        }
        let lineHeight = 1.45 * legendSize
        let sampleLength = 34 * s
        let pad = 9 * s
        let textWidth = entries.map { font.width(of: $0.name, size: legendSize) }.max() ?? 0
        let boxWidth = pad + sampleLength + 8 * s + textWidth + pad
        let boxHeight = 2 * pad + Double(entries.count) * lineHeight - (lineHeight - legendSize)
        let margin = 12 * s
        let (bx0, bx1, by0, by1) = (
            left + margin, right - margin - boxWidth, top + margin, bottom - margin - boxHeight
        )
        let (bxm, bym) = ((left + right - boxWidth) / 2, (top + bottom - boxHeight) / 2)
        let candidates = [
            (bx1, by0), (bx0, by0), (bx0, by1), (bx1, by1), (bx1, bym), (bx0, bym), (bx1, bym),
            (bxm, by1), (bxm, by0), (bxm, bym),
        ]
        var best = candidates[0]
        var bestCount = Int.max
        for (cx, cy) in candidates {
            let count = samples.reduce(0) { n, p in
                n
                    + (p.0 >= cx - 4 * s && p.0 <= cx + boxWidth + 4 * s && p.1 >= cy - 4 * s
                        && p.1 <= cy + boxHeight + 4 * s ? 1 : 0)
            }
            if count < bestCount {
                best = (cx, cy)
                bestCount = count
                if count == 0 { break }
            }
        }
        if !entries.isEmpty && boxWidth < plotWidth {
            let (x0, y0) = (pixel(best.0), pixel(best.1))
            let (x1, y1) = (pixel(best.0 + boxWidth), pixel(best.1 + boxHeight))
            d.append(.rectangle(x0: x0, y0: y0, x1: x1, y1: y1, color: RGB(0xFFFFFF), alpha: 0.85))
            for (a, b) in [
                ((x0, y0), (x1, y0 + rule)), ((x0, y1 - rule), (x1, y1)), ((x0, y0), (x0 + rule, y1)),
                ((x1 - rule, y0), (x1, y1)),
            ] {
                d.append(.rectangle(x0: a.0, y0: a.1, x1: b.0, y1: b.1, color: RGB(0xCCCCCC), alpha: 1))
            }
            for (i, series) in entries.enumerated() {
                let baseline = best.1 + pad + legendSize * 0.8 + Double(i) * lineHeight
                let mid = baseline - 0.33 * legendSize
                let color = Self.color(series.colorIndex)
                switch series.swatch {
                case .line(let dash):
                    d.append(
                        .polyline(
                            points: [(best.0 + pad, mid), (best.0 + pad + sampleLength, mid)],
                            width: lineWidth,
                            color: color, dash: dash))
                case .fill(let alpha):
                    let (x0, x1) = (best.0 + pad, best.0 + pad + sampleLength)
                    let (y0, y1) = (mid - 0.4 * legendSize, mid + 0.4 * legendSize)
                    d.append(
                        .polygon(
                            points: [(x0, y0), (x1, y0), (x1, y1), (x0, y1)], color: color, alpha: alpha))
                }
                d.append(
                    .text(
                        series.name, x: best.0 + pad + sampleLength + 8 * s, y: baseline, size: legendSize,
                        color: Self.ink))
            }
        }
        drawings = d
        plotArea = (left, top, right, bottom)
        ranges = (xRange, yRange)
    }

    /// The palette colour of a colour index (3 per function); negative for neutral grey.
    static func color(_ index: Int) -> RGB {
        index < 0 ? RGB(0x808080) : RGB(palette[(index / 3) % palette.count])
    }

    /// Tick labels with U+2212 minus signs.
    static func typographic(_ label: String) -> String {
        String(label.map { $0 == "-" ? "\u{2212}" : $0 })
    }
}
