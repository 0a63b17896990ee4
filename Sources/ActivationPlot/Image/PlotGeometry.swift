import ActivationCore

/// Where a static plot's parts go, in pixels (y down), computed once from the figure and the
/// image size: the plot area, the ranges it shows and their ticks.
///
/// ``x(_:)`` and ``y(_:)`` map data to pixels through ``fraction(_:in:)``; the drawing and the
/// tests that look for a curve's pixel use the same two functions.
struct PlotGeometry {
    let width: Int
    let height: Int
    /// Pixels kept under the x axis's name for a legend (0 when the legend is inside).
    let below: Double
    /// Pixels per unit length: 2 doubles every length.
    let scale: Double
    let font = GlyphFont.dejaVuSans
    /// Text sizes in pixels.
    let tickSize, labelSize, titleSize, legendSize: Double
    /// The plot area's edges.
    let left, top, right, bottom: Double
    /// The intervals shown (y's as positions on its axis).
    let xRange, yRange: ClosedRange<Double>
    /// How the axes place values.
    let yScale, xScale: AxisScale
    /// The ticks of each axis; y's labels with typographic minus signs.
    let xTicks, yTicks: [Tick]
    let yLabels: [String]
    /// The title as drawn: one line, or several when it is too wide for the image, and the
    /// text size that makes every line fit.
    let title: (lines: [String], size: Double)

    /// - Parameters:
    ///   - below: Pixels kept free under the x axis's name, for a legend there.
    ///   - beside: Pixels kept free right of the plot area, for a legend there.
    init(figure: Figure, width: Int, height: Int, scale s: Double, below: Double = 0, beside: Double = 0) {
        self.below = below
        self.yScale = figure.yScale
        self.xScale = figure.xScale
        self.width = width
        self.height = height
        self.scale = s
        let k = figure.fontSize / 14
        (tickSize, labelSize, titleSize, legendSize) = (14 * k * s, 16 * k * s, 19 * k * s, 14 * k * s)
        let title = Self.fit(figure.title, width: Double(width) - 16 * s, size: titleSize, font: font)
        self.title = title
        let top = figure.title.isEmpty ? 24 * s : 64 * s + Double(title.lines.count - 1) * 1.2 * title.size
        let bottom = Double(height) - (10 + 6 + 8) * s - tickSize - 8 * s - labelSize - below
        let yRange = figure.yRange
        let (font, tickSize) = (font, tickSize)
        let yOf = { (v: Double) -> Double in top + (1 - fraction(v, in: yRange)) * (bottom - top) }
        let yTarget = Swift.max(3, Swift.min(9, Int((bottom - top) / (3.2 * tickSize))))
        let yTicks = figure.yScale.ticks(from: yRange.lowerBound, to: yRange.upperBound, target: yTarget) {
            ticks in
            zip(ticks, ticks.dropFirst()).allSatisfy { yOf($0.value) - yOf($1.value) >= 1.6 * tickSize }
        }
        let yLabels = yTicks.map { Self.typographic($0.label) }
        let labelWidth = yLabels.map { font.width(of: $0, size: tickSize) }.max() ?? 0
        let left = (14 * s + labelWidth + 8 * s + 6 * s).rounded()
        let right = Double(width) - 28 * s - beside
        let xRange = figure.xRange
        let xOf = { (v: Double) -> Double in left + fraction(v, in: xRange) * (right - left) }
        // At least five labelled ticks where they fit (the fit check drops labellings that touch).
        let xTarget = Swift.max(5, Swift.min(11, Int((right - left) / (5 * tickSize))))
        xTicks = figure.xScale.ticks(from: xRange.lowerBound, to: xRange.upperBound, target: xTarget) {
            ticks in
            var end = -Double.infinity
            for tick in ticks {
                let w = font.width(of: Self.typographic(tick.label), size: tickSize)
                let start = xOf(tick.value) - w / 2
                if start < end + tickSize { return false }
                end = start + w
            }
            return true
        }
        (self.left, self.top, self.right, self.bottom) = (left, top, right, bottom)
        (self.xRange, self.yRange, self.yTicks, self.yLabels) = (xRange, yRange, yTicks, yLabels)
    }

    /// The pixel column of x.
    func x(_ v: Double) -> Double { left + fraction(v, in: xRange) * (right - left) }

    /// The pixel row of y.
    func y(_ v: Double) -> Double { top + (1 - fraction(v, in: yRange)) * (bottom - top) }

    /// The plot area's edges on whole pixels: where the frame's rules start.
    var pixelEdges: (left: Int, top: Int, right: Int, bottom: Int) {
        (pixel(left), pixel(top), pixel(right), pixel(bottom))
    }

    /// The width of a rule, whole pixels.
    var rule: Int { length(1) }

    /// A length in whole pixels, at least 1.
    func length(_ v: Double) -> Int { Swift.max(1, pixel(v * scale)) }

    /// A title that fits `width`.
    ///
    /// At `size` if it can, else smaller (down to 80 %), else broken at spaces into lines of
    /// that size, each made to fit (down to half size for a word longer than the width). At
    /// most two lines: the second, and a line still too wide at half size, are cut with an
    /// ellipsis; a title of thousands of characters stays readable instead of shrinking to
    /// nothing.
    static func fit(_ text: String, width: Double, size: Double, font: GlyphFont) -> (
        lines: [String], size: Double
    ) {
        guard !text.isEmpty else { return ([], size) }
        if font.width(of: text, size: size) <= width { return ([text], size) }
        let smaller = 0.8 * size
        if font.width(of: text, size: smaller) <= width { return ([text], smaller) }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty && font.width(of: candidate, size: smaller) > width {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        lines.append(line)
        if lines.count > 2 { lines = Array(lines.prefix(2)) + [""] }
        let widest = lines.map { font.width(of: $0, size: smaller) }.max() ?? 0
        // Shrunk to fit down to half size; a line that would need less is cut at 80 % instead.
        let fitting = smaller * width / Swift.max(widest, 1)
        let final = widest > width && fitting >= 0.5 * size ? fitting : smaller
        let cut = lines.count > 2
        lines = lines.prefix(2).enumerated().map { i, text in
            let last = cut && i == 1
            guard last || font.width(of: text, size: final) > width else { return text }
            // The longest prefix that fits with the ellipsis, by bisection (a title may be 128 KiB).
            let characters = Array(text)
            var (fits, tooLong) = (0, characters.count + 1)
            while tooLong - fits > 1 {
                let middle = (fits + tooLong) / 2
                if font.width(of: String(characters[..<middle]) + "…", size: final) <= width {
                    fits = middle
                } else {
                    tooLong = middle
                }
            }
            return String(characters[..<fits]) + "…"
        }
        return (lines, final)
    }

    /// Tick labels with U+2212 minus signs.
    static func typographic(_ label: String) -> String {
        String(label.map { $0 == "-" ? "\u{2212}" : $0 })
    }
}
