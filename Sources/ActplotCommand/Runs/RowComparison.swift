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

    /// A comparison in a format.
    init(format: NumberFormat, allowFlushToZero: Bool, atZero: (UInt64, UInt64), worstCount: Int) {
        self.format = format
        self.allowFlushToZero = allowFlushToZero
        self.atZero = atZero
        self.worstCount = worstCount
        limits = Limits(format)
        decode = Decoder(format)
    }

    /// Values of bit patterns: float32's the processor decodes, with no call into the library a
    /// row (the inputs', the results' and a table's alike).
    struct Decoder {
        let format: NumberFormat
        let isFloat32: Bool

        init(_ format: NumberFormat) {
            self.format = format
            isFloat32 = format == .float32
        }

        /// The value of a bit pattern.
        @inline(__always)
        func value(_ bits: UInt64) -> Double {
            isFloat32 ? Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits))) : format.value(bits: bits)
        }
    }

    /// Rows a core compares at once.
    static let chunk = 1 << 16

    /// Adds a block's rows for f and f′ to the outcome's parts, each core a chunk of rows for
    /// both, and their errors to its profile (with --plot).
    func add(_ buffers: CheckBuffers, _ n: Int, to outcome: inout CheckRun.Outcome) {
        outcome.value = add(buffers, n, derivative: false, to: outcome.value)
        outcome.profile?.add(buffers, n, derivative: false)
        if let part = outcome.derivative {
            // Taken out first, so that its histograms are not copied to be changed.
            outcome.derivative = nil
            outcome.derivative = add(buffers, n, derivative: true, to: part)
            outcome.profile?.add(buffers, n, derivative: true)
        }
    }

    /// A block's rows for f (or f′) added to `part`.
    private func add(_ buffers: CheckBuffers, _ n: Int, derivative: Bool, to given: CheckRun.Part)
        -> CheckRun.Part
    {
        var part = given
        let chunks = (n + Self.chunk - 1) / Self.chunk
        let tallies = UnsafeMutableBufferPointer<ChunkTally>.allocate(capacity: chunks)
        defer {
            tallies.baseAddress?.deinitialize(count: chunks)
            tallies.deallocate()
        }
        let shared = UncheckedSendable((buffers, tallies, part.previous))
        DispatchQueue.concurrentPerform(iterations: chunks) { k in
            let (buffers, tallies, previous) = shared.value
            let range = k * Self.chunk..<Swift.min(n, (k + 1) * Self.chunk)
            var tally = ChunkTally(worst: worstCount)
            let before = k == 0 ? previous : row(buffers, range.lowerBound - 1, derivative: derivative)
            tally.add(range, buffers, derivative: derivative, after: before, self)
            tallies.initializeElement(at: k, to: tally)
        }
        for tally in tallies {
            for k in CheckRegion.allCases.indices where k != CheckRegion.all.rawValue {
                let histogram = tally.histograms[k * ErrorSummary.bins..<(k + 1) * ErrorSummary.bins]
                part.regions[k].add(tally.summaries[k])
                part.regions[k].add(histogram: histogram)
                // Every row is in one of these, so `all` is their sum (one update a row fewer).
                if CheckRegion.exclusive.contains(k) {
                    part.regions[CheckRegion.all.rawValue].add(tally.summaries[k])
                    part.regions[CheckRegion.all.rawValue].add(histogram: histogram)
                }
            }
            part.worst.add(tally.worst)
        }
        part.previous = n > 0 ? row(buffers, n - 1, derivative: derivative) : part.previous
        return part
    }

    /// Row i's correctly rounded value and result, where both are finite.
    private func row(_ buffers: CheckBuffers, _ i: Int, derivative: Bool) -> (expected: Double, y: Double)? {
        let r = derivative ? buffers.points[i].derivative : buffers.points[i].value
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
private struct ChunkTally {
    var summaries = [ErrorSummary](
        repeating: ErrorSummary(histogram: false), count: CheckRegion.allCases.count)
    var histograms = [Int](repeating: 0, count: CheckRegion.allCases.count * ErrorSummary.bins)
    var worst: WorstRows

    init(worst: Int) { self.worst = WorstRows(limit: worst) }

    /// Compares rows `range`, the row before the first being `before`.
    mutating func add(
        _ range: Range<Int>, _ buffers: CheckBuffers, derivative: Bool,
        after before: (expected: Double, y: Double)?,
        _ comparison: RowComparison
    ) {
        var previous = before
        let bins = ErrorSummary.bins
        // The worst rows kept in a local, and the error a row must exceed to join them.
        var worst = self.worst
        var threshold = worst.threshold
        defer { self.worst = worst }
        summaries.withUnsafeMutableBufferPointer { summaries in
            histograms.withUnsafeMutableBufferPointer { histograms in
                var plain = PlainCounts()
                defer { plain.flush(into: summaries, histograms) }
                // What the plain path reads, taken out of the structures once.
                let block = PlainRows(buffers, derivative: derivative, comparison)
                for i in range {
                    if plain.add(i, block, after: &previous, threshold) { continue }
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
            let p = buffers.points[i]
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
            regions = Self.regionMask(x, p, limits)
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

        /// The regions of a row, as bits in ``CheckRegion`` order.
        @inline(__always)
        private static func regionMask(_ x: Double, _ p: FormatPoint, _ limits: RowComparison.Limits) -> Int {
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

/// The counts of a chunk's plain rows, kept apart from ``ErrorSummary``.
///
/// So the common row costs a few dozen instructions: a finite input at least 2⁻⁶ from 0 (one
/// of the two tails' regions) and normal, whose result and correctly rounded value are finite and not 0, certain, not
/// saturated, and whose error does not put it among the worst rows. Every other row goes
/// through ``ChunkTally``'s general path; the counts join the summaries at the chunk's end.
private struct PlainCounts {
    /// The counts of x ≤ −2⁻⁶ and of x ≥ 2⁻⁶.
    var negative = Tail()
    var positive = Tail()

    /// One tail's counts: every plain row is measured and has a relative error.
    struct Tail {
        var rows = 0
        var bitExact = 0
        var violations = 0
        var sumUlps = 0.0
        var maxUlps = 0.0
        var sumRelative = 0.0
        var maxRelative = 0.0

        /// Counts a row.
        @inline(__always)
        mutating func add(_ ulps: Double, _ relative: Double, exact: Bool, violation: Bool) {
            rows += 1
            bitExact += exact ? 1 : 0
            violations += violation ? 1 : 0
            sumUlps += ulps
            maxUlps = Swift.max(maxUlps, ulps)
            sumRelative += relative
            maxRelative = Swift.max(maxRelative, relative)
        }

        /// Adds the counts to a region's summary.
        func flush(into s: UnsafeMutablePointer<ErrorSummary>) {
            s.pointee.rows += rows
            s.pointee.measured += rows
            s.pointee.relativeRows += rows
            s.pointee.bitExact += bitExact
            s.pointee.monotonicity += violations
            s.pointee.sumUlps += sumUlps
            s.pointee.maxUlps = Swift.max(s.pointee.maxUlps, maxUlps)
            s.pointee.sumRelative += sumRelative
            s.pointee.maxRelative = Swift.max(s.pointee.maxRelative, maxRelative)
        }
    }

    /// Rows per histogram bin below 64 ulps, per tail (no array: no uniqueness check a row).
    let bins: UnsafeMutableBufferPointer<Int>

    /// The histogram's bins below 64 ulps: 0 ulp, then 1/64 ulp wide (``ErrorSummary/bin(_:)``).
    static let binsPerTail = 64 * 64 + 1

    /// Empty counts; ``flush(into:_:)`` deallocates them.
    init() {
        bins = .allocate(capacity: 2 * Self.binsPerTail)
        bins.initialize(repeating: 0)
    }

    /// Counts row i if it is plain, after the row `previous`, which it becomes; false (and
    /// nothing changed) if it is not.
    @inline(__always)
    mutating func add(
        _ i: Int, _ block: PlainRows, after previous: inout (expected: Double, y: Double)?,
        _ threshold: Double
    ) -> Bool {
        let p = block.points[i]
        let x = block.xs[i]
        let (r, t) = block.derivative ? (p.derivative, p.exactDerivative) : (p.value, p.exactValue)
        let limits = block.limits
        guard abs(x) >= limits.plainFrom, abs(x) < .infinity,
            block.derivative ? p.derivativeCertain : p.valueCertain,
            r != 0, abs(r) < .infinity, abs(t) < .infinity,
            !(abs(p.exactValue) < .infinity && limits.ulps(p.exactDerivative, at: p.exactValue) < 1)
        else { return false }
        let bits = block.results[i]
        let y = block.decode.value(bits)
        guard y != 0, abs(y) < .infinity else { return false }
        let ulps = limits.ulps(y - t, at: t)
        guard ulps <= threshold || ulps == 0, ulps < 64 else { return false }
        let exact = y.bitPattern == r.bitPattern
        let relative = exact ? 0 : abs(y - r) / abs(r)
        var violation = false
        if let previous {
            violation = r > previous.expected && y < previous.y || r < previous.expected && y > previous.y
        }
        previous = (r, y)
        if block.profiling { block.ulps[i] = ulps }
        let bin = ErrorSummary.bin(ulps)
        if x < 0 {
            negative.add(ulps, relative, exact: exact, violation: violation)
            bins[bin] += 1
        } else {
            positive.add(ulps, relative, exact: exact, violation: violation)
            bins[Self.binsPerTail + bin] += 1
        }
        return true
    }

    /// Adds the counts to the negative and positive regions' summaries and histograms, and
    /// frees them.
    func flush(
        into summaries: UnsafeMutableBufferPointer<ErrorSummary>,
        _ histograms: UnsafeMutableBufferPointer<Int>
    ) {
        let tails = [(CheckRegion.negative.rawValue, negative), (CheckRegion.positive.rawValue, positive)]
        for (side, (k, tail)) in tails.enumerated() where tail.rows > 0 {
            tail.flush(into: summaries.baseAddress.unsafelyUnwrapped + k)
            for b in 0..<Self.binsPerTail where bins[side * Self.binsPerTail + b] != 0 {
                histograms[k * ErrorSummary.bins + b] += bins[side * Self.binsPerTail + b]
            }
        }
        bins.deallocate()
    }
}

/// What the plain path reads of a block, taken out of ``CheckBuffers`` and ``RowComparison``
/// once per chunk: plain pointers and values, nothing reference-counted in the loop.
private struct PlainRows {
    let xs: UnsafeMutableBufferPointer<Double>
    let points: UnsafeMutableBufferPointer<FormatPoint>
    /// The kernel's f or f′, as bits.
    let results: UnsafeMutableBufferPointer<UInt64>
    let ulps: UnsafeMutableBufferPointer<Double>
    let derivative: Bool
    let profiling: Bool
    let limits: RowComparison.Limits
    let decode: RowComparison.Decoder

    init(_ buffers: CheckBuffers, derivative: Bool, _ comparison: RowComparison) {
        (xs, points, ulps) = (buffers.xs, buffers.points, buffers.ulps)
        results = derivative ? buffers.dyBits : buffers.yBits
        self.derivative = derivative
        profiling = comparison.profiling
        limits = comparison.limits
        decode = comparison.decode
    }
}
