import ActivationCore

/// The automatic y range, and the marks where a curve leaves it.
///
/// Without `--ylim` the y axis spans the union, over the curves drawn, of their 0.5–99.5 %
/// quantiles of finite values, widened to every local extremum (the interval's ends included)
/// within ten times that span. f keeps at least 40 % of the height: a derivative that would take
/// more is clipped. A curve cut off at the frame gets an arrowhead where it leaves and a note.
extension Figure {
    /// Where a curve leaves the frame: an arrowhead on the top or bottom edge.
    public struct Exit: Sendable, Hashable {
        /// Where on the x axis (the most extreme sample of the stretch beyond the frame).
        public var x: Double
        /// Whether it leaves through the top (else the bottom).
        public var upward: Bool
        /// The function it belongs to (its index among those plotted).
        public var function: Int
        /// Whether the curve is a difference (drawn in the differences' colours).
        public var isDifference: Bool
        /// Which colour of its family the curve takes (``Series/identity``).
        public var identity: Int
    }

    /// The share of the plot height f keeps, at least, beside its derivatives.
    public static let valueShare = 0.4

    /// The y interval the automatic rule chooses, before padding; nil when no curve has a
    /// finite value.
    public var automaticYRange: ClosedRange<Double>? {
        var all: ClosedRange<Double>?
        var values: ClosedRange<Double>?
        var spread: [(order: Int, core: ClosedRange<Double>, extrema: [Double])] = []
        for series in series {
            guard let core = Self.quantileRange(series.y) else { continue }
            spread.append((series.role.order, core, Self.extrema(series.y)))
            all = all.map { Self.union($0, core) } ?? core
        }
        guard var core = all else { return fixedDecorationRange }
        let reach = 10 * (core.upperBound - core.lowerBound)
        let allowed = (core.lowerBound - reach)...(core.upperBound + reach)
        for part in spread {
            var own = part.core
            for v in part.extrema where allowed.contains(v) { own = Self.union(own, v...v) }
            core = Self.union(core, own)
            if part.order == 0 { values = values.map { Self.union($0, own) } ?? own }
        }
        if let decorations = fixedDecorationRange { core = Self.union(core, decorations) }
        guard let values, values.upperBound > values.lowerBound else { return core }
        return Self.keepingShare(of: values, within: core)
    }

    /// The range of the bands and marked points, which are always shown whole.
    private var fixedDecorationRange: ClosedRange<Double>? {
        let ys = bands.flatMap { $0.low + $0.high } + marks.map(\.y)
        let finite = ys.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return nil }
        return low...high
    }

    /// `core` narrowed, where it must be, so that `values` take `valueShare` of it: the room
    /// beyond `values` is shared between the two sides in proportion to what lies there.
    static func keepingShare(of values: ClosedRange<Double>, within core: ClosedRange<Double>)
        -> ClosedRange<Double>
    {
        let span = values.upperBound - values.lowerBound
        let most = span / valueShare
        guard core.upperBound - core.lowerBound > most else { return core }
        let below = values.lowerBound - core.lowerBound
        let above = core.upperBound - values.upperBound
        let room = most - span
        let low = values.lowerBound - room * below / (below + above)
        // Near the ends of the double range the arithmetic overflows: keep the whole range.
        guard low.isFinite, (low + most).isFinite, low <= values.lowerBound else { return core }
        return low...(low + most)
    }

    /// The 0.5 % and 99.5 % quantiles of the finite values, or nil when there are none.
    ///
    /// A value beside a gap is left out when others remain: at a pole the curve's breaks end in
    /// its one-sided limits, found by bisection down to adjacent doubles (tan's ±1.6e16).
    static func quantileRange(_ y: [Double]) -> ClosedRange<Double>? {
        let known = { (i: Int) in i < 0 || i >= y.count || y[i].isFinite }
        let inner = y.indices.filter { y[$0].isFinite && known($0 - 1) && known($0 + 1) }.map { y[$0] }
        let all = inner.isEmpty ? y.filter(\.isFinite) : inner
        let finite = all.sorted()
        guard let first = finite.first else { return nil }
        let n = finite.count - 1
        let low = finite[Int((0.005 * Double(n)).rounded(.down))]
        let high = finite[Int((0.995 * Double(n)).rounded(.up))]
        return n == 0 ? first...first : low...high
    }

    /// The values at local extrema, the first and last samples included.
    ///
    /// An extremum is a sample no lower (or no higher) than both its neighbours, all three
    /// finite: a sample beside a gap (a jump, a pole) is not one.
    static func extrema(_ y: [Double]) -> [Double] {
        var found: [Double] = []
        if let first = y.first, first.isFinite { found.append(first) }
        if y.count > 1, let last = y.last, last.isFinite { found.append(last) }
        guard y.count >= 3 else { return found }
        for i in 1..<(y.count - 1) {
            let (a, b, c) = (y[i - 1], y[i], y[i + 1])
            guard a.isFinite && b.isFinite && c.isFinite, a != b || b != c else { continue }
            if (b >= a && b >= c) || (b <= a && b <= c) { found.append(b) }
        }
        return found
    }

    /// The smallest interval holding both.
    static func union(_ a: ClosedRange<Double>, _ b: ClosedRange<Double>) -> ClosedRange<Double> {
        Swift.min(a.lowerBound, b.lowerBound)...Swift.max(a.upperBound, b.upperBound)
    }

    /// Marks every curve the y range cuts off, with an arrowhead and a note.
    ///
    /// Each stretch beyond the frame gets an arrowhead, and each curve a note ("log′ leaves the
    /// plot near x = 0"). Values that are not finite are not marked: their own notes say where
    /// they are. The y range is fixed at the one chosen (``fixedYRange``), so that writers do not
    /// choose it again.
    public mutating func markExits() {
        let range = yRange
        // The range is settled: writers read it again and again.
        fixedYRange = range
        let span = xRange.upperBound - xRange.lowerBound
        // One note per function and list of places: `tan, tan′ leave the plot near x = 1.6`.
        var said: [(function: Int, places: String, names: [String])] = []
        for series in series {
            let stretches = Self.stretches(of: series, beyond: range)
            guard !stretches.isEmpty else { continue }
            if !series.y.contains(where: { $0.isFinite && range.contains($0) }) {
                noteWhollyOutside(series, below: stretches.allSatisfy { !$0.upward })
                continue
            }
            for stretch in stretches {
                exits.append(
                    Exit(
                        x: stretch.x, upward: stretch.upward, function: series.function,
                        isDifference: series.role.isDifference, identity: series.identity))
            }
            let places = Self.merged(stretches.map(\.x), within: 0.02 * span)
            let shown = places.prefix(places.count > 4 ? 3 : 4).map { p in
                // On a log or symlog x axis, two digits of the value.
                xScale == .linear
                    ? Self.place(p, span: span) : NumberText.format(xScale.value(at: p), significantDigits: 2)
            }
            let list =
                places.count > 4
                ? shown.joined(separator: ", ") + " and \(places.count - 3) more places"
                : shown.dropLast().joined(separator: ", ") + (shown.count > 1 ? " and " : "")
                    + (shown.last ?? "")
            if let k = said.firstIndex(where: { $0.function == series.function && $0.places == list }) {
                said[k].names.append(series.name)
            } else {
                said.append((series.function, list, [series.name]))
            }
        }
        for item in said {
            let verb = item.names.count > 1 ? "leave" : "leaves"
            notes.append(
                Note(
                    "\(item.names.joined(separator: ", ")) \(verb) the plot near x = \(item.places)",
                    function: item.function))
        }
    }

    /// A note for a curve with no point in the frame (σ′ under σ ≈ 1, where f keeps 40 % of the
    /// height), with its range and that it needs a scale of its own (alone, or in a panel of its
    /// own), and one arrowhead where it is nearest.
    private mutating func noteWhollyOutside(_ series: Series, below: Bool) {
        let finite = series.y.filter(\.isFinite)
        guard let low = finite.min(), let high = finite.max() else { return }
        let range = yScale == .linear ? (low, high) : (yScale.value(at: low), yScale.value(at: high))
        let span =
            NumberText.format(range.0, significantDigits: 3) + " … "
            + NumberText.format(range.1, significantDigits: 3)
        notes.append(
            Note(
                "\(series.name) lies \(below ? "below" : "above") the plot (\(span)): draw it on a scale of "
                    + "its own",
                function: series.function))
        let nearest = zip(series.x, series.y).filter { $0.1.isFinite }.max {
            below ? $0.1 < $1.1 : $0.1 > $1.1
        }
        if let nearest {
            exits.append(
                Exit(
                    x: nearest.0, upward: !below, function: series.function,
                    isDifference: series.role.isDifference, identity: series.identity))
        }
    }

    /// Each run of finite samples beyond the range, as the side it leaves by and an x: where it
    /// crosses the frame when it runs into a gap or an end (a pole), else its most extreme
    /// sample (a spike).
    static func stretches(of series: Series, beyond range: ClosedRange<Double>)
        -> [(x: Double, upward: Bool)]
    {
        let (x, y) = (series.x, series.y)
        let inside = { (i: Int) in i >= 0 && i < y.count && range.contains(y[i]) }
        var found: [(x: Double, upward: Bool)] = []
        var i = 0
        while i < y.count {
            guard y[i].isFinite, !range.contains(y[i]) else {
                i += 1
                continue
            }
            let upward = y[i] > range.upperBound
            var (end, extreme) = (i, i)
            while end + 1 < y.count, y[end + 1].isFinite, (y[end + 1] > range.upperBound) == upward,
                !range.contains(y[end + 1])
            {
                end += 1
                if upward ? y[end] > y[extreme] : y[end] < y[extreme] { extreme = end }
            }
            let (before, after) = (inside(i - 1), inside(end + 1))
            let place =
                before == after
                ? x[extreme] : before ? (x[i - 1] + x[i]) / 2 : (x[end] + x[end + 1]) / 2
            found.append((place, upward))
            i = end + 1
        }
        return found
    }

    /// The places, sorted, with those closer than `gap` to the previous one merged into their
    /// mean.
    static func merged(_ xs: [Double], within gap: Double) -> [Double] {
        var groups: [[Double]] = []
        for x in xs.sorted() {
            if let last = groups.last?.last, x - last <= gap {
                groups[groups.count - 1].append(x)
            } else {
                groups.append([x])
            }
        }
        return groups.map { $0.reduce(0, +) / Double($0.count) }
    }

    /// x rounded to a hundredth of the x span's decade (−0.0 written 0).
    static func place(_ x: Double, span: Double) -> String {
        let unit = pow(10, (log10(span) - 2).rounded(.down))
        let rounded = (x / unit).rounded() * unit
        return NumberText.format(rounded == 0 ? 0 : rounded, significantDigits: 6)
    }
}
