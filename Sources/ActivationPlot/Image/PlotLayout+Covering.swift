/// Curves hidden piece by piece under later ones.
///
/// A curve is covered at a sample when a curve drawn after it passes within one line width
/// there (variants of one function, and members of one family, do not cover each other). A curve covered at more than half of its samples inside the frame is drawn first and
/// 2.5 times as wide, so that it shows on both sides of those on top, and its legend entry says
/// what it lies under: `binary_step (under relu, hardtanh′)`. Under a curve that is itself
/// covered it is drawn wider still (4 and 5.5 times), and before it.
extension PlotLayout {
    /// How much wider a covered curve is drawn.
    static let coveredWidth = 2.5

    /// How much wider a curve is drawn at a depth of covering: 1 for none, 2.5 under curves
    /// not covered themselves, 4 and 5.5 deeper down.
    static func widening(depth: Int) -> Double { depth == 0 ? 1 : 1 + 1.5 * Double(depth) }

    /// The figure with ``Figure/Series/under`` filled in for every curve mostly hidden under
    /// later ones, and those curves moved to the front of the drawing order.
    /// - Parameters:
    ///   - figure: The figure as given.
    ///   - geometry: Where its values land, in pixels.
    static func markingCovered(_ figure: Figure, geometry g: PlotGeometry) -> Figure {
        var figure = figure
        let series = figure.series
        // Each curve's in-frame samples in pixels; a curve that coincides with another over the
        // whole range is said to already (`a = b`).
        let pixels = series.map { s in
            zip(s.x, s.y).map { x, y in (g.x(x), y.isFinite && g.yRange.contains(y) ? g.y(y) : Double.nan) }
        }
        let tolerance = figure.lineWidth * g.scale
        var depth = [Int](repeating: 0, count: series.count)
        // From the last curve back, so that each knows how deep those on top of it lie.
        for i in series.indices.reversed() where series[i].coveredBy.isEmpty {
            let inside = pixels[i].filter { $0.1.isFinite }
            guard !inside.isEmpty else { continue }
            var hiding: [(index: Int, near: [Bool])] = []
            for j in series.indices where j > i && !sameFamily(series[i], series[j]) {
                let near = covered(inside, under: pixels[j], within: tolerance)
                if near.contains(true) { hiding.append((j, near)) }
            }
            var hidden = [Bool](repeating: false, count: inside.count)
            for item in hiding { for k in hidden.indices where item.near[k] { hidden[k] = true } }
            let count = hidden.filter { $0 }.count
            guard 2 * count > inside.count else { continue }
            let chosen = names(hiding, hidden: hidden)
            figure.series[i].under = chosen.map { series[$0].name }
            depth[i] = Swift.min(3, 1 + (chosen.map { depth[$0] }.max() ?? 0))
            figure.series[i].coverDepth = depth[i]
        }
        // The deepest first, each group in the figure's order.
        figure.series = zip(figure.series, depth).enumerated().sorted {
            ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset)
        }.map(\.element.0)
        return figure
    }

    /// Whether two curves belong to variants of one function (``Figure/Series/variants``) or to
    /// members of one family: those meet by design (every leaky ReLU is x for x > 0).
    private static func sameFamily(_ a: Figure.Series, _ b: Figure.Series) -> Bool {
        if let p = a.variants, p == b.variants { return true }
        guard let p = a.ramp, let q = b.ramp else { return false }
        return p.family == q.family
    }

    /// The curves that together hide nine tenths of what is hidden, the one hiding most first,
    /// then whichever hides most of the rest.
    private static func names(_ hiding: [(index: Int, near: [Bool])], hidden: [Bool]) -> [Int] {
        var left = hidden
        let total = hidden.filter { $0 }.count
        var chosen: [Int] = []
        while 10 * left.filter({ $0 }).count > total {
            let counts = hiding.map { item in item.near.indices.filter { item.near[$0] && left[$0] }.count }
            guard let best = counts.indices.max(by: { counts[$0] < counts[$1] }), counts[best] > 0 else {
                break
            }
            chosen.append(hiding[best].index)
            for k in left.indices where hiding[best].near[k] { left[k] = false }
        }
        return chosen
    }

    /// For each of `points` (in x order), whether `curve` (in x order, NaN y in its gaps) passes
    /// within `tolerance` pixels of it vertically at the same x.
    static func covered(
        _ points: [(Double, Double)], under curve: [(Double, Double)], within tolerance: Double
    ) -> [Bool] {
        var result = [Bool](repeating: false, count: points.count)
        var j = 0
        for (k, point) in points.enumerated() {
            while j + 1 < curve.count && curve[j + 1].0 <= point.0 { j += 1 }
            // A sample at the same x (a jump repeats its x), else the segment across it.
            for m in Swift.max(0, j - 2)...j where curve[m].0 == point.0 && curve[m].1.isFinite {
                if abs(curve[m].1 - point.1) <= tolerance { result[k] = true }
            }
            guard !result[k], j + 1 < curve.count, curve[j].0 < point.0 else { continue }
            let (a, b) = (curve[j], curve[j + 1])
            guard a.1.isFinite && b.1.isFinite else { continue }
            let y = a.1 + (b.1 - a.1) * (point.0 - a.0) / (b.0 - a.0)
            result[k] = abs(y - point.1) <= tolerance
        }
        return result
    }
}
