import ActivationCore
import Dispatch

/// How one block's results compare with the correctly rounded values, row by row.
///
/// Each row's error in ulps and relative, and the events counted apart, go to a part's
/// summaries. The cores each take a chunk of the block into a tally of their own; the tallies
/// are added in order.
struct RowComparison: Sendable {
    let format: NumberFormat
    let allowFlushToZero: Bool
    /// The bits of f(+0) and f(−0) correctly rounded: what a subnormal input read as zero gives.
    let atZero: (UInt64, UInt64)
    /// How many of the worst rows a part keeps.
    let worstCount: Int
    /// Whether each row's error is kept in the buffers, for --plot.
    var profiling = false
    /// Where the correctly rounded values are read.
    var truth = Truth.points
    /// What the comparison reads of the format at every row, read once (a plain value: no
    /// reference counting, no calls across modules).
    let limits: Limits
    /// The values of the format's bit patterns (the results', the inputs', a table's).
    let decode: Decoder

    /// The format's magnitudes and exponents.
    struct Limits {
        let leastNormal: Double
        let leastNonzero: Double
        let maximumExponent: Int
        let fractionBits: Int
        /// Whether 1/ulp is a double at every magnitude (not in float64: 2^1074), so that errors
        /// are multiplied by it, not divided by the ulp.
        let multiplies: Bool
        /// 1/ulp of the subnormals.
        let inverseLeastNonzero: Double
        /// The largest finite binade's exponent field, in a double's bits.
        let topExponentBits: UInt64
        /// A double's exponent field of 2^fractionBits · 2^1023 · 2 (1/ulp = 2^(p − e)).
        let inverseBias: UInt64
        /// Where the tails' plain rows begin: 2⁻⁶, or the least normal value where that is larger
        /// (float4's 1), so that no plain input is subnormal.
        let plainFrom: Double

        init(_ format: NumberFormat) {
            leastNormal = format.leastNormalMagnitude
            leastNonzero = format.leastNonzeroMagnitude
            maximumExponent = format.maximumExponent
            fractionBits = format.fractionBits
            multiplies = format.fractionBits - format.minimumExponent <= 1023
            inverseLeastNonzero = 1 / format.leastNonzeroMagnitude
            topExponentBits = UInt64(format.maximumExponent + 1023) << 52
            inverseBias = UInt64(format.fractionBits + 2046) << 52
            plainFrom = Swift.max(0x1p-6, format.leastNormalMagnitude)
        }

        /// |v| / ulp(|t|): the error v in ulps of the format at t (finite).
        @inline(__always)
        func ulps(_ v: Double, at t: Double) -> Double {
            guard multiplies else { return abs(v) / ulp(abs(t)) }
            return abs(v) * inverseUlp(abs(t))
        }

        /// 1/ulp at a magnitude (≥ 0, finite), a power of two: its exponent field from the
        /// magnitude's own (no division, no decoding of the exponent).
        @inline(__always)
        func inverseUlp(_ a: Double) -> Double {
            guard a >= leastNormal else { return inverseLeastNonzero }
            return Double(
                bitPattern: inverseBias &- Swift.min(a.bitPattern & 0x7FF0_0000_0000_0000, topExponentBits))
        }

        /// The quantum at a magnitude (≥ 0, finite): its binade's, subnormals sharing the least
        /// normal binade's.
        @inline(__always)
        func ulp(_ a: Double) -> Double {
            a < leastNormal
                ? leastNonzero
                : Double(
                    sign: .plus, exponent: Swift.min(Int(a.exponent), maximumExponent) - fractionBits,
                    significand: 1)
        }
    }

    /// Where a block's correctly rounded values are.
    enum Truth: Equatable {
        /// The block's points, computed.
        case points
        /// A golden table's bits read beside the dump (`expectedF`, and `expectedDF` where the
        /// table has f′), decoded where a row reads them: no points are made.
        case table(derivatives: Bool)
    }

    /// Row i's correctly rounded values: its point, or made from the table's bits.
    @inline(__always)
    func point(_ i: Int, _ buffers: CheckBuffers) -> FormatPoint {
        guard case .table(let derivatives) = truth else { return buffers.points[i] }
        let f = decode.value(buffers.expectedF[i])
        let df = derivatives ? decode.value(buffers.expectedDF[i]) : .nan
        return Self.reference(input: buffers.xs[i], value: f, derivative: df)
    }

    /// A point whose values are the reference itself (a table's, a framework's): its exact
    /// values are its rounded ones, certain, so errors are measured from them.
    static func reference(input: Double, value: Double, derivative: Double) -> FormatPoint {
        FormatPoint(
            input: input, value: value, derivative: derivative, exactValue: value,
            exactDerivative: derivative,
            valueCertain: true, derivativeCertain: true)
    }

    /// A comparison in a format.
    init(format: NumberFormat, allowFlushToZero: Bool, atZero: (UInt64, UInt64), worstCount: Int) {
        self.format = format
        self.allowFlushToZero = allowFlushToZero
        self.atZero = atZero
        self.worstCount = worstCount
        limits = Limits(format)
        decode = Decoder(format)
    }

    /// Frees the decoder's table.
    func deallocate() { decode.deallocate() }

    /// Values of bit patterns (the inputs', the results', a table's), with no call a row.
    ///
    /// float32's and float64's as the processor reads them, a narrow format's from a table of
    /// its values made once: a small plain value the loops keep in registers. Sendable: its
    /// table is only read once made.
    struct Decoder: @unchecked Sendable {
        private enum Kind { case float32, float64, table }
        private let kind: Kind
        /// A narrow format's value at every bit pattern (empty for float32 and float64).
        private let values: UnsafeMutableBufferPointer<Double>
        /// The bits a narrow format's patterns have.
        private let mask: UInt64

        init(_ format: NumberFormat) {
            if format == .float32 || format.bitWidth == 64 {
                (kind, values, mask) = (
                    format == .float32 ? .float32 : .float64, .init(start: nil, count: 0), 0
                )
                return
            }
            kind = .table
            values = .allocate(capacity: 1 << format.bitWidth)
            mask = UInt64(values.count - 1)
            for bits in values.indices { values[bits] = format.value(bits: UInt64(bits)) }
        }

        /// Whether the format is float32.
        var isFloat32: Bool { kind == .float32 }

        /// Frees a narrow format's table.
        func deallocate() { values.deallocate() }

        /// The value of a bit pattern.
        @inline(__always)
        func value(_ bits: UInt64) -> Double {
            switch kind {
            case .float32: Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits)))
            case .float64: Double(bitPattern: bits)
            case .table: values[Int(truncatingIfNeeded: bits & mask)]
            }
        }
    }

    /// Rows a core compares at once.
    static let chunk = 1 << 16

    /// Adds a block's chunk tallies (of chunks of ``chunk`` rows, in order) to a part, with
    /// each chunk's first row compared with the row before it (the previous block's last, for
    /// the first chunk): a tally leaves its first row's monotonicity to this.
    func merge(
        _ tallies: UnsafeMutableBufferPointer<ChunkTally>, _ buffers: CheckBuffers, _ n: Int,
        derivative: Bool,
        into part: inout CheckRun.Part
    ) {
        let all = CheckRegion.all.rawValue
        for (k, tally) in tallies.enumerated() {
            let first = k * Self.chunk
            let before = first == 0 ? part.previous : row(buffers, first - 1, derivative: derivative)
            if let before, let current = row(buffers, first, derivative: derivative),
                current.expected > before.expected && current.y < before.y
                    || current.expected < before.expected && current.y > before.y
            {
                var mask = regions(buffers.xs[first], point(first, buffers))
                while mask != 0 {
                    part.regions[mask.trailingZeroBitCount].monotonicity += 1
                    mask &= mask - 1
                }
                part.regions[all].monotonicity += 1
            }
            // (A region without rows has an empty histogram.)
            for k in CheckRegion.allCases.indices where k != all && tally.summaries[k].rows > 0 {
                let histogram = tally.histograms[k * ErrorSummary.bins..<(k + 1) * ErrorSummary.bins]
                part.regions[k].add(tally.summaries[k])
                part.regions[k].add(histogram: histogram)
                // Every row is in one of these, so `all` is their sum (one update a row fewer).
                if CheckRegion.exclusive.contains(k) {
                    part.regions[all].add(tally.summaries[k])
                    part.regions[all].add(histogram: histogram)
                }
            }
            part.worst.add(tally.worst)
        }
        part.previous = n > 0 ? row(buffers, n - 1, derivative: derivative) : part.previous
    }

    /// The regions of a row at x, as bits in ``CheckRegion`` order (`all` apart).
    @inline(__always)
    func regions(_ x: Double, _ p: FormatPoint) -> Int {
        guard x.isFinite else { return 1 << CheckRegion.nonFinite.rawValue }
        var mask = 0
        mask |= 1 << CheckRegion.containing(x).rawValue
        if x != 0 && abs(x) < limits.leastNormal { mask |= 1 << CheckRegion.subnormal.rawValue }
        let (f, df) = (p.exactValue, p.exactDerivative)
        if f.isFinite && df.isFinite && limits.ulps(df, at: f) < 1 {
            mask |= 1 << CheckRegion.saturated.rawValue
        }
        return mask
    }

    /// Row i's correctly rounded value and result, where both are finite.
    private func row(_ buffers: CheckBuffers, _ i: Int, derivative: Bool) -> (expected: Double, y: Double)? {
        let p = point(i, buffers)
        let r = derivative ? p.derivative : p.value
        let y = decode.value(derivative ? buffers.dyBits[i] : buffers.yBits[i])
        return r.isFinite && y.isFinite ? (r, y) : nil
    }
}

/// What a row is, beside the error measured.
private enum RowKind {
    case measured
    case nonFinite
    case zeroSign
    case flushed
}

/// One chunk's counts: each region's summary (without its histogram), the histograms in one
/// flat buffer, and the worst rows.
struct ChunkTally {
    var summaries = [ErrorSummary](
        repeating: ErrorSummary(histogram: false), count: CheckRegion.allCases.count)
    var histograms = [Int](repeating: 0, count: CheckRegion.allCases.count * ErrorSummary.bins)
    var worst: WorstRows
    /// The last row's correctly rounded value and result, where finite: nil before the first.
    private var last: (expected: Double, y: Double)?
    /// The plain rows' counts, until ``finish()`` adds them.
    private var plain = PlainCounts()

    init(worst: Int) { self.worst = WorstRows(limit: worst) }

    /// Empties the tally for another chunk: only the regions that have rows need clearing.
    mutating func reset() {
        for k in summaries.indices where summaries[k].rows > 0 {
            summaries[k] = ErrorSummary(histogram: false)
            for b in k * ErrorSummary.bins..<(k + 1) * ErrorSummary.bins { histograms[b] = 0 }
        }
        worst = WorstRows(limit: worst.limit)
        last = nil
        plain.reset()
    }

    /// Frees the plain rows' bins.
    func deallocate() { plain.deallocate() }

    /// Adds the plain rows' counts to the summaries and histograms: the tally is complete.
    mutating func finish() {
        let plain = self.plain
        summaries.withUnsafeMutableBufferPointer { summaries in
            histograms.withUnsafeMutableBufferPointer { histograms in plain.flush(into: summaries, histograms)
            }
        }
    }

    /// Compares rows `range`, which follow those added before (the first rows of a chunk
    /// without a row before them).
    mutating func add(
        _ range: Range<Int>, _ buffers: CheckBuffers, derivative: Bool, _ comparison: RowComparison
    ) {
        var previous = last
        defer { last = previous }
        let bins = ErrorSummary.bins
        // The worst rows kept in a local, and the error a row must exceed to join them.
        var worst = self.worst
        var threshold = worst.threshold
        defer { self.worst = worst }
        var plain = self.plain
        defer { self.plain = plain }
        summaries.withUnsafeMutableBufferPointer { summaries in
            histograms.withUnsafeMutableBufferPointer { histograms in
                // What the plain path reads, taken out of the structures once.
                let block = PlainRows(buffers, derivative: derivative, comparison)
                let marked = plain.mark(range, block)
                var i = range.lowerBound
                while i < range.upperBound {
                    // Plain rows counted in a tight loop, up to the next row that is not.
                    i = plain.count(i..<range.upperBound, block, after: &previous, threshold, marked: marked)
                    guard i < range.upperBound else { break }
                    defer { i += 1 }
                    let row = Row(i, buffers, derivative: derivative, after: &previous, comparison)
                    if comparison.profiling {
                        // For --plot: the error measured, ∞ for a non-finite mismatch, −1 for none.
                        buffers.ulps[i] = row.measured || row.kind == .nonFinite ? row.ulps : -1
                    }
                    var mask = row.regions
                    while mask != 0 {
                        let k = mask.trailingZeroBitCount
                        Self.update(
                            summaries.baseAddress.unsafelyUnwrapped + k,
                            histograms.baseAddress.unsafelyUnwrapped + k * bins, row)
                        mask &= mask - 1
                    }
                    if row.ulps > threshold && (row.measured || row.kind == .nonFinite) {
                        let format = comparison.format
                        defer { threshold = worst.threshold }
                        worst.offer(
                            CheckedValue(
                                x: row.x, xBits: buffers.xBits[i], y: row.y, yBits: row.yBits,
                                expected: row.expected,
                                expectedBits: format.bits(of: row.expected), exact: row.exact, ulps: row.ulps)
                        )
                    }
                }
            }
        }
    }

    /// One row's findings.
    private struct Row {
        let x: Double
        let y: Double
        let yBits: UInt64
        /// The correctly rounded value, and the exact one the error is measured from.
        let expected: Double
        let exact: Double
        let exactBits: Bool
        let kind: RowKind
        let measured: Bool
        let ulps: Double
        /// −1 where not measured.
        let relative: Double
        let falseZero: Bool
        let violation: Bool
        let uncertain: Bool
        /// The regions, as bits in ``CheckRegion`` order.
        let regions: Int

        /// Row i of a block, after the row `previous` (its correctly rounded value and result,
        /// where finite), which becomes this one.
        @inline(__always)
        init(
            _ i: Int, _ buffers: CheckBuffers, derivative: Bool,
            after previous: inout (expected: Double, y: Double)?,
            _ comparison: RowComparison
        ) {
            let limits = comparison.limits
            let leastNormal = limits.leastNormal
            let p = comparison.point(i, buffers)
            x = buffers.xs[i]
            yBits = derivative ? buffers.dyBits[i] : buffers.yBits[i]
            let r = derivative ? p.derivative : p.value
            y = comparison.decode.value(yBits)
            var t = derivative ? p.exactDerivative : p.exactValue
            if !t.isFinite || !r.isFinite { t = r }
            (expected, exact) = (r, t)
            exactBits = y == r && y.sign == r.sign || y.isNaN && r.isNaN
            kind = Self.kind(x, y, yBits, r, exactBits: exactBits, derivative: derivative, comparison)
            ulps = kind == .nonFinite ? .infinity : y.isNaN ? 0 : limits.ulps(y - t, at: t)
            let current: (expected: Double, y: Double)? = r.isFinite && y.isFinite ? (r, y) : nil
            if let current, let previous {
                violation =
                    current.expected > previous.expected && current.y < previous.y
                    || current.expected < previous.expected && current.y > previous.y
            } else {
                violation = false
            }
            previous = current
            measured = kind == .measured || kind == .flushed && !comparison.allowFlushToZero
            // Relative to the correctly rounded value, as tt-metal's helpers measure: 0 when y is it.
            relative =
                r == 0 || !measured || !y.isFinite || !r.isFinite ? -1 : exactBits ? 0 : abs(y - r) / abs(r)
            falseZero = y == 0 && abs(r) >= leastNormal && r.isFinite
            uncertain = !(derivative ? p.derivativeCertain : p.valueCertain)
            regions = comparison.regions(x, p)
        }

        /// What a row that is not bit-exact is: a non-finite or sign-of-zero mismatch, a
        /// subnormal flushed (or a subnormal input read as 0), or an error to measure.
        @inline(__always)
        private static func kind(
            _ x: Double, _ y: Double, _ yBits: UInt64, _ r: Double, exactBits: Bool, derivative: Bool,
            _ comparison: RowComparison
        ) -> RowKind {
            if exactBits { return .measured }
            if !y.isFinite || !r.isFinite { return .nonFinite }
            if y == 0 && r == 0 { return .zeroSign }
            let leastNormal = comparison.limits.leastNormal
            if y == 0 && abs(r) < leastNormal { return .flushed }
            let readAsZero = yBits == comparison.atZero.0 || yBits == comparison.atZero.1
            return !derivative && x != 0 && abs(x) < leastNormal && readAsZero ? .flushed : .measured
        }
    }

    /// Adds one row to a region's summary and histogram, in place (through pointers: an inout
    /// element of the summaries would be copied out and back, its histogram array retained).
    @inline(__always)
    private static func update(
        _ s: UnsafeMutablePointer<ErrorSummary>, _ histogram: UnsafeMutablePointer<Int>, _ row: Row
    ) {
        s.pointee.rows += 1
        if row.exactBits { s.pointee.bitExact += 1 }
        if row.uncertain { s.pointee.uncertain += 1 }
        if row.violation { s.pointee.monotonicity += 1 }
        if row.falseZero { s.pointee.falseZeros += 1 }
        switch row.kind {
        case .nonFinite: s.pointee.nonFinite += 1
        case .zeroSign: s.pointee.zeroSign += 1
        case .flushed:
            s.pointee.flushed += 1
            s.pointee.flushedFrom = Swift.min(s.pointee.flushedFrom, row.x)
            s.pointee.flushedTo = Swift.max(s.pointee.flushedTo, row.x)
        case .measured: break
        }
        guard row.measured else { return }
        s.pointee.measured += 1
        s.pointee.sumUlps += row.ulps
        s.pointee.maxUlps = Swift.max(s.pointee.maxUlps, row.ulps)
        histogram[ErrorSummary.bin(row.ulps)] += 1
        if row.relative >= 0 {
            s.pointee.relativeRows += 1
            s.pointee.sumRelative += row.relative
            s.pointee.maxRelative = Swift.max(s.pointee.maxRelative, row.relative)
        }
    }
}
