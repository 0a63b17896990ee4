import ActivationCore

/// What a plot shows, independent of the output: series of points, axes, title.
///
/// Every writer (terminal chart, PNG, SVG) draws a `Figure`; the CSV writer streams the same
/// functions without building one.
public struct Figure: Sendable {
    /// What a curve shows of its function.
    public enum Role: Sendable, Hashable, CaseIterable {
        /// f.
        case value
        /// f′.
        case derivative
        /// f″.
        case secondDerivative
        /// f − g: the first function minus this one (`--diff`).
        case difference
        /// f′ − g′.
        case derivativeDifference
        /// f″ − g″.
        case secondDerivativeDifference

        /// The order of the derivative drawn: 0 for f and f − g, 1 for f′ and f′ − g′, 2 for f″
        /// and f″ − g″.
        ///
        /// Writers tell the orders apart by pattern (solid, dashed, dotted), so a plot reads
        /// without colour.
        public var order: Int {
            switch self {
            case .value, .difference: 0
            case .derivative, .derivativeDifference: 1
            case .secondDerivative, .secondDerivativeDifference: 2
            }
        }

        /// Whether the curve is a difference between two functions: differences are drawn in a
        /// colour family of their own, never a function's.
        public var isDifference: Bool {
            switch self {
            case .difference, .derivativeDifference, .secondDerivativeDifference: true
            case .value, .derivative, .secondDerivative: false
            }
        }
    }

    /// A curve: f, f′, f″ or a difference of one function.
    public struct Series: Sendable {
        /// The legend text (`relu`, `relu′`, `leaky_relu(alpha=0.2)″`).
        public var name: String
        /// Which of the plotted functions it belongs to, 0 for the first; for a difference f − g,
        /// g's index (1 for the first g).
        public var function: Int
        /// What it shows of the function.
        public var role: Role
        /// The x values (shared grid).
        public var x: [Double]
        /// The y values; NaN or ±∞ leave a gap.
        public var y: [Double]
        /// The names of curves drawn later that cover this one over the whole range (legends
        /// say "torch.hardsigmoid = keras.hard_sigmoid", images draw it wider underneath).
        public var coveredBy: [String] = []
        /// The names of curves drawn later that hide most of this one piece by piece (an image
        /// finds them at its own line width, draws it wider underneath, and its legend says
        /// "under NAME").
        public var under: [String] = []
        /// Where its function lies in a family drawn in a sequential colour ramp: the family's
        /// index among the figure's ``families`` and the member's place, 0 (first, lightest) to
        /// 1 (last, darkest); nil for a function drawn in its own colour.
        public var ramp: (family: Int, step: Double)?
        /// Which group of variants of one function (the same function or preset with different
        /// parameters) its function belongs to, or nil: variants meet by design (every leaky
        /// ReLU is x for x > 0), so they do not count as covering each other.
        public var variants: Int?
        /// How deep it lies under curves that are covered themselves: 0 uncovered, 1 under
        /// curves not covered, 2 and 3 deeper (an image widens it accordingly).
        public var coverDepth = 0

        /// Which colour and glyph of its family the curve takes: the function's index, or for a
        /// difference the index of its g among the differences (0 for the first).
        public var identity: Int { role.isDifference ? Swift.max(0, function - 1) : function }

        /// The legend text: the name, and the curves that coincide with it.
        public var legendName: String {
            if !coveredBy.isEmpty { return name + " = " + coveredBy.joined(separator: " = ") }
            return under.isEmpty ? name : name + " (under " + under.joined(separator: ", ") + ")"
        }

        /// A curve through (x[i], y[i]); `x` and `y` have the same length.
        /// - Parameters:
        ///   - name: The legend text.
        ///   - function: The index of its function among those plotted.
        ///   - role: What it shows.
        ///   - x: The x values.
        ///   - y: The y values.
        public init(name: String, function: Int, role: Role, x: [Double], y: [Double]) {
            precondition(x.count == y.count, "a series needs as many y values as x values")
            self.name = name
            self.function = function
            self.role = role
            self.x = x
            self.y = y
        }
    }

    /// The title line.
    public var title: String
    /// The x axis name.
    public var xLabel = "x"
    /// The y axis name.
    public var yLabel = "f(x)"
    /// The curves' width in pixels at scale 1 (f″, f′ and f alike; dash patterns follow it).
    public var lineWidth = 2.0
    /// The tick labels' and legend's text size in pixels at scale 1; axis names and the title
    /// keep their proportions to it (16 and 19 to 14).
    public var fontSize = 14.0
    /// How the y axis places values; off linear, every y is held as its position
    /// (``applyYScale(_:)``).
    public var yScale = AxisScale.linear
    /// How the x axis places values; off linear, every x is held as its position
    /// (``applyXScale(_:)``).
    public var xScale = AxisScale.linear
    /// The curves, drawn in order (later ones on top).
    public var series: [Series]
    /// The x interval shown.
    public var xRange: ClosedRange<Double>
    /// A y interval to use instead of the data's (side-by-side panels share one).
    public var fixedYRange: ClosedRange<Double>?
    /// Where the legend goes: ``LegendPlacement/auto`` unless the user chose.
    public var legend = LegendPlacement.auto
    /// Shaded x intervals: where a function is flat (`--saturation`).
    public var shades: [Shade] = []
    /// Filled bands between two curves (rrelu's range of random slopes).
    public var bands: [Band] = []
    /// Marked points with their values (`--mark`).
    public var marks: [Mark] = []
    /// Facts the curves alone do not show: where a curve is ±∞ or NaN, which component of a
    /// vector function is drawn, what f and g stand for.
    public var notes: [Note] = []
    /// The families among the functions (``applyFamilies(_:)``): drawn in colour ramps, with a
    /// compact legend.
    public var families: [FamilyGroup] = []
    /// Where curves leave the frame (``markExits()``): arrowheads on its edge.
    public var exits: [Exit] = []

    /// A line of text about the figure, optionally tied to an edge at x (drawn as a faint rule
    /// in its function's colour).
    public struct Note: Sendable, Hashable {
        /// The text (`exponential = +∞ for x > 709.78`).
        public var text: String
        /// The function it concerns (its index among those plotted), or nil.
        public var function: Int?
        /// Where an edge it describes is, or nil.
        public var x: Double?

        /// A note, optionally about a function and an edge at x.
        public init(_ text: String, function: Int? = nil, x: Double? = nil) {
            self.text = text
            self.function = function
            self.x = x
        }
    }

    /// An x interval where a function's slope is below ``ActivationProperties/flatThreshold``.
    public struct Shade: Sendable {
        /// The interval.
        public var range: ClosedRange<Double>
        /// The function it belongs to (its index among those plotted).
        public var function: Int

        /// A shaded interval of a function.
        public init(range: ClosedRange<Double>, function: Int) {
            self.range = range
            self.function = function
        }
    }

    /// The region between two curves over the grid.
    public struct Band: Sendable {
        /// The legend text.
        public var name: String
        /// The function it belongs to (its index among those plotted).
        public var function: Int
        /// The x values.
        public var x: [Double]
        /// The lower curve.
        public var low: [Double]
        /// The upper curve.
        public var high: [Double]
    }

    /// One marked point of a function.
    public struct Mark: Sendable {
        /// Where on the x axis: x, or its position on a log or symlog axis.
        public var x: Double
        /// x, as the label writes it.
        public var at: Double
        /// Where on the y axis: f(x), or its position on a log or symlog axis.
        public var y: Double
        /// f(x), as the label writes it.
        public var value: Double
        /// f′(x).
        public var slope: Double
        /// The function's name.
        public var name: String
        /// The function it belongs to (its index among those plotted).
        public var function: Int

        /// A marked point (x, y) with the slope there, labelled with the function's name.
        public init(x: Double, y: Double, slope: Double, name: String, function: Int) {
            self.x = x
            self.at = x
            self.y = y
            self.value = y
            self.slope = slope
            self.name = name
            self.function = function
        }

        /// `gelu(0.5) = 0.34571, gelu′ = 0.86718` with 5 significant digits.
        public var label: String {
            let x = DecimalText.shortest(at)
            return "\(name)(\(x)) = \(NumberText.format(value, significantDigits: 5)), "
                + "\(name)′ = \(NumberText.format(slope, significantDigits: 5))"
        }
    }

    /// A figure of given curves: your own data, drawn like the functions'.
    /// - Parameters:
    ///   - title: The title line.
    ///   - series: The curves, drawn in order.
    ///   - xRange: The x interval shown (finite, non-empty).
    public init(title: String, series: [Series], xRange: ClosedRange<Double>) {
        precondition(
            xRange.lowerBound.isFinite && xRange.upperBound.isFinite && xRange.lowerBound < xRange.upperBound,
            "the x range must be finite and non-empty")
        self.title = title
        self.series = series
        self.xRange = xRange
    }

    /// A figure of one or more functions with their derivatives, sampled on `sampling`.
    /// - Parameters:
    ///   - functions: The activations, each with a display name.
    ///   - sampling: The x grid.
    ///   - derivative: Include f′.
    ///   - secondDerivative: Include f″.
    ///   - title: The title; nil for the functions' names.
    ///   - firstFunction: The index of the first function among all those plotted (a panel of
    ///     its own keeps the colours it has in an overlay).
    public init(
        functions: [(name: String, function: Activation)], sampling: Sampling, derivative: Bool = true,
        secondDerivative: Bool = false, title: String? = nil, firstFunction: Int = 0
    ) {
        let xs = Array(sampling)
        var parts: [(series: Series, rate: [Double]?, corners: [Double], evaluate: (Double) -> Double)] = []
        var notes: [Note] = []
        for (offset, item) in functions.enumerated() {
            let (values, slopes, curvatures) = item.function.jets(xs)
            let function = firstFunction + offset
            let (f, corners) = (item.function, item.function.corners)
            if secondDerivative {
                parts.append(
                    (
                        Series(
                            name: item.name + "″", function: function, role: .secondDerivative, x: xs,
                            y: curvatures), nil, corners, { f.jet(at: $0).secondDerivative }
                    ))
            }
            if derivative {
                parts.append(
                    (
                        Series(
                            name: item.name + "′", function: function, role: .derivative, x: xs, y: slopes),
                        curvatures, corners, { f.jet(at: $0).derivative }
                    ))
            }
            parts.append(
                (
                    Series(name: item.name, function: function, role: .value, x: xs, y: values), slopes,
                    corners, { f.value(at: $0) }
                ))
            let own = parts.filter { $0.series.function == function }.sorted {
                $0.series.role.order < $1.series.role.order
            }
            notes += Self.notes(merging: own.flatMap { Self.nonFinite($0.series, evaluate: $0.evaluate) })
            if let component = item.function.componentDescription {
                notes.append(Note("\(item.name): \(component)", function: function))
            }
        }
        let marked = Self.markingCoincidences(parts.map(\.series))
        let series = zip(marked, parts).map { series, part in
            Self.breakingJumps(series, rate: part.rate, corners: part.corners, evaluate: part.evaluate)
        }
        self.series = series
        self.notes = notes
        self.title = title ?? functions.map(\.name).joined(separator: ", ")
        self.xRange = sampling.lower...sampling.upper
    }

    /// A figure of the differences f − g between the first function and each other one
    /// (and of f′ − g′, f″ − g″ when asked), each belonging to g: the `--diff` panel.
    /// - Parameters:
    ///   - functions: At least two activations; the first is f.
    ///   - sampling: The x grid.
    ///   - derivative: Include f′ − g′.
    ///   - secondDerivative: Include f″ − g″.
    /// - Returns: The figure, titled "differences from f = NAME". With one g its series are
    ///   named `f − g`, `f′ − g′`, `f″ − g″` and a note says what f and g are; with several,
    ///   `f − NAME`, `f′ − NAME′`, `f″ − NAME″`.
    public static func differences(
        of functions: [(name: String, function: Activation)], sampling: Sampling, derivative: Bool = true,
        secondDerivative: Bool = false
    ) -> Figure {
        precondition(functions.count >= 2, "a difference needs two functions")
        var figure = Figure(
            functions: [], sampling: sampling, title: "differences from f = \(functions[0].name)")
        let xs = Array(sampling)
        let first = xs.map { functions[0].function.jet(at: $0) }
        let single = functions.count == 2
        let (f, corners) = (functions[0].function, functions[0].function.corners)
        for (index, item) in functions.enumerated().dropFirst() {
            let jets = xs.map { item.function.jet(at: $0) }
            let g = single ? "g" : item.name
            let differences = [\Jet.value, \Jet.derivative, \Jet.secondDerivative].map { part in
                zip(first, jets).map { $0[keyPath: part] - $1[keyPath: part] }
            }
            // Broken at jumps and noted where not finite, as the functions' own curves are.
            func series(_ role: Role, _ part: KeyPath<Jet, Double>) -> Series {
                let primes = ["", "′", "″"][role.order]
                let curve = Series(
                    name: "f\(primes) − \(g)\(primes)", function: index, role: role, x: xs,
                    y: differences[role.order])
                let h = item.function
                let evaluate = { (x: Double) in f.jet(at: x)[keyPath: part] - h.jet(at: x)[keyPath: part] }
                figure.notes += Self.notes(merging: Self.nonFinite(curve, evaluate: evaluate))
                return Self.breakingJumps(
                    curve, rate: role.order < 2 ? differences[role.order + 1] : nil,
                    corners: corners + h.corners, evaluate: evaluate)
            }
            if secondDerivative {
                figure.series.append(series(.secondDerivativeDifference, \.secondDerivative))
            }
            if derivative { figure.series.append(series(.derivativeDifference, \.derivative)) }
            figure.series.append(series(.difference, \.value))
        }
        if single { figure.notes.append(Note("f = \(functions[0].name), g = \(functions[1].name)")) }
        // Identical differences (two g's that agree) share one legend entry.
        figure.series = markingCoincidences(figure.series)
        figure.yLabel = "f(x) − g(x)"
        return figure
    }

    /// Finds again the curves that coincide over the whole range (``Series/coveredBy``), after
    /// curves were added or renamed: the legend names them in one entry.
    public mutating func markCoincidences() {
        for i in series.indices { series[i].coveredBy = [] }
        series = Self.markingCoincidences(series)
    }

    /// Puts the figure on a log or symlog y axis.
    ///
    /// Every y becomes its position on the axis (see ``AxisScale``), the curves, bands, marks
    /// and a fixed y range alike, so that every writer draws it as it draws a linear axis. A
    /// curve with values the axis cannot show (y ≤ 0 on a log axis) is broken there, and a note
    /// says how many points were left out.
    /// - Parameter scale: The axis.
    public mutating func applyYScale(_ scale: AxisScale) {
        yScale = scale
        guard scale != .linear else { return }
        for i in series.indices {
            let y = series[i].y
            let left = y.reduce(0) { $0 + ($1.isFinite && !scale.position($1).isFinite ? 1 : 0) }
            series[i].y = y.map(scale.position)
            if left > 0 {
                let name = series[i].legendName
                notes.append(
                    Note(
                        "\(name) ≤ 0 at \(left) of \(y.count) points, left out of the log axis",
                        function: series[i].function))
            }
        }
        for i in bands.indices {
            bands[i].low = bands[i].low.map(scale.position)
            bands[i].high = bands[i].high.map(scale.position)
        }
        for i in marks.indices { marks[i].y = scale.position(marks[i].y) }
        if let range = fixedYRange {
            let (low, high) = (scale.position(range.lowerBound), scale.position(range.upperBound))
            if low.isFinite && high.isFinite && low < high { fixedYRange = low...high }
        }
    }

    /// Puts the figure on a log or symlog x axis.
    ///
    /// Every x becomes its position on the axis, the curves', bands', marks', shaded intervals'
    /// and notes' alike, and the x range with them, so that every writer draws it as it draws a
    /// linear axis. The figure should be sampled evenly on that axis (``Sampling/scale``).
    /// - Parameter scale: The axis; a log axis needs the x range above 0.
    public mutating func applyXScale(_ scale: AxisScale) {
        xScale = scale
        guard scale != .linear else { return }
        let position = scale.position
        for i in series.indices { series[i].x = series[i].x.map(position) }
        for i in bands.indices { bands[i].x = bands[i].x.map(position) }
        for i in marks.indices { marks[i].x = position(marks[i].x) }
        for i in notes.indices { notes[i].x = notes[i].x.map(position) }
        shades = shades.compactMap { shade in
            let (a, b) = (position(shade.range.lowerBound), position(shade.range.upperBound))
            guard a.isFinite && b.isFinite && a <= b else { return nil }
            return Shade(range: a...b, function: shade.function)
        }
        xRange = position(xRange.lowerBound)...position(xRange.upperBound)
    }

    /// Functions that are the members of one family spec (`softplus:beta=0.5..4/8`).
    public struct FamilyGroup: Sendable, Hashable {
        /// The members' indices among the functions plotted, in order.
        public var functions: ClosedRange<Int>
        /// What varies, from the first member to the last: `beta = 0.5 … 4`.
        public var varying: String

        /// A family of the functions in `functions`.
        public init(functions: ClosedRange<Int>, varying: String) {
            self.functions = functions
            self.varying = varying
        }
    }

    /// Draws each family of three or more members in a sequential ramp of one colour, lightest
    /// first, and gives it a compact legend (``FamilyGroup/varying``).
    /// - Parameter groups: The families, by the indices of their functions.
    public mutating func applyFamilies(_ groups: [FamilyGroup]) {
        families = groups.filter { $0.functions.count >= 3 }
        for (k, group) in families.enumerated() {
            let n = Double(group.functions.count - 1)
            for i in series.indices
            where group.functions.contains(series[i].function) && !series[i].role.isDifference {
                series[i].ramp = (k, Double(series[i].function - group.functions.lowerBound) / n)
            }
        }
    }

    /// Marks the variants of one function among the figure's curves (``Series/variants``).
    /// - Parameter groups: Each group's function indices (two or more).
    public mutating func markVariants(_ groups: [[Int]]) {
        for (k, group) in groups.enumerated() where group.count >= 2 {
            for i in series.indices where group.contains(series[i].function) && !series[i].role.isDifference {
                series[i].variants = k
            }
        }
    }

    /// Keeps only the curves of the given derivative orders (0: f and f − g, 1: f′ and f′ − g′,
    /// 2: f″ and f″ − g″), as `--show` asks, and where f is left out names what is drawn on the
    /// y axis (`f′(x)`, `f′(x) − g′(x)`) unless it was named already; without f, its marked
    /// points and training bands go too.
    /// - Parameter orders: The orders to keep.
    public mutating func keepOrders(_ orders: Set<Int>) {
        series.removeAll { !orders.contains($0.role.order) }
        guard !orders.contains(0) else { return }
        // Marked points and training bands are f's.
        (marks, bands) = ([], [])
        let primes = orders.sorted().map { ["", "′", "″"][Swift.min($0, 2)] }
        if yLabel == "f(x)" {
            yLabel = primes.map { "f\($0)(x)" }.joined(separator: ", ")
        } else if yLabel == "f(x) − g(x)" {
            yLabel = primes.map { "f\($0)(x) − g\($0)(x)" }.joined(separator: ", ")
        }
    }

    /// Shades the intervals where each function is flat: |f′| < 1e-3 (dead or saturated).
    /// - Parameters:
    ///   - functions: The figure's functions, in the order they were given.
    ///   - firstFunction: The index of the first among all those plotted (panels use their own).
    public mutating func addSaturation(of functions: [Activation], firstFunction: Int = 0) {
        for (offset, function) in functions.enumerated() {
            let properties = ActivationProperties(of: function, over: xRange, samples: 4001)
            shades += properties.flatIntervals.map { Shade(range: $0, function: firstFunction + offset) }
        }
    }

    /// Adds the training band of every function among `functions` that has one (rrelu's
    /// random slopes, around the mean slope the function itself draws, as in evaluation mode).
    /// - Parameters:
    ///   - functions: The figure's functions, in the order they were given.
    ///   - firstFunction: The index of the first among all those plotted (panels use their own).
    public mutating func addTrainingBands(
        of functions: [(name: String, function: Activation)], firstFunction: Int = 0
    ) {
        let xs = Array(Sampling(from: xRange.lowerBound, to: xRange.upperBound, count: 401))
        for (offset, item) in functions.enumerated() {
            guard let band = item.function.trainingBand else { continue }
            let edges = xs.map(band.bounds(at:))
            bands.append(
                Band(
                    name: "\(item.name) \(band.quantity) "
                        + (band.summary
                            ?? "\(NumberText.format(band.range.lowerBound, significantDigits: 4))…"
                            + NumberText.format(band.range.upperBound, significantDigits: 4)),
                    function: firstFunction + offset, x: xs, low: edges.map(\.low), high: edges.map(\.high)))
        }
    }

    /// Marks f(x) of every function at each x.
    /// - Parameters:
    ///   - points: The x values.
    ///   - functions: The figure's functions, in the order they were given.
    ///   - firstFunction: The index of the first among all those plotted (panels use their own).
    public mutating func addMarks(
        at points: [Double], of functions: [(name: String, function: Activation)], firstFunction: Int = 0
    ) {
        for x in points {
            for (offset, item) in functions.enumerated() {
                let jet = item.function.jet(at: x)
                marks.append(
                    Mark(
                        x: x, y: jet.value, slope: jet.derivative, name: item.name,
                        function: firstFunction + offset))
            }
        }
    }

    /// The series in legend order: each function followed by its derivatives (f, f′, f″),
    /// then the differences, each f − g followed by f′ − g′ and f″ − g″.
    public var legendOrder: [Series] {
        func key(_ s: Series) -> (Int, Int, Int) { (s.role.isDifference ? 1 : 0, s.function, s.role.order) }
        return series.enumerated().sorted {
            let (a, b) = (key($0.element), key($1.element))
            return a != b ? a < b : $0.offset < $1.offset
        }.map(\.element)
    }

    /// What the legend lists of the curves: each series in legend order, except that curves
    /// that coincide share the first one's entry (`relu = torch.ReLU`), and a family of more
    /// than four members shows its first and last members with a line between (the `String`:
    /// `… 6 more, lighter to darker: beta = 0.5 … 4`).
    public var legendItems: [(series: Series?, note: String?)] {
        var items: [(series: Series?, note: String?)] = []
        var summarised = Set<Int>()
        // A curve named in another's entry (`relu = torch.ReLU`) gets no entry of its own.
        let merged = Set(series.flatMap { s in s.coveredBy.map { "\(s.role)|\($0)" } })
        for series in legendOrder where !merged.contains("\(series.role)|\(series.name)") {
            if let ramp = series.ramp, families.indices.contains(ramp.family) {
                let group = families[ramp.family]
                if group.functions.count > 4 && series.function != group.functions.lowerBound {
                    guard series.function == group.functions.upperBound else { continue }
                    if summarised.insert(ramp.family).inserted {
                        let more = group.functions.count - 2
                        items.append((nil, "… \(more) more, lighter to darker: \(group.varying)"))
                    }
                }
            }
            items.append((series, nil))
        }
        return items
    }

    /// The legend text of each function's flat zones, one per function that has them:
    /// `|f′| < 0.001`, led by the function's name (`gelu: |f′| < 0.001`) when several have them.
    public var flatZoneLabels: [(function: Int, text: String)] {
        let threshold = "|f′| < \(DecimalText.shortest(ActivationProperties.flatThreshold))"
        let shaded = Set(shades.map(\.function)).sorted()
        return shaded.map { function in
            let name = series.first { $0.function == function && $0.role == .value }?.name
            return (function, shaded.count > 1 ? (name.map { $0 + ": " } ?? "") + threshold : threshold)
        }
    }

    /// The smallest and largest finite y over all series, or nil when there is none.
    public var dataYRange: ClosedRange<Double>? {
        var low = Double.infinity
        var high = -Double.infinity
        for y in series.flatMap(\.y) + bands.flatMap({ $0.low + $0.high }) + marks.map(\.y) where y.isFinite {
            low = Swift.min(low, y)
            high = Swift.max(high, y)
        }
        return low <= high ? low...high : nil
    }

    /// The y interval to draw: the fixed range, or the automatic one (``automaticYRange``)
    /// padded by 4 % (a flat curve gets ±1, or ±10 %, around it), never beyond the largest
    /// finite double.
    public var yRange: ClosedRange<Double> {
        if let fixedYRange { return fixedYRange }
        guard let data = automaticYRange else { return -1...1 }
        let span = data.upperBound - data.lowerBound
        if span.isInfinite { return data }
        let pad = span > 0 ? 0.04 * span : Swift.max(abs(data.lowerBound) * 0.1, 1)
        // Padding stops at the largest double: a curve at 1.7e308 must not make the range infinite.
        let most = Double.greatestFiniteMagnitude
        return Swift.max(data.lowerBound - pad, -most)...Swift.min(data.upperBound + pad, most)
    }
}

/// Where a figure's legend goes.
public enum LegendPlacement: String, Sendable, CaseIterable {
    /// Inside the plot where it covers no data, else outside the axes (under them, or beside
    /// them when that does not fit).
    case auto
    /// Inside the plot, in the place that covers the least data.
    case inside
    /// Outside the axes: beside them on the right where it fits, else under them (images; a
    /// terminal chart puts it under the chart). The axes shrink; the image does not grow.
    case outside
    /// Under the plot.
    case below
    /// In the plot's upper left corner, whatever it covers.
    case upperLeft = "upper-left"
    /// In the plot's upper right corner, whatever it covers.
    case upperRight = "upper-right"
    /// In the plot's lower left corner, whatever it covers.
    case lowerLeft = "lower-left"
    /// In the plot's lower right corner, whatever it covers.
    case lowerRight = "lower-right"
    /// No legend (notes under a chart stay).
    case none

    /// The corner asked for, as (right, lower), or nil for the other placements.
    public var corner: (right: Bool, lower: Bool)? {
        switch self {
        case .upperLeft: (false, false)
        case .upperRight: (true, false)
        case .lowerLeft: (false, true)
        case .lowerRight: (true, true)
        default: nil
        }
    }
}
