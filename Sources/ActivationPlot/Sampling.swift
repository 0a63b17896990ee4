/// Evenly spaced x values over an interval, endpoints included, each computed directly
/// (never by accumulating a step), so −5:5 with 101 samples gives −4.9, not −4.8999999999999995.
public struct Sampling: Sendable, Hashable, RandomAccessCollection {
    /// The first x.
    public let lower: Double
    /// The last x (reached exactly when the samples span the interval).
    public let upper: Double
    /// How many x values.
    public let count: Int

    /// `count` samples from `lower` to `upper` inclusive: x_i = (lower·(n−1−i) + upper·i)/(n−1).
    /// - Parameters:
    ///   - lower: The first x, finite.
    ///   - upper: The last x, finite and greater than `lower`.
    ///   - count: At least 2.
    public init(from lower: Double, to upper: Double, count: Int) {
        precondition(
            lower < upper && lower.isFinite && upper.isFinite, "the interval must be finite and non-empty")
        precondition(count >= 2, "at least two samples")
        self.lower = lower
        self.upper = upper
        self.count = count
    }

    /// Samples a step h apart from `lower`: when (upper − lower)/h is a whole number (to 1e-9),
    /// the samples end exactly at `upper`; otherwise at the last multiple of h below it.
    /// - Returns: nil when the step gives fewer than 2 samples.
    public init?(from lower: Double, to upper: Double, step: Double) {
        let intervals = (upper - lower) / step
        let whole = intervals.rounded()
        let spans = abs(intervals - whole) <= 1e-9 * Swift.max(1, whole)
        let n = spans ? whole : intervals.rounded(.down)
        guard n >= 1, n < 0x1p62 else { return nil }
        self.init(from: lower, to: spans ? upper : lower + n * step, count: Int(n) + 1)
    }

    /// The index of the first sample.
    public var startIndex: Int { 0 }
    /// One past the index of the last sample.
    public var endIndex: Int { count }

    /// The i-th x.
    public subscript(i: Int) -> Double {
        if i == 0 { return lower }
        if i == count - 1 { return upper }
        let n = Double(count - 1)
        let (a, b) = (lower * (n - Double(i)), upper * Double(i))
        let sum = a + b
        if sum.isFinite { return sum / n }
        // Near the ends of the double range the products overflow; divide first.
        return lower / n * (n - Double(i)) + upper / n * Double(i)
    }
}
