import ActivationCore

/// What a plot shows, independent of the output: series of points, axes, title.
///
/// Every writer (terminal chart, PNG, SVG) draws a `Figure`; the CSV writer streams the same
/// functions without building one.
public struct Figure: Sendable {
    /// A curve: f, f′ or f″ of one function.
    public struct Series: Sendable {
        /// How a series is drawn, so that f, f′ and f″ stay apart without colour.
        public enum Style: Int, Sendable, CaseIterable {
            /// Every dot: the function.
            case solid
            /// Every other dot: the first derivative.
            case dotted
            /// Every third dot: the second derivative.
            case sparse
        }

        /// The legend text (`relu`, `relu′`, `leaky_relu(alpha=0.2)″`).
        public var name: String
        /// Solid, dotted or sparse.
        public var style: Style
        /// Which palette colour to use.
        public var colorIndex: Int
        /// The x values (shared grid).
        public var x: [Double]
        /// The y values; NaN or ±∞ leave a gap.
        public var y: [Double]

        /// A curve through (x[i], y[i]); `x` and `y` have the same length.
        public init(name: String, style: Style, colorIndex: Int, x: [Double], y: [Double]) {
            precondition(x.count == y.count, "a series needs as many y values as x values")
            self.name = name
            self.style = style
            self.colorIndex = colorIndex
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
        /// The function's palette colour.
        public var colorIndex: Int

        /// A shaded interval in a function's colour.
        public init(range: ClosedRange<Double>, colorIndex: Int) {
            self.range = range
            self.colorIndex = colorIndex
        }
    }

    /// The region between two curves over the grid.
    public struct Band: Sendable {
        /// The legend text.
        public var name: String
        /// The function's palette colour.
        public var colorIndex: Int
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
        /// The function's palette colour.
        public var colorIndex: Int

        /// A marked point (x, y) with the slope there, labelled with the function's name.
        public init(x: Double, y: Double, slope: Double, name: String, colorIndex: Int) {
            self.x = x
            self.y = y
            self.slope = slope
            self.name = name
            self.colorIndex = colorIndex
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
    public init(
        functions: [(name: String, function: Activation)], sampling: Sampling, derivative: Bool = true,
        secondDerivative: Bool = false, title: String? = nil
    ) {
        let xs = Array(sampling)
        var series: [Series] = []
        for (index, item) in functions.enumerated() {
            let (values, slopes, curvatures) = item.function.jets(xs)
            let base = index * 3
            if secondDerivative {
                series.append(
                    Series(name: item.name + "″", style: .sparse, colorIndex: base + 2, x: xs, y: curvatures))
            }
            if derivative {
                series.append(
                    Series(name: item.name + "′", style: .dotted, colorIndex: base + 1, x: xs, y: slopes))
            }
            series.append(Series(name: item.name, style: .solid, colorIndex: base, x: xs, y: values))
        }
        self.series = series
        self.title = title ?? functions.map(\.name).joined(separator: ", ")
        self.xRange = sampling.lower...sampling.upper
    }

    /// A figure of the differences f − g between the first function and each other one
    /// (and of f′ − g′ when `derivative`), coloured like g: the `--diff` panel.
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
                        name: single ? "f′ − g′" : name + "′", style: .dotted, colorIndex: 3 * index + 1,
                        x: xs,
                        y: zip(first, jets).map { $0.derivative - $1.derivative }))
            }
            figure.series.append(
                Series(
                    name: name, style: .solid, colorIndex: 3 * index, x: xs,
                    y: zip(first, jets).map { $0.value - $1.value }))
        }
        figure.yLabel = "f(x) − g(x)"
        return figure
    }

    /// Shades the intervals where each function is flat: |f′| < 1e-3 (dead or saturated).
    /// - Parameters:
    ///   - functions: The figure's functions, in the order they were given.
    ///   - colorOffset: The palette index of the first function (panels use their own).
    public mutating func addSaturation(of functions: [Activation], colorOffset: Int = 0) {
        for (index, function) in functions.enumerated() {
            let properties = ActivationProperties(of: function, over: xRange, samples: 4001)
            shades += properties.flatIntervals.map {
                Shade(range: $0, colorIndex: 3 * (index + colorOffset))
            }
        }
    }

    /// Adds the training band of every function among `functions` that has one (rrelu's
    /// random slopes, around the mean slope the function itself draws, as in evaluation mode).
    public mutating func addTrainingBands(
        of functions: [(name: String, function: Activation)], colorOffset: Int = 0
    ) {
        let xs = Array(Sampling(from: xRange.lowerBound, to: xRange.upperBound, count: 401))
        for (index, item) in functions.enumerated() {
            guard let band = item.function.trainingBand else { continue }
            let edges = xs.map(band.bounds(at:))
            bands.append(
                Band(
                    name: "\(item.name) \(band.quantity) "
                        + "\(NumberText.format(band.range.lowerBound, significantDigits: 4))…"
                        + NumberText.format(band.range.upperBound, significantDigits: 4),
                    colorIndex: 3 * (index + colorOffset), x: xs, low: edges.map(\.low), high: edges.map(\.high)))
        }
    }

    /// Marks f(x) of every function at each x.
    public mutating func addMarks(
        at points: [Double], of functions: [(name: String, function: Activation)], colorOffset: Int = 0
    ) {
        for x in points {
            for (index, item) in functions.enumerated() {
                let jet = item.function.jet(at: x)
                marks.append(
                    Mark(
                        x: x, y: jet.value, slope: jet.derivative, name: item.name,
                        colorIndex: 3 * (index + colorOffset)))
            }
        }
    }

    /// The series in legend order: by function, then f, f′, f″.
    public var legendOrder: [Series] {
        series.enumerated().sorted {
            ($0.element.colorIndex / 3, $0.element.style.rawValue, $0.offset)
                < ($1.element.colorIndex / 3, $1.element.style.rawValue, $1.offset)
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

/// Where v lies in a range, 0 at the lower bound and 1 at the upper one, also when the range's
/// width overflows (a range from −1e308 to 1e308).
@inline(__always)
func fraction(_ v: Double, in range: ClosedRange<Double>) -> Double {
    let width = range.upperBound - range.lowerBound
    if width.isFinite { return (v - range.lowerBound) / width }
    return (v / 2 - range.lowerBound / 2) / (range.upperBound / 2 - range.lowerBound / 2)
}
