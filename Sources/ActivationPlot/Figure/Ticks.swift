import ActivationCore

/// One tick: its value and its label, which prints the value exactly.
public struct Tick: Sendable, Hashable {
    /// The position.
    public let value: Double
    /// The text: the fewest decimals that print every tick of the axis exactly (`0.5`, `-2.5`,
    /// `1e-7`), with `-` as the minus sign (the PNG writer substitutes U+2212).
    public let label: String
}

/// Nice tick positions by Talbot, Lin and Hanrahan's extension of Wilkinson's algorithm
/// (IEEE TVCG 16(6), 2010), as in R's `labeling::extended`: nice steps q·10^z with
/// q ∈ {1, 5, 2, 2.5, 4, 3}, scored on simplicity, coverage, density and legibility.
///
/// Tick k is start·q·10^z + k·step computed from integers, and labels are written from the
/// integer mantissa and decimal exponent, so `0.1 + 0.2` never shows up as `0.30000000000000004`.
public enum TickEngine {
    static let steps: [(q: Double, digits: Int, scaled: Int)] = [
        (1, 0, 1), (5, 0, 5), (2, 0, 2), (2.5, 1, 25), (4, 0, 4), (3, 0, 3),
    ]
    static let weights = (simplicity: 0.25, coverage: 0.2, density: 0.5, legibility: 0.05)

    /// Ticks for the data interval [lower, upper].
    /// - Parameters:
    ///   - lower: The smallest value to show.
    ///   - upper: The largest value to show (> lower).
    ///   - target: The number of ticks wanted (≥ 2).
    ///   - fits: Whether a candidate's labels can be drawn without overlap; candidates that do
    ///     not fit are skipped (the terminal chart rejects colliding x labels this way).
    /// - Returns: At least two ticks inside [lower, upper], in increasing order: the best
    ///   labelling that fits, else the best nice one, else exactly the interval's ends.
    public static func ticks(
        from lower: Double, to upper: Double, target: Int, fits: ([Tick]) -> Bool = { _ in true }
    ) -> [Tick] {
        precondition(
            lower < upper && lower.isFinite && upper.isFinite, "tick range must be finite and non-empty")
        let found = withoutActuallyEscaping(fits) { fits in
            var search = Search(lower: lower, upper: upper, target: target, fits: fits)
            search.run()
            // The best labelling whose labels do not fit comes next: on a tiny axis, nice numbers
            // that touch read better than the interval's ends to 17 digits.
            return search.best?.ticks ?? search.crowded?.ticks
        }
        if let found { return found }
        return [
            Tick(value: lower, label: DecimalText.shortest(lower)),
            Tick(value: upper, label: DecimalText.shortest(upper)),
        ]
    }

    /// The state of one search, and the best labellings so far.
    ///
    /// The range is scaled to about [1, 10) wide, so that the scores never under- or overflow
    /// (coverage squares a tenth of the range); the exponent of the scale goes back into the
    /// labels.
    private struct Search {
        let (exactLower, exactUpper): (Double, Double)
        let (lower, upper, range): (Double, Double, Double)
        let (unit, shift): (Double, Int)
        /// The number of ticks wanted.
        let m: Double
        let fits: ([Tick]) -> Bool
        var best: (score: Double, ticks: [Tick])?
        var crowded: (score: Double, ticks: [Tick])?

        init(lower: Double, upper: Double, target: Int, fits: @escaping ([Tick]) -> Bool) {
            (exactLower, exactUpper) = (lower, upper)
            let width = (upper - lower).isFinite ? upper - lower : upper / 10 - lower / 10
            shift = Int(floor(log10(width)))
            unit = pow(10, Double(shift))
            (self.lower, self.upper) = (lower / unit, upper / unit)
            range = self.upper - self.lower
            m = Double(Swift.max(target, 2))
            self.fits = fits
        }

        /// The score to beat.
        var bar: Double { best?.score ?? -2 }

        /// Skips j = 1, 2, … and the nice steps q, until no later candidate can beat the best.
        mutating func run() {
            var j = 1.0
            while j < 20 {
                for (index, step) in steps.enumerated() {
                    let sm = simplicityMax(Double(index), j)
                    if weights.simplicity * sm + weights.coverage + weights.density + weights.legibility < bar
                    {
                        return
                    }
                    searchCounts(j: j, index: index, step: step, simplicity: sm)
                }
                j += 1
            }
        }

        /// Tick counts k = 2, 3, … for one j and q.
        private mutating func searchCounts(
            j: Double, index: Int, step: (q: Double, digits: Int, scaled: Int), simplicity sm: Double
        ) {
            var k = 2.0
            while k < 50 {
                let dm = densityMax(k, m)
                if weights.simplicity * sm + weights.coverage + weights.density * dm + weights.legibility
                    < bar
                {
                    return
                }
                let delta = range / (k + 1) / j / step.q
                var z = ceil(log10(delta))
                while z < 330 {
                    let size = j * step.q * pow(10, z)
                    guard size.isFinite, size > 0 else { break }
                    let cm = coverageMax(lower, upper, size * (k - 1))
                    if weights.simplicity * sm + weights.coverage * cm + weights.density * dm
                        + weights.legibility
                        < bar
                    {
                        break
                    }
                    searchStarts(j: j, index: index, step: step, k: k, z: z, size: size)
                    z += 1
                }
                k += 1
            }
        }

        /// Every start of k ticks `size` apart that covers the range.
        private mutating func searchStarts(
            j: Double, index: Int, step: (q: Double, digits: Int, scaled: Int), k: Double, z: Double,
            size: Double
        ) {
            let minStart = floor(upper / size) * j - (k - 1) * j
            let maxStart = ceil(lower / size) * j
            // Tick mantissas must stay exact integers (a range a few ulps wide far from 0 would
            // otherwise need `start += 1` beyond 2^53, which never moves).
            let exact = Swift.max(abs(minStart), abs(maxStart)) * Double(step.scaled) < 0x1p52
            guard minStart <= maxStart, exact else { return }
            var start = minStart
            while start <= maxStart {
                let first = start * (size / j)
                let last = first + size * (k - 1)
                let s = simplicity(Double(index), j, first, last, size)
                let c = coverage(lower, upper, first, last)
                let g = density(k, m, lower, upper, first, last)
                // A small preference for labelling both ends of the range, so that −5:5 is
                // labelled −5 … 5 rather than −4 … 4 when the two tie.
                let ends = abs(first - lower) < 1e-9 * range && abs(last - upper) < 1e-9 * range
                let score =
                    weights.simplicity * s + weights.coverage * c + weights.density * g + weights.legibility
                    + (ends ? 0.01 : 0)
                if score > bar {
                    consider(make(start: start, j: j, k: Int(k), step: step, z: Int(z) + shift), score: score)
                }
                start += 1
            }
        }

        /// Keeps a labelling as the best that fits, or the best that does not.
        private mutating func consider(_ candidate: [Tick], score: Double) {
            let slack = 1e-9 * range * unit
            let ticks = candidate.filter { $0.value >= exactLower - slack && $0.value <= exactUpper + slack }
            guard ticks.count >= 2 else { return }
            if fits(ticks) {
                best = (score, ticks)
            } else if score > (crowded?.score ?? -2) {
                crowded = (score, ticks)
            }
        }
    }

    /// Ticks (start + i·j)·q·10^z for i < k, with labels from integer mantissas.
    static func make(start: Double, j: Double, k: Int, step: (q: Double, digits: Int, scaled: Int), z: Int)
        -> [Tick]
    {
        let exponent = z - step.digits
        let mantissas = (0..<k).map { i in (start + Double(i) * j) * Double(step.scaled) }
        var texts = mantissas.map { decimal(mantissa: $0, exponent: exponent) }
        // One notation per axis: if any label needs an exponent, every non-zero label gets one
        // (−1e6, −8e5, …, 1e6 rather than −1e6, −800000, …).
        if texts.contains(where: { $0.contains("e") }) {
            texts = mantissas.map { decimal(mantissa: $0, exponent: exponent, scientific: true) }
        }
        return zip(mantissas, texts).map { mantissa, text in
            Tick(value: Double(text) ?? mantissa * pow(10, Double(exponent)), label: text)
        }
    }

    /// The exact decimal text of mantissa·10^exponent (mantissa a whole number): positional
    /// between 1e-4 and 999999, else (or when `scientific`) with an exponent.
    static func decimal(mantissa: Double, exponent: Int, scientific: Bool = false) -> String {
        if mantissa == 0 { return "0" }
        var digits = String(Int64(abs(mantissa)))
        var e = exponent
        while digits.count > 1 && digits.hasSuffix("0") {
            digits.removeLast()
            e += 1
        }
        let sign = mantissa < 0 ? "-" : ""
        let magnitude = digits.count - 1 + e  // exponent of the leading digit
        if magnitude >= 6 || magnitude <= -5 || scientific {
            let head = digits.prefix(1)
            let tail = digits.dropFirst()
            return sign + head + (tail.isEmpty ? "" : "." + tail) + "e" + (magnitude < 0 ? "-" : "")
                + String(abs(magnitude))
        }
        if e >= 0 { return sign + digits + String(repeating: "0", count: e) }
        let point = digits.count + e
        if point > 0 {
            let index = digits.index(digits.startIndex, offsetBy: point)
            return sign + digits[..<index] + "." + digits[index...]
        }
        return sign + "0." + String(repeating: "0", count: -point) + digits
    }

    static func simplicity(_ i: Double, _ j: Double, _ first: Double, _ last: Double, _ size: Double)
        -> Double
    {
        let n = Double(steps.count)
        let remainder = abs(first.truncatingRemainder(dividingBy: size))
        let zeroIsTick =
            first <= 0 && last >= 0 && (remainder < 1e-10 * size || size - remainder < 1e-10 * size)
        return 1 - i / (n - 1) - j + (zeroIsTick ? 1 : 0)
    }

    static func simplicityMax(_ i: Double, _ j: Double) -> Double {
        2 - i / Double(steps.count - 1) - j
    }

    static func coverage(_ lower: Double, _ upper: Double, _ first: Double, _ last: Double) -> Double {
        let range = upper - lower
        return 1 - 0.5 * (pow(upper - last, 2) + pow(lower - first, 2)) / pow(0.1 * range, 2)
    }

    static func coverageMax(_ lower: Double, _ upper: Double, _ span: Double) -> Double {
        let range = upper - lower
        guard span > range else { return 1 }
        let half = (span - range) / 2
        return 1 - 0.5 * (2 * half * half) / pow(0.1 * range, 2)
    }

    static func density(
        _ k: Double, _ m: Double, _ lower: Double, _ upper: Double, _ first: Double, _ last: Double
    )
        -> Double
    {
        let r = (k - 1) / (last - first)
        let rt = (m - 1) / (Swift.max(last, upper) - Swift.min(lower, first))
        return 2 - Swift.max(r / rt, rt / r)
    }

    static func densityMax(_ k: Double, _ m: Double) -> Double {
        k >= m ? 2 - (k - 1) / (m - 1) : 1
    }
}
