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
    /// The narrowest panel of an image that still reads, at scale 1: room for five x labels
    /// and a legend.
    public static let readablePanelWidth = 400.0

    /// The drawings of every panel in one image, under the grid's title: in a row, a column or
    /// a grid (``shape(width:readable:)``).
    func drawings(width: Int, height: Int, scale: Double) -> [Drawing] {
        let drawn = lightDrawings(width: width, height: height, scale: scale)
        return theme == .dark ? drawn.map { $0.recoloured(by: theme) } : drawn
    }

    /// The drawings in the light theme's colours.
    private func lightDrawings(width: Int, height: Int, scale: Double) -> [Drawing] {
        if panels.count == 1 && title.isEmpty {
            return PlotLayout(figure: panels[0], width: width, height: height, scale: scale).drawings
        }
        let font = GlyphFont.dejaVuSans
        let size = 21 * scale * (panels.first?.fontSize ?? 14) / 14
        let heading = PlotGeometry.fit(title, width: Double(width) - 16 * scale, size: size, font: font)
        let band =
            title.isEmpty ? 0 : pixel(40 * scale + Double(heading.lines.count - 1) * 1.2 * heading.size)
        var d: [Drawing] = []
        for (k, line) in heading.lines.enumerated() {
            let w = font.width(of: line, size: heading.size)
            d.append(
                .text(
                    line, x: (Double(width) - w) / 2, y: 28 * scale + Double(k) * 1.2 * heading.size,
                    size: heading.size, color: PlotLayout.ink))
        }
        let (columns, rows) = shape(width: Double(width), readable: Self.readablePanelWidth * scale)
        let (panelWidth, panelHeight) = (width / columns, (height - band) / rows)
        var layouts = panels.map {
            PlotLayout(figure: $0, width: panelWidth, height: panelHeight, scale: scale)
        }
        // Panels of a row keep the same room below, so that their axes line up.
        for row in 0..<rows {
            let indices = Array((row * columns)..<Swift.min(layouts.count, (row + 1) * columns))
            guard indices.contains(where: { layouts[$0].legendBelow }),
                indices.contains(where: { !layouts[$0].legendBelow && panels[$0].legend != .none })
            else { continue }
            // The most room any of them needs under its plot.
            let room =
                indices.compactMap { k -> Double? in
                    let layout = layouts[k]
                    if layout.legendBelow { return layout.geometry.below }
                    guard case .below(let own, _)? = layout.legendRoomBelow(layout.drawnFigure, least: 0.25)
                    else {
                        return nil
                    }
                    return own
                }.max() ?? 0
            for k in indices {
                layouts[k] =
                    PlotLayout(
                        figure: panels[k], width: panelWidth, height: panelHeight, scale: scale, below: room)
                    ?? layouts[k]
            }
        }
        for (k, layout) in layouts.enumerated() {
            let (column, row) = (k % columns, k / columns)
            d += layout.drawings.map { $0.translated(dx: column * panelWidth, dy: band + row * panelHeight) }
        }
        return d
    }
}

/// The static-plot layout of a figure, shared by PNG and SVG: its drawings, layer by layer.
///
/// Flat zones, a light grid and darker zero axes, bands, the curves (one Okabe–Ito colour per
/// function, greys for differences; f solid, f′ dashed, f″ dotted), marked points, the frame
/// and tick labels, the axis names and title, and a legend in the emptiest of matplotlib's ten
/// candidate places. Every length scales with the geometry's scale.
struct PlotLayout {
    /// The functions' colours: Okabe–Ito without yellow (invisible on white) and black (the
    /// differences').
    static let palette: [UInt32] = [0x0072B2, 0xD55E00, 0x009E73, 0xCC79A7, 0xE69F00, 0x56B4E9]
    /// The differences' colours: black and greys, never a function's.
    static let differencePalette: [UInt32] = [0x000000, 0x6E6E6E, 0xA3A3A3]
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

    /// The figure as drawn: with the curves found under others (``markingCovered(_:geometry:)``)
    /// drawn first.
    var drawnFigure: Figure
    /// Where the legend went: inside the plot area, under it, or beside it.
    var legendBelow = false
    var legendBeside = false
    /// The legend's text size outside the axes, as its room was measured; nil inside.
    var outsideTextSize: Double?
    /// How many occupied points the legend covers (0 below the plot).
    var legendCovers = 0

    /// The layout, with the legend where the figure asks (``Figure/legend``).
    ///
    /// For `auto`, inside the plot area where some place covers no data; otherwise outside the
    /// axes: under the x axis when the plot area keeps at least half the image's height, else
    /// beside the plot when the legend takes at most 40 % of the width. `outside` tries beside
    /// first, then under.
    init(figure: Figure, width: Int, height: Int, scale: Double) {
        let inside = PlotLayout(figure: figure, width: width, height: height, scale: scale, room: .inside)
        // The legend as drawn: with the curves found under others.
        let drawn = inside.drawnFigure
        var tries: [Room?] = []
        switch figure.legend {
        case .below: tries = [inside.legendRoomBelow(drawn, least: 0.3)]
        case .outside:
            tries = [inside.legendRoomBeside(drawn, most: 0.4), inside.legendRoomBelow(drawn, least: 0.3)]
        case .auto where inside.legendCovers > 0:
            // Outside rather than over data, even where the axes must shrink a good deal.
            tries = [
                inside.legendRoomBelow(drawn, least: 0.5), inside.legendRoomBeside(drawn, most: 0.4),
                inside.legendRoomBelow(drawn, least: 0.25), inside.legendRoomBeside(drawn, most: 0.55),
            ]
        default: break
        }
        // The curves found under others at the inside layout's size stay so: the legend's room
        // was measured with their entries.
        self =
            tries.compactMap { $0 }.first.map {
                PlotLayout(figure: drawn, width: width, height: height, scale: scale, room: $0, marked: true)
            }
            ?? inside
    }

    /// The layout with the legend under the plot in `below` pixels (the room its neighbours in a
    /// row keep), or nil when the legend does not fit there.
    init?(figure: Figure, width: Int, height: Int, scale: Double, below: Double) {
        let inside = PlotLayout(figure: figure, width: width, height: height, scale: scale, room: .inside)
        guard [.auto, .below, .outside].contains(figure.legend),
            case .below(let own, let text)? = inside.legendRoomBelow(inside.drawnFigure, least: 0),
            own <= below
        else { return nil }
        self.init(
            figure: inside.drawnFigure, width: width, height: height, scale: scale,
            room: .below(below, text: text),
            marked: true)
    }

    /// Where the legend goes, with the pixels kept for it outside the axes.
    enum Room {
        /// In the plot area.
        case inside
        /// Under the x axis's name, this many pixels high, with text of this size.
        case below(Double, text: Double)
        /// Right of the plot area, this many pixels wide, with text of this size.
        case beside(Double, text: Double)
    }

    /// The smallest text an image draws, in pixels at scale 1.
    static let smallestText = 9.0

    /// The layout with the legend in the plot area or in the room kept for it outside.
    private init(figure: Figure, width: Int, height: Int, scale: Double, room: Room, marked: Bool = false) {
        var (below, beside) = (0.0, 0.0)
        switch room {
        case .inside: break
        case .below(let pixels, let text): (below, outsideTextSize) = (pixels, text)
        case .beside(let pixels, let text): (beside, outsideTextSize) = (pixels, text)
        }
        geometry = PlotGeometry(
            figure: figure, width: width, height: height, scale: scale, below: below, beside: beside)
        legendBelow = below > 0
        legendBeside = beside > 0
        let figure = marked ? figure : Self.markingCovered(figure, geometry: geometry)
        drawnFigure = figure
        drawShades(figure)
        drawGrid()
        drawEdges(figure)
        drawBands(figure)
        drawCurves(figure)
        drawExits(figure)
        drawMarks(figure)
        drawFrame()
        drawTickLabels()
        drawTitles(figure)
        drawLegend(figure)
    }

    // MARK: - Colour and pattern

    /// The colour of everything that belongs to a function: its curves, shades, bands, marks.
    static func color(function: Int) -> RGB { RGB(palette[function % palette.count]) }

    /// Dash patterns in line widths, by variant and derivative order.
    ///
    /// Variant 0 is f solid, f′
    /// dashed, f″ dotted; once a family's colours are used up, the next functions take the next
    /// variant (dash-dot, long dashes), so that no two curves look alike.
    static let dashes: [[[Double]]] = [
        [[], [2.7, 2.6], [0.01, 2.65]],
        [[7, 2, 0.01, 2], [1.2, 1.6], [5, 2, 0.01, 2, 0.01, 2]],
        [[12, 3.5], [4, 1.5, 0.01, 1.5], [0.01, 1.3, 0.01, 4]],
    ]

    /// How a curve is drawn: its colour, width and dash pattern.
    ///
    /// The colour is its family's for its identity (a function's, or the differences' greys),
    /// the dash pattern its role's in the identity's variant. A curve covered by later ones is drawn 2.5 times as wide, so that it shows
    /// on both sides of the one on top.
    static func stroke(_ series: Figure.Series, scale: Double, lineWidth: Double = 2) -> (
        color: RGB, width: Double, dash: [Double]
    ) {
        let family = series.role.isDifference ? differencePalette : palette
        let identity = series.identity
        let width = lineWidth * scale
        // A family's members share the plain patterns; their ramp tells them apart.
        let variant = series.ramp == nil ? dashes[(identity / family.count) % dashes.count] : dashes[0]
        let dash = variant[Swift.min(series.role.order, 2)].map { $0 * width }
        let drawn =
            series.coveredBy.isEmpty ? widening(depth: series.coverDepth) * width : coveredWidth * width
        let color =
            series.ramp.map { ramp(family: $0.family, step: $0.step) } ?? RGB(family[identity % family.count])
        return (color, drawn, dash.map { $0 * drawn / width })
    }

    /// A family's colour at a step of its ramp: the palette's colour for the family, from a tint
    /// (60 % white) at 0 to a shade (45 % black) at 1, so that the members read in order.
    static func ramp(family: Int, step: Double) -> RGB {
        let base = RGB(palette[family % palette.count])
        // Lightness from +0.6 (towards white) to −0.45 (towards black).
        let t = 0.6 - 1.05 * Swift.min(1, Swift.max(0, step))
        func channel(_ c: UInt8, _ shift: UInt32) -> UInt32 {
            let v = Double(c)
            return UInt32((t >= 0 ? v + (255 - v) * t : v * (1 + t)).rounded()) << shift
        }
        return RGB(channel(base.red, 16) | channel(base.green, 8) | channel(base.blue, 0))
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
        // A log axis has no 0; its position 0 is y = 1.
        if g.yRange.contains(0) && g.yScale != .log { horizontal(0, Self.zeroAxis) }
        if g.xRange.contains(0) && g.xScale != .log { vertical(0, Self.zeroAxis) }
    }

    /// A faint rule in a function's colour at each edge a note describes (where f becomes ±∞).
    private mutating func drawEdges(_ figure: Figure) {
        let g = geometry
        for note in figure.notes {
            guard let x = note.x, g.xRange.contains(x), let function = note.function else { continue }
            let px = g.x(x)
            drawings.append(
                .polyline(
                    points: [(px, g.top), (px, g.bottom)], width: 1.5 * g.scale,
                    color: Self.color(function: function), dash: [1.5 * g.scale, 4 * g.scale]))
        }
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

    /// The curves in the figure's order (f″ and f′ first, f on top), cut at the y range's edges
    /// (``clipped(_:_:)``).
    private mutating func drawCurves(_ figure: Figure) {
        let g = geometry
        for series in figure.series {
            let stroke = Self.stroke(series, scale: g.scale, lineWidth: figure.lineWidth)
            let points = clipped(series.x, series.y)
            occupied += points.filter { $0.x.isFinite }.map { ($0.x, $0.y) }
            drawings.append(
                .polyline(points: points, width: stroke.width, color: stroke.color, dash: stroke.dash))
        }
    }

    /// A series in plot coordinates, cut where it leaves the y range: a segment between a
    /// point inside and a finite point outside ends where it crosses the edge (jumps and poles
    /// were broken already, ``Figure/breakingJumps(_:rate:corners:evaluate:)``); at points not
    /// finite the curve breaks (NaN).
    func clipped(_ xs: [Double], _ ys: [Double]) -> [(x: Double, y: Double)] {
        let g = geometry
        let (low, high) = (g.yRange.lowerBound, g.yRange.upperBound)
        let inside = { (y: Double) in y.isFinite && y >= low && y <= high }
        // Where the segment from (x, y) inside towards (u, v) outside meets the edge, if it does.
        func edge(_ x: Double, _ y: Double, _ u: Double, _ v: Double) -> (x: Double, y: Double)? {
            let bound = v > high ? high : low
            guard v.isFinite else { return nil }
            let t = (bound - y) / (v - y)
            return (g.x(x + t * (u - x)), g.y(bound))
        }
        var points: [(x: Double, y: Double)] = []
        points.reserveCapacity(xs.count)
        for i in xs.indices {
            let (x, y) = (xs[i], ys[i])
            let previous = i > 0 ? (x: xs[i - 1], y: ys[i - 1]) : nil
            if inside(y) {
                if let p = previous, !inside(p.y), let e = edge(x, y, p.x, p.y) { points.append(e) }
                points.append((g.x(x), g.y(y)))
            } else {
                if let p = previous, inside(p.y), let e = edge(p.x, p.y, x, y) { points.append(e) }
                points.append((.nan, .nan))
            }
        }
        return points
    }

    /// The marks inside the plot area.
    private func visibleMarks(_ figure: Figure) -> [Figure.Mark] {
        let g = geometry
        return figure.marks.filter { $0.y.isFinite && g.yRange.contains($0.y) && g.xRange.contains($0.x) }
    }

    /// An arrowhead in the curve's colour inside the frame's edge wherever a curve leaves the
    /// y range (``Figure/markExits()``), pointing the way it goes.
    private mutating func drawExits(_ figure: Figure) {
        let (g, s) = (geometry, geometry.scale)
        for exit in figure.exits where g.xRange.contains(exit.x) {
            let family = exit.isDifference ? Self.differencePalette : Self.palette
            let (cx, size) = (g.x(exit.x), 7 * s)
            let (edge, inward) = exit.upward ? (g.top, 1.0) : (g.bottom, -1.0)
            let tip = (x: cx, y: edge + inward * 1.5 * s)
            let base = edge + inward * (1.5 * s + size)
            drawings.append(
                .polygon(
                    points: [tip, (cx - 0.6 * size, base), (cx + 0.6 * size, base)],
                    color: RGB(family[exit.identity % family.count]), alpha: 1))
            occupied.append((cx, base))
        }
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
        // Higher points first: their cards go above, the lower ones' below.
        let marks = visibleMarks(figure)
        for mark in marks.sorted(by: { $0.y > $1.y }) {
            drawMarkLabel(mark, among: marks, avoiding: &placed)
        }
    }

    /// A mark's f and f′ values on a white card beside its point.
    ///
    /// Of the six places around it (right or left; above, below or level), the card takes the
    /// one inside the plot area that covers no other card and the fewest curve points. Where several functions are marked at one x, the
    /// highest point's card prefers to go above and the others' below, so that cards stack in
    /// the order of their points.
    private mutating func drawMarkLabel(
        _ mark: Figure.Mark, among marks: [Figure.Mark],
        avoiding placed: inout [(x0: Double, y0: Double, x1: Double, y1: Double)]
    ) {
        let (g, s, size) = (geometry, geometry.scale, geometry.tickSize)
        let x = PlotGeometry.typographic(DecimalText.shortest(mark.x))
        let lines = [
            "\(mark.name)(\(x)) = "
                + PlotGeometry.typographic(NumberText.format(mark.y, significantDigits: 5)),
            "\(mark.name)′(\(x)) = "
                + PlotGeometry.typographic(NumberText.format(mark.slope, significantDigits: 5)),
        ]
        let w = lines.map { g.font.width(of: $0, size: size) }.max() ?? 0
        let h = 2.3 * size
        let (cx, cy) = (g.x(mark.x), g.y(mark.y))
        let (right, left) = (cx + 10 * s, cx - 10 * s - w)
        let (above, below, level) = (cy - 10 * s - h, cy + 10 * s, cy - h / 2)
        let places = [
            (right, above), (right, below), (left, above), (left, below), (right, level), (left, level),
        ]
        let higher = marks.contains { $0.x == mark.x && $0.y > mark.y }
        let lower = marks.contains { $0.x == mark.x && $0.y < mark.y }
        func cost(_ place: (Double, Double)) -> Int {
            // Worse than crossing any curve, better than covering another mark's card.
            let wrongSide = (higher && place.1 == above) || (lower && place.1 == below) ? 5000 : 0
            let (x0, y0) = place
            let (x1, y1) = (x0 + w, y0 + h)
            let outside =
                x0 < g.left + 2 * s || x1 > g.right - 2 * s || y0 < g.top + 2 * s || y1 > g.bottom - 2 * s
            let clashes = placed.filter {
                $0.x0 < x1 + 2 * s && x0 - 2 * s < $0.x1 && $0.y0 < y1 && y0 < $0.y1
            }.count
            let covered = occupied.reduce(0) { n, p in
                n + (p.0 >= x0 - 3 * s && p.0 <= x1 + 3 * s && p.1 >= y0 - 2 * s && p.1 <= y1 + 2 * s ? 1 : 0)
            }
            return (outside ? 1_000_000 : 0) + 10_000 * clashes + covered + wrongSide
        }
        var (x0, y0) = places[0]
        var best = Int.max
        for place in places {
            let c = cost(place)
            if c < best { ((x0, y0), best) = (place, c) }
        }
        x0 = Swift.min(Swift.max(g.left + 4 * s, x0), g.right - 4 * s - w)
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

    /// Tick marks and their labels on both axes, and a log axis's minor ticks (shorter, without
    /// labels).
    private mutating func drawTickLabels() {
        let (g, s, size) = (geometry, geometry.scale, geometry.tickSize)
        let (e, rule, mark) = (g.pixelEdges, g.rule, g.length(6))
        let minor = g.length(3)
        for p in g.yScale.minorTicks(from: g.yRange.lowerBound, to: g.yRange.upperBound) {
            let y = pixel(floor(g.y(p)))
            drawings.append(
                .rectangle(x0: e.left - minor, y0: y, x1: e.left, y1: y + rule, color: Self.frame, alpha: 1))
        }
        for p in g.xScale.minorTicks(from: g.xRange.lowerBound, to: g.xRange.upperBound) {
            let x = pixel(floor(g.x(p)))
            drawings.append(
                .rectangle(
                    x0: x, y0: e.bottom, x1: x + rule, y1: e.bottom + minor, color: Self.frame, alpha: 1))
        }
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

    /// The axis names, and the title centred over the plot area (in lines, never cut).
    private mutating func drawTitles(_ figure: Figure) {
        let (g, s) = (geometry, geometry.scale)
        let plotWidth = g.right - g.left
        let xName = g.font.width(of: figure.xLabel, size: g.labelSize)
        drawings.append(
            .text(
                figure.xLabel, x: g.left + plotWidth / 2 - xName / 2, y: Double(g.height) - 12 * s - g.below,
                size: g.labelSize, color: Self.ink))
        drawings.append(.text(figure.yLabel, x: g.left, y: g.top - 8 * s, size: g.labelSize, color: Self.ink))
        let (lines, size) = g.title
        for (k, line) in lines.enumerated() {
            let w = g.font.width(of: line, size: size)
            // Centred over the plot area, shifted left or right only as far as the image needs.
            let x = Swift.max(8 * s, Swift.min(g.left + plotWidth / 2 - w / 2, Double(g.width) - 8 * s - w))
            let y = g.top - 30 * s - Double(lines.count - 1 - k) * 1.2 * size
            drawings.append(.text(line, x: x, y: y, size: size, color: Self.ink))
        }
    }
}
