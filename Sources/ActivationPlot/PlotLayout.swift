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

/// The static-plot layout of a figure, shared by PNG and SVG: its drawings, layer by layer.
///
/// Flat zones, a light grid and darker zero axes, bands, the curves (one Okabe–Ito colour per
/// function; f solid, f′ dashed, f″ dotted), marked points, the frame and tick labels, the axis
/// names and title, and a legend in the emptiest of matplotlib's ten candidate places. Every
/// length scales with the geometry's scale.
struct PlotLayout {
    /// Okabe–Ito, without yellow (invisible on white).
    static let palette: [UInt32] = [0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9, 0x000000]
    static let ink = RGB(0x262626)
    static let frame = RGB(0x595959)
    static let grid = RGB(0xDEDEDE)
    static let zeroAxis = RGB(0x8C8C8C)
    static let neutral = RGB(0x808080)
    static let white = RGB(0xFFFFFF)

    /// Where everything goes.
    let geometry: PlotGeometry
    /// What to draw, in order (each layer appends to it).
    var drawings: [Drawing] = []
    /// Points the legend should not cover: the curves' samples, marked points, their labels.
    var occupied: [(Double, Double)] = []

    init(figure: Figure, width: Int, height: Int, scale: Double) {
        geometry = PlotGeometry(figure: figure, width: width, height: height, scale: scale)
        drawShades(figure)
        drawGrid()
        drawBands(figure)
        drawCurves(figure)
        drawMarks(figure)
        drawFrame()
        drawTickLabels()
        drawTitles(figure)
        drawLegend(figure)
    }

    // MARK: - Colour and pattern

    /// The colour of everything that belongs to a function: its curves, shades, bands, marks.
    static func color(function: Int) -> RGB { RGB(palette[function % palette.count]) }

    /// How a curve of the given role is drawn: its colour, width and dash pattern (f solid,
    /// f′ and f′ − g′ dashed, f″ dotted).
    static func stroke(function: Int, role: Figure.Role, scale: Double) -> (
        color: RGB, width: Double, dash: [Double]
    ) {
        let width = 2 * scale
        let dash: [Double]
        switch role.order {
        case 0: dash = []
        case 1: dash = [2.7 * width, 2.6 * width]
        default: dash = [0.01 * width, 2.65 * width]
        }
        return (color(function: function), width, dash)
    }

    // MARK: - Layers, bottom to top

    /// Flat zones (`--saturation`), under everything.
    private mutating func drawShades(_ figure: Figure) {
        let g = geometry
        let edges = g.pixelEdges
        for shade in figure.shades {
            let a = pixel(Swift.max(g.left, g.x(shade.range.lowerBound)))
            let b = pixel(Swift.min(g.right, g.x(shade.range.upperBound)))
            guard b > a else { continue }
            drawings.append(
                .rectangle(
                    x0: a, y0: edges.top, x1: b, y1: edges.bottom,
                    color: Self.color(function: shade.function),
                    alpha: 0.13))
        }
    }

    /// The grid at every tick, then the zero axes.
    private mutating func drawGrid() {
        let g = geometry
        let (edges, rule) = (g.pixelEdges, g.rule)
        func vertical(_ x: Double, _ color: RGB) {
            let x = pixel(floor(g.x(x)))
            drawings.append(
                .rectangle(x0: x, y0: edges.top, x1: x + rule, y1: edges.bottom, color: color, alpha: 1))
        }
        func horizontal(_ y: Double, _ color: RGB) {
            let y = pixel(floor(g.y(y)))
            drawings.append(
                .rectangle(x0: edges.left, y0: y, x1: edges.right, y1: y + rule, color: color, alpha: 1))
        }
        for tick in g.xTicks { vertical(tick.value, Self.grid) }
        for tick in g.yTicks { horizontal(tick.value, Self.grid) }
        if g.yRange.contains(0) { horizontal(0, Self.zeroAxis) }
        if g.xRange.contains(0) { vertical(0, Self.zeroAxis) }
    }

    /// Bands (rrelu's training slopes), clipped to the plot area.
    private mutating func drawBands(_ figure: Figure) {
        let g = geometry
        let clampY = { (v: Double) -> Double in Swift.min(g.bottom, Swift.max(g.top, g.y(v))) }
        for band in figure.bands {
            let upper = zip(band.x, band.high).map { (x: g.x($0), y: clampY($1)) }
            let lower = zip(band.x, band.low).reversed().map { (x: g.x($0), y: clampY($1)) }
            drawings.append(
                .polygon(points: upper + lower, color: Self.color(function: band.function), alpha: 0.2))
        }
    }

    /// The curves in the figure's order (f″ and f′ first, f on top); points outside the y range
    /// break them.
    private mutating func drawCurves(_ figure: Figure) {
        let g = geometry
        for series in figure.series {
            let stroke = Self.stroke(function: series.function, role: series.role, scale: g.scale)
            let points = zip(series.x, series.y).map { x, y -> (x: Double, y: Double) in
                y.isFinite && g.yRange.contains(y) ? (g.x(x), g.y(y)) : (.nan, .nan)
            }
            occupied += points.filter { $0.x.isFinite }.map { ($0.x, $0.y) }
            drawings.append(
                .polyline(points: points, width: stroke.width, color: stroke.color, dash: stroke.dash))
        }
    }

    /// The marks inside the plot area.
    private func visibleMarks(_ figure: Figure) -> [Figure.Mark] {
        let g = geometry
        return figure.marks.filter { $0.y.isFinite && g.yRange.contains($0.y) && g.xRange.contains($0.x) }
    }

    /// Marked points: a dot ringed in white for each, then the values beside them.
    private mutating func drawMarks(_ figure: Figure) {
        let (g, s) = (geometry, geometry.scale)
        for mark in visibleMarks(figure) {
            let (cx, cy) = (g.x(mark.x), g.y(mark.y))
            let ring = (0..<24).map { k -> (x: Double, y: Double) in
                let t = Double(k) * .pi / 12
                return (cx + 6 * s * cos(t), cy + 6 * s * sin(t))
            }
            drawings.append(.polygon(points: ring, color: Self.white, alpha: 1))
            drawings.append(
                .polygon(
                    points: ring.map { (cx + ($0.x - cx) * 0.7, cy + ($0.y - cy) * 0.7) },
                    color: Self.color(function: mark.function), alpha: 1))
            occupied.append((cx, cy))
        }
        var placed: [(x0: Double, y0: Double, x1: Double, y1: Double)] = []
        for mark in visibleMarks(figure) {
            drawMarkLabel(mark, avoiding: &placed)
        }
    }

    /// A mark's f and f′ values on a white card: right of the point if it fits, else left;
    /// above it if it fits, else below; stepped past the cards already placed.
    private mutating func drawMarkLabel(
        _ mark: Figure.Mark, avoiding placed: inout [(x0: Double, y0: Double, x1: Double, y1: Double)]
    ) {
        let (g, s, size) = (geometry, geometry.scale, geometry.tickSize)
        let x = PlotGeometry.typographic(DecimalText.shortest(mark.x))
        let lines = [
            "f(\(x)) = " + PlotGeometry.typographic(NumberText.format(mark.y, significantDigits: 5)),
            "f′(\(x)) = " + PlotGeometry.typographic(NumberText.format(mark.slope, significantDigits: 5)),
        ]
        let w = lines.map { g.font.width(of: $0, size: size) }.max() ?? 0
        let h = 2.3 * size
        let (cx, cy) = (g.x(mark.x), g.y(mark.y))
        var x0 = cx + 10 * s
        if x0 + w > g.right - 4 * s { x0 = cx - 10 * s - w }
        x0 = Swift.max(g.left + 4 * s, x0)
        var y0 = cy - 10 * s - h
        if y0 < g.top + 4 * s { y0 = cy + 10 * s }
        while let clash = placed.first(where: { $0.x0 < x0 + w && x0 < $0.x1 && $0.y0 < y0 + h && y0 < $0.y1 }
        ) {
            y0 = y0 > cy ? clash.y1 + 2 * s : clash.y0 - 2 * s - h
            if y0 < g.top || y0 + h > g.bottom { break }
        }
        placed.append((x0 - 3 * s, y0 - 2 * s, x0 + w + 3 * s, y0 + h + 2 * s))
        drawings.append(
            .rectangle(
                x0: pixel(x0 - 3 * s), y0: pixel(y0 - 2 * s), x1: pixel(x0 + w + 3 * s),
                y1: pixel(y0 + h + 2 * s),
                color: Self.white, alpha: 0.8))
        for (k, line) in lines.enumerated() {
            drawings.append(
                .text(
                    line, x: x0, y: y0 + size + Double(k) * 1.2 * size, size: size,
                    color: Self.color(function: mark.function)))
        }
        occupied += [(x0, y0), (x0 + w, y0 + h), (x0 + w / 2, y0 + h / 2)]
    }

    /// The frame's four rules.
    private mutating func drawFrame() {
        let (e, rule) = (geometry.pixelEdges, geometry.rule)
        for (x0, y0, x1, y1) in [
            (e.left, e.top, e.right + rule, e.top + rule),
            (e.left, e.bottom, e.right + rule, e.bottom + rule),
            (e.left, e.top, e.left + rule, e.bottom + rule),
            (e.right, e.top, e.right + rule, e.bottom + rule),
        ] {
            drawings.append(.rectangle(x0: x0, y0: y0, x1: x1, y1: y1, color: Self.frame, alpha: 1))
        }
    }

    /// Tick marks and their labels on both axes.
    private mutating func drawTickLabels() {
        let (g, s, size) = (geometry, geometry.scale, geometry.tickSize)
        let (e, rule, mark) = (g.pixelEdges, g.rule, g.length(6))
        for (tick, label) in zip(g.yTicks, g.yLabels) {
            let y = pixel(floor(g.y(tick.value)))
            drawings.append(
                .rectangle(x0: e.left - mark, y0: y, x1: e.left, y1: y + rule, color: Self.frame, alpha: 1))
            let w = g.font.width(of: label, size: size)
            drawings.append(
                .text(
                    label, x: g.left - 6 * s - 6 * s - w, y: Double(y) + 0.36 * size, size: size,
                    color: Self.ink))
        }
        for tick in g.xTicks {
            let x = pixel(floor(g.x(tick.value)))
            drawings.append(
                .rectangle(
                    x0: x, y0: e.bottom, x1: x + rule, y1: e.bottom + mark, color: Self.frame, alpha: 1))
            let label = PlotGeometry.typographic(tick.label)
            let w = g.font.width(of: label, size: size)
            drawings.append(
                .text(
                    label, x: Swift.max(2 * s, Swift.min(Double(x) - w / 2, Double(g.width) - w - 2 * s)),
                    y: g.bottom + 6 * s + 6 * s + size, size: size, color: Self.ink))
        }
    }

    /// The axis names, and the title centred over the plot area (cut to the image's width).
    private mutating func drawTitles(_ figure: Figure) {
        let (g, s) = (geometry, geometry.scale)
        let plotWidth = g.right - g.left
        let xName = g.font.width(of: figure.xLabel, size: g.labelSize)
        drawings.append(
            .text(
                figure.xLabel, x: g.left + plotWidth / 2 - xName / 2, y: Double(g.height) - 12 * s,
                size: g.labelSize, color: Self.ink))
        drawings.append(.text(figure.yLabel, x: g.left, y: g.top - 8 * s, size: g.labelSize, color: Self.ink))
        guard !figure.title.isEmpty else { return }
        var title = figure.title
        while g.font.width(of: title, size: g.titleSize) > Double(g.width) - 16 * s && title.count > 4 {
            title = String(title.dropLast(2)) + "…"
        }
        let w = g.font.width(of: title, size: g.titleSize)
        // Centred over the plot area, shifted left or right only as far as the image needs.
        let x = Swift.max(8 * s, Swift.min(g.left + plotWidth / 2 - w / 2, Double(g.width) - 8 * s - w))
        drawings.append(.text(title, x: x, y: g.top - 30 * s, size: g.titleSize, color: Self.ink))
    }
}
