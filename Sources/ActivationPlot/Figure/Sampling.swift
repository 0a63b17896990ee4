import ActivationCore

/// Evenly spaced x values over an interval, endpoints included, each the double nearest the
/// exact decimal value.
///
/// The ends (and a step) are read as the shortest decimals that name
/// them, which are what the user typed, and x_i is computed from them in exact integer
/// arithmetic, then rounded once. So −1:1 by 0.3 gives −0.7, not −0.7000000000000001, and
/// −1e-9:1e-9 in 5 samples gives −5e-10.
///
/// A grid whose decimals do not fit in 128-bit integers (−1e-300:1e300) falls back to
/// x_i = (lower·(n−1−i) + upper·i)/(n−1) in doubles.
public struct Sampling: Sendable, Hashable, RandomAccessCollection {
    /// The first x.
    public let lower: Double
    /// The last x (reached exactly when the samples span the interval).
    public let upper: Double
    /// How many x values.
    public let count: Int
    /// x_i = (start·denominator + i·increment)/denominator · 10^exponent, exactly.
    private var grid: DecimalGrid?
    /// How the samples are spaced: evenly in x (linear), or evenly in their position on a log
    /// or symlog axis.
    public private(set) var scale: AxisScale

    /// `count` samples from `lower` to `upper` inclusive: x_i = lower + i·(upper − lower)/(n−1).
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
        self.scale = .linear
        grid = DecimalGrid(lower, upper, intervals: count - 1)
    }

    /// `count` samples from `lower` to `upper` inclusive, evenly spaced on an axis of `scale`.
    ///
    /// Log-spaced on a log axis (`lower` > 0), evenly in sign(x)·log₁₀(1 + |x|/t) on a symlog
    /// one. The ends are `lower` and `upper` exactly.
    /// - Parameters:
    ///   - lower: The first x, finite (positive on a log axis).
    ///   - upper: The last x, finite and greater than `lower`.
    ///   - count: At least 2.
    ///   - scale: The x axis's scale.
    public init(from lower: Double, to upper: Double, count: Int, scale: AxisScale) {
        self.init(from: lower, to: upper, count: count)
        if scale != .linear {
            precondition(scale.position(lower).isFinite, "a log axis needs lower > 0")
            self.scale = scale
            grid = nil
        }
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
        self.lower = lower
        self.scale = .linear
        self.count = Int(n) + 1
        if spans {
            self.upper = upper
            grid = DecimalGrid(lower, upper, intervals: count - 1)
        } else {
            grid = DecimalGrid(lower, step: step)
            self.upper = grid?.x(count - 1) ?? lower + n * step
        }
    }

    /// The index of the first sample.
    public var startIndex: Int { 0 }
    /// One past the index of the last sample.
    public var endIndex: Int { count }

    /// The i-th x.
    public subscript(i: Int) -> Double {
        if i == 0 { return lower }
        if i == count - 1 { return upper }
        if scale != .linear {
            let (a, b) = (scale.position(lower), scale.position(upper))
            return scale.value(at: a + (b - a) * Double(i) / Double(count - 1))
        }
        if let x = grid?.x(i) { return x }
        let n = Double(count - 1)
        let (a, b) = (lower * (n - Double(i)), upper * Double(i))
        let sum = a + b
        if sum.isFinite { return sum / n }
        // Near the ends of the double range the products overflow; divide first.
        return lower / n * (n - Double(i)) + upper / n * Double(i)
    }

    /// Samplings are equal when they give the same x values.
    public static func == (a: Sampling, b: Sampling) -> Bool {
        a.lower == b.lower && a.upper == b.upper && a.count == b.count && a.scale == b.scale
    }

    /// Hashes the ends and the count.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(lower)
        hasher.combine(upper)
        hasher.combine(count)
    }
}

/// An even grid in exact decimal arithmetic: x_i = (start + i·increment)/denominator · 10^exponent.
///
/// Almost every grid a user asks for fits in 64 bits: its numerators and the divisor
/// denominator·10^−exponent (or the multiplier 10^exponent) are exact doubles, so x_i is one
/// correctly rounded division of two exact doubles (``quick``), a few instructions. Wider grids
/// take the exact 128-bit route.
struct DecimalGrid: Sendable {
    let start: Int128
    let increment: Int128
    let denominator: Int128
    let exponent: Int
    /// The largest i for which start + i·increment cannot overflow.
    let last: Int
    /// The grid in exact doubles, when it fits: x_i = (start + i·increment)·multiplier / divisor,
    /// every term below 2^53 for every i ≤ ``last``.
    let quick: (start: Int64, increment: Int64, multiplier: Int64, divisor: Double)?

    /// The grid from `lower` to `upper` in `intervals` equal steps.
    init?(_ lower: Double, _ upper: Double, intervals: Int) {
        guard let a = Decimal128(lower), let b = Decimal128(upper) else { return nil }
        let e = Swift.min(a.exponent, b.exponent)
        guard let l = a.scaled(to: e), let u = b.scaled(to: e) else { return nil }
        let q = Int128(intervals)
        let (start, o1) = l.multipliedReportingOverflow(by: q)
        let (increment, o2) = u.subtractingReportingOverflow(l)
        guard !o1, !o2 else { return nil }
        self.init(start: start, increment: increment, denominator: q, exponent: e, last: intervals)
    }

    /// The grid lower, lower + step, lower + 2·step, … while it stays in 128 bits.
    init?(_ lower: Double, step: Double) {
        guard let a = Decimal128(lower), let h = Decimal128(step) else { return nil }
        let e = Swift.min(a.exponent, h.exponent)
        guard let l = a.scaled(to: e), let s = h.scaled(to: e), s > 0 else { return nil }
        let last = Int(clamping: (Int128(1) << 124) / s)
        self.init(start: l, increment: s, denominator: 1, exponent: e, last: last)
    }

    /// Nil when start + i·increment could overflow for some i ≤ last.
    private init?(start: Int128, increment: Int128, denominator: Int128, exponent: Int, last: Int) {
        let bound = Int128(1) << 125
        let (reach, overflow) = increment.multipliedReportingOverflow(by: Int128(last))
        guard !overflow, abs(reach) < bound, abs(start) < bound else { return nil }
        self.start = start
        self.increment = increment
        self.denominator = denominator
        self.exponent = exponent
        self.last = last
        quick = Self.quick(
            start: start, reach: reach, increment: increment, denominator: denominator, exponent: exponent)
    }

    /// The grid's terms as exact doubles, when every numerator times the multiplier and the
    /// divisor are below 2^53 (one division of exact operands is then correctly rounded:
    /// Clinger's observation).
    private static func quick(
        start: Int128, reach: Int128, increment: Int128, denominator: Int128, exponent: Int
    ) -> (start: Int64, increment: Int64, multiplier: Int64, divisor: Double)? {
        let exact = Int128(1) << 53
        guard abs(exponent) <= 15, abs(start) <= exact, abs(start + reach) <= exact else { return nil }
        let power = Decimal128.powersOfTen[abs(exponent)]
        let (multiplier, scale) = exponent >= 0 ? (power, Int128(1)) : (Int128(1), power)
        let (divisor, overflow) = denominator.multipliedReportingOverflow(by: scale)
        // The numerators run from start to start + reach; both ends bound every one between.
        guard !overflow, divisor <= exact, abs(start) * multiplier <= exact,
            abs(start + reach) * multiplier <= exact
        else { return nil }
        return (Int64(start), Int64(increment), Int64(multiplier), Double(Int64(divisor)))
    }

    /// The double nearest x_i, or nil when i is beyond the grid's exact reach.
    @inline(__always)
    func x(_ i: Int) -> Double? {
        guard i >= 0 && i <= last else { return nil }
        if let q = quick {
            return Double((q.start + Int64(i) * q.increment) * q.multiplier) / q.divisor
        }
        let numerator = start + Int128(i) * increment
        return Self.nearest(numerator, over: denominator, times: exponent)
    }

    /// The double nearest numerator/denominator · 10^exponent (denominator > 0).
    static func nearest(_ numerator: Int128, over denominator: Int128, times exponent: Int) -> Double {
        let exact = Int128(1) << 53
        // One correctly rounded operation on exact operands is correctly rounded (Clinger).
        if abs(numerator) <= exact, (-22...22).contains(exponent) {
            let scale = Decimal128.powersOfTen[abs(exponent)]
            if exponent <= 0, denominator <= exact / scale {
                return Double(Int64(numerator)) / Double(Int64(denominator * scale))
            }
            if exponent > 0, denominator == 1, abs(numerator) <= exact / scale {
                return Double(Int64(numerator * scale))
            }
        }
        return longDivision(numerator, over: denominator, times: exponent)
    }

    /// numerator/denominator · 10^exponent to 40 significant digits, a sticky digit when the
    /// division is not exact, read back by Swift's correctly rounded parser.
    private static func longDivision(_ numerator: Int128, over denominator: Int128, times exponent: Int)
        -> Double
    {
        let d = UInt128(denominator)
        var quotient = numerator.magnitude / d
        var remainder = numerator.magnitude % d
        var digits = quotient == 0 ? "" : String(quotient)
        var fraction = 0
        while digits.count < 40 && remainder != 0 {
            remainder *= 10
            quotient = remainder / d
            remainder %= d
            digits += String(quotient)
            fraction += 1
            if digits == "0" { digits = "" }
        }
        if remainder != 0 { (digits, fraction) = (digits + "1", fraction + 1) }
        if digits.isEmpty { return numerator < 0 ? -0.0 : 0 }
        let text = (numerator < 0 ? "-" : "") + digits + "e\(exponent - fraction)"
        return Double(text) ?? .nan
    }
}

/// A double's shortest decimal as an integer significand and a power of ten.
struct Decimal128 {
    let significand: Int128
    let exponent: Int

    /// 10⁰ … 10³⁸.
    static let powersOfTen: [Int128] = (0...38).reduce(into: []) { p, i in
        p.append(i == 0 ? 1 : p[i - 1] * 10)
    }

    /// The shortest decimal of a finite x: −0.7 → (−7, −1), 1e-9 → (1, −9).
    init?(_ x: Double) {
        guard x.isFinite else { return nil }
        let text = DecimalText.shortest(x)
        let parts = text.split(separator: "e", maxSplits: 1)
        var mantissa = String(parts[0])
        var exponent = parts.count > 1 ? Int(parts[1]) ?? 0 : 0
        if let dot = mantissa.firstIndex(of: ".") {
            exponent -= mantissa.distance(from: dot, to: mantissa.endIndex) - 1
            mantissa.remove(at: dot)
        }
        guard let significand = Int128(mantissa) else { return nil }
        self.significand = significand
        self.exponent = exponent
    }

    /// The significand for a smaller exponent (more digits), or nil when it overflows.
    func scaled(to e: Int) -> Int128? {
        let shift = exponent - e
        guard shift >= 0, shift <= 38 else { return nil }
        let (v, overflow) = significand.multipliedReportingOverflow(by: Self.powersOfTen[shift])
        return overflow ? nil : v
    }
}
