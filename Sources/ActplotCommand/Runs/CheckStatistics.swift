import ActivationCore

/// The inputs a check reports on apart, besides all of them; a row may be in several.
enum CheckRegion: Int, CaseIterable {
    case all
    /// x ≤ −2⁻⁶.
    case negative
    /// |x| < 2⁻⁶.
    case nearZero
    /// x ≥ 2⁻⁶.
    case positive
    /// Subnormal inputs.
    case subnormal
    /// Where the true |f′| is below one ulp of f: the function is flat in the format.
    case saturated
    /// NaN and ±∞ inputs.
    case nonFinite

    /// The regions of which every row is in exactly one (by index).
    static let exclusive: Set<Int> = [negative, nearZero, positive, nonFinite].map(\.rawValue).reduce(into: []
    ) {
        $0.insert($1)
    }

    /// The region of x among those every row is in one of: x ≤ −2⁻⁶, |x| < 2⁻⁶, x ≥ 2⁻⁶, NaN and ±∞.
    @inline(__always)
    static func containing(_ x: Double) -> CheckRegion {
        guard x.isFinite else { return .nonFinite }
        return x <= -0x1p-6 ? .negative : x >= 0x1p-6 ? .positive : .nearZero
    }

    /// The region's name in reports.
    func name(unicode: Bool) -> String {
        switch self {
        case .all: "all"
        case .negative: unicode ? "x ≤ −2⁻⁶" : "x <= -2^-6"
        case .nearZero: unicode ? "|x| < 2⁻⁶" : "|x| < 2^-6"
        case .positive: unicode ? "x ≥ 2⁻⁶" : "x >= 2^-6"
        case .subnormal: "subnormal x"
        case .saturated: "saturated"
        case .nonFinite: "NaN and ±∞ x"
        }
    }

    /// The region's key in JSON.
    var key: String {
        switch self {
        case .all: "all"
        case .negative: "negative"
        case .nearZero: "near_zero"
        case .positive: "positive"
        case .subnormal: "subnormal"
        case .saturated: "saturated"
        case .nonFinite: "non_finite"
        }
    }
}

/// What a check found for f or for f′ over one region: errors in ulps of the format (|y − t| /
/// ulp(t), t the exact value) and relative to |t|, and the events that are counted apart.
struct ErrorSummary {
    /// Rows in the region.
    var rows = 0
    /// Rows whose result has the bits of the correctly rounded value.
    var bitExact = 0
    /// Rows whose error was measured (both finite, not counted apart below).
    var measured = 0
    var sumUlps = 0.0
    var maxUlps = 0.0
    var sumRelative = 0.0
    var maxRelative = 0.0
    /// Rows with a relative error (t ≠ 0).
    var relativeRows = 0
    /// Errors in ulps, by bin (``bin(_:)``), for percentiles.
    var histogram: [Int]
    /// y = ±0 where the correctly rounded value is a normal number.
    var falseZeros = 0
    /// y and the correctly rounded value differ where either is NaN or ±∞.
    var nonFinite = 0
    /// y = ±0 where the correctly rounded value is ∓0.
    var zeroSign = 0
    /// y = ±0 where the correctly rounded value is subnormal (flushed to zero), or a subnormal
    /// input's result is f(0)'s (its input flushed).
    var flushed = 0
    /// The least and greatest x of the flushed rows.
    var flushedFrom = Double.infinity
    var flushedTo = -Double.infinity
    /// Rows where y moves against the correctly rounded values from the row before.
    var monotonicity = 0
    /// Rows whose correctly rounded value was uncertain (the margin check).
    var uncertain = 0

    /// An empty summary; without a histogram where the counts per bin are kept elsewhere.
    init(histogram: Bool = true) {
        self.histogram = histogram ? [Int](repeating: 0, count: Self.bins) : []
    }

    /// Bins: 0 ulp exactly, then 1/64 ulp wide up to 64 ulps, then 16 a binade (a sixteenth of
    /// the significand each) up to 2^64 ulps, then one for all beyond.
    static let bins = 1 + 64 * 64 + 16 * 58 + 1

    /// The bin of an error in ulps.
    @inline(__always)
    static func bin(_ ulps: Double) -> Int {
        if ulps == 0 { return 0 }
        // 1 + ⌊64 · ulps⌋, read from a double's fraction bits: no range check on the hot path.
        if ulps < 64 {
            return 1
                + Int(truncatingIfNeeded: ((ulps * 64).rounded(.towardZero) + 0x1p52).bitPattern & 0xFFFF)
        }
        let v = ulps / 64
        guard v < 0x1p58 else { return bins - 1 }
        let sixteenth = Int((v.significand - 1) * 16)
        return 1 + 64 * 64 + 16 * Int(v.exponent) + sixteenth
    }

    /// The upper edge of a bin.
    static func upperEdge(_ bin: Int) -> Double {
        if bin == 0 { return 0 }
        if bin == bins - 1 { return .infinity }
        if bin <= 64 * 64 { return Double(bin) / 64 }
        let k = bin - 1 - 64 * 64
        return 64 * Double(sign: .plus, exponent: k / 16, significand: 1 + Double(k % 16 + 1) / 16)
    }

    /// The mean error in ulps over the measured rows.
    var meanUlps: Double { measured == 0 ? 0 : sumUlps / Double(measured) }
    /// The mean relative error.
    var meanRelative: Double { relativeRows == 0 ? 0 : sumRelative / Double(relativeRows) }

    /// The error in ulps that `fraction` of the measured rows do not exceed, to 1/64 ulp below
    /// 64 ulps.
    func percentile(_ fraction: Double) -> Double {
        let target = Int((fraction * Double(measured)).rounded(.up))
        var seen = 0
        for (bin, n) in histogram.enumerated() {
            seen += n
            if seen >= target && n > 0 { return Swift.min(ErrorSummary.upperEdge(bin), maxUlps) }
        }
        return maxUlps
    }

    /// Adds counts per bin to the histogram.
    mutating func add(histogram counts: some Collection<Int>) {
        histogram.withUnsafeMutableBufferPointer { bins in
            for (k, n) in counts.enumerated() where n != 0 { bins[k] += n }
        }
    }

    /// Adds another summary's counts.
    mutating func add(_ other: ErrorSummary) {
        rows += other.rows
        bitExact += other.bitExact
        measured += other.measured
        sumUlps += other.sumUlps
        maxUlps = Swift.max(maxUlps, other.maxUlps)
        sumRelative += other.sumRelative
        maxRelative = Swift.max(maxRelative, other.maxRelative)
        relativeRows += other.relativeRows
        add(histogram: other.histogram)
        falseZeros += other.falseZeros
        nonFinite += other.nonFinite
        zeroSign += other.zeroSign
        flushed += other.flushed
        flushedFrom = Swift.min(flushedFrom, other.flushedFrom)
        flushedTo = Swift.max(flushedTo, other.flushedTo)
        monotonicity += other.monotonicity
        uncertain += other.uncertain
    }
}

/// One row's result against the truth, for one of f and f′.
struct CheckedValue {
    /// The input.
    let x: Double
    let xBits: UInt64
    /// The kernel's result, its bits, and the correctly rounded value's.
    let y: Double
    let yBits: UInt64
    let expected: Double
    let expectedBits: UInt64
    /// The exact value the error is measured from (the correctly rounded one for a table).
    let exact: Double
    /// The error in ulps; ∞ for a non-finite mismatch.
    let ulps: Double
}

/// The rows with the largest errors, worst first, a few at most.
struct WorstRows {
    private(set) var rows: [CheckedValue] = []
    let limit: Int

    /// Whether an error this large would be kept.
    @inline(__always)
    func admits(_ ulps: Double) -> Bool {
        rows.count < limit || !rows.isEmpty && ulps > rows[rows.count - 1].ulps
    }

    /// The error a row must exceed to be kept: 0 while the list is not full.
    var threshold: Double { rows.count < limit || rows.isEmpty ? 0 : rows[rows.count - 1].ulps }

    /// Keeps `row` if it is among the worst.
    @inline(__always)
    mutating func offer(_ row: CheckedValue) {
        guard admits(row.ulps) else { return }
        let place = rows.firstIndex { $0.ulps < row.ulps } ?? rows.count
        rows.insert(row, at: place)
        if rows.count > limit { rows.removeLast() }
    }

    /// Merges another list.
    mutating func add(_ other: WorstRows) { for row in other.rows { offer(row) } }
}
