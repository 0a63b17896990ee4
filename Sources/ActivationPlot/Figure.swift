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

        /// The order of the derivative drawn: 0 for f and f − g, 1 for f′ and f′ − g′, 2 for f″.
        ///
        /// Writers tell the orders apart by pattern (solid, dashed, dotted), so a plot reads
        /// without colour.
        public var order: Int {
            switch self {
            case .value, .difference: 0
            case .derivative, .derivativeDifference: 1
            case .secondDerivative: 2
            }
        }
    }

    /// A curve: f, f′, f″ or a difference of one function.
    public struct Series: Sendable {
        /// The legend text (`relu`, `relu′`, `leaky_relu(alpha=0.2)″`).
        public var name: String
        /// Which of the plotted functions it belongs to, 0 for the first: writers colour by it.
        public var function: Int
        /// What it shows of the function.
        public var role: Role
        /// The x values (shared grid).
        public var x: [Double]
        /// The y values; NaN or ±∞ leave a gap.
        public var y: [Double]

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
    /// The curves, drawn in order (later ones on top).
    public var series: [Series]
    /// The x interval shown.
    public var xRange: ClosedRange<Double>
    /// A y interval to use instead of the data's (side-by-side panels share one).
    public var fixedYRange: ClosedRange<Double>?
    /// Shaded x intervals: where a function is flat (`--saturation`).
    public var shades: [Shade] = []
    /// Filled bands between two curves (rrelu's range of random slopes).
    public var bands: [Band] = []
    /// Marked points with their values (`--mark`).
    public var marks: [Mark] = []

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
        /// Where.
        public var x: Double
        /// f(x).
        public var y: Double
        /// f′(x).
        public var slope: Double
        /// The function's name.
        public var name: String
        /// The function it belongs to (its index among those plotted).
        public var function: Int

        /// A marked point (x, y) with the slope there, labelled with the function's name.
        public init(x: Double, y: Double, slope: Double, name: String, function: Int) {
            self.x = x
            self.y = y
            self.slope = slope
            self.name = name
            self.function = function
        }

        /// `gelu(0.5) = 0.34571, gelu′ = 0.86718` with 5 significant digits.
        public var label: String {
            let x = DecimalText.shortest(self.x)
            return "\(name)(\(x)) = \(NumberText.format(y, significantDigits: 5)), "
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
        var series: [Series] = []
        for (offset, item) in functions.enumerated() {
            let (values, slopes, curvatures) = item.function.jets(xs)
            let function = firstFunction + offset
            if secondDerivative {
                series.append(
                    Series(
                        name: item.name + "″", function: function, role: .secondDerivative, x: xs,
                        y: curvatures))
            }
            if derivative {
                series.append(
                    Series(name: item.name + "′", function: function, role: .derivative, x: xs, y: slopes))
            }
            series.append(Series(name: item.name, function: function, role: .value, x: xs, y: values))
        }
        self.series = series
        self.title = title ?? functions.map(\.name).joined(separator: ", ")
        self.xRange = sampling.lower...sampling.upper
    }

    /// A figure of the differences f − g between the first function and each other one
    /// (and of f′ − g′ when `derivative`), each belonging to g: the `--diff` panel.
    /// - Parameters:
    ///   - functions: At least two activations; the first is f.
    ///   - sampling: The x grid.
    ///   - derivative: Include f′ − g′.
    /// - Returns: The figure, titled "differences from f"; with one g its series are named
    ///   `f − g` and `f′ − g′`, else `f − name` for each.
    public static func differences(
        of functions: [(name: String, function: Activation)], sampling: Sampling, derivative: Bool = true
    ) -> Figure {
        precondition(functions.count >= 2, "a difference needs two functions")
        var figure = Figure(functions: [], sampling: sampling, title: "differences from \(functions[0].name)")
        let xs = Array(sampling)
        let first = xs.map { functions[0].function.jet(at: $0) }
        for (index, item) in functions.enumerated().dropFirst() {
            let jets = xs.map { item.function.jet(at: $0) }
            let single = functions.count == 2
            let name = single ? "f − g" : "f − " + item.name
            if derivative {
                figure.series.append(
                    Series(
                        name: single ? "f′ − g′" : name + "′", function: index, role: .derivativeDifference,
                        x: xs,
                        y: zip(first, jets).map { $0.derivative - $1.derivative }))
            }
            figure.series.append(
                Series(
                    name: name, function: index, role: .difference, x: xs,
                    y: zip(first, jets).map { $0.value - $1.value }))
        }
        figure.yLabel = "f(x) − g(x)"
        return figure
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

    /// The series in legend order: by function, then f, f′, f″ (a difference beside the
    /// function it belongs to, by its order).
    public var legendOrder: [Series] {
        series.enumerated().sorted {
            ($0.element.function, $0.element.role.order, $0.offset)
                < ($1.element.function, $1.element.role.order, $1.offset)
        }.map(\.element)
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

    /// The y interval to draw: the data range padded by 4 % (a flat curve gets ±1, or ±10 %,
    /// around it), never beyond the largest finite double.
    public var yRange: ClosedRange<Double> {
        if let fixedYRange { return fixedYRange }
        guard let data = dataYRange else { return -1...1 }
        let span = data.upperBound - data.lowerBound
        if span.isInfinite { return data }
        let pad = span > 0 ? 0.04 * span : Swift.max(abs(data.lowerBound) * 0.1, 1)
        // Padding stops at the largest double: a curve at 1.7e308 must not make the range infinite.
        let most = Double.greatestFiniteMagnitude
        return Swift.max(data.lowerBound - pad, -most)...Swift.min(data.upperBound + pad, most)
    }
}
