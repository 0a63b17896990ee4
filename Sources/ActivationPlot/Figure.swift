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
            var values = [Double](repeating: 0, count: xs.count)
            var slopes = values
            var curvatures = values
            xs.withUnsafeBufferPointer { input in
                values.withUnsafeMutableBufferPointer { v in
                    slopes.withUnsafeMutableBufferPointer { d in
                        curvatures.withUnsafeMutableBufferPointer { c in
                            item.function.evaluate(input, values: v, derivatives: d, secondDerivatives: c)
                        }
                    }
                }
            }
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
        for s in series {
            for y in s.y where y.isFinite {
                low = Swift.min(low, y)
                high = Swift.max(high, y)
            }
        }
        return low <= high ? low...high : nil
    }

    /// The y interval to draw: the data range padded by 4 % (a flat curve gets ±1 around it).
    public var yRange: ClosedRange<Double> {
        guard let data = dataYRange else { return -1...1 }
        let span = data.upperBound - data.lowerBound
        if span.isInfinite { return data }
        if !(span > 0) {
            let pad = Swift.max(abs(data.lowerBound) * 0.1, 1)
            return (data.lowerBound - pad)...(data.upperBound + pad)
        }
        let pad = 0.04 * span
        return (data.lowerBound - pad)...(data.upperBound + pad)
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
