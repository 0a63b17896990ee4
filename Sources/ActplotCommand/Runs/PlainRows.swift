import ActivationCore

/// The counts of a chunk's plain rows, kept apart from ``ErrorSummary``.
///
/// So the common row costs a few dozen instructions: a finite input at least 2⁻⁶ from 0 (one
/// of the two tails' regions) and normal, whose result and correctly rounded value are finite
/// and not 0, certain, not saturated, and whose error does not put it among the worst rows.
/// Against a float32 table, such rows whose result is the table's own bits are first marked
/// in a pass without branches (vectorised) and then only counted. Every other row goes
/// through ``ChunkTally``'s general path; the counts join the summaries at the chunk's end.
struct PlainCounts {
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
            rows &+= 1
            bitExact &+= exact ? 1 : 0
            violations &+= violation ? 1 : 0
            sumUlps += ulps
            maxUlps = Swift.max(maxUlps, ulps)
            sumRelative += relative
            maxRelative = Swift.max(maxRelative, relative)
        }

        /// Counts a bit-exact row: no error to add.
        @inline(__always)
        mutating func addExact(violation: Bool) {
            rows &+= 1
            bitExact &+= 1
            violations &+= violation ? 1 : 0
        }

        /// Counts bit-exact rows whose monotonicity is counted apart.
        @inline(__always)
        mutating func addExact(_ count: Int) {
            rows &+= count
            bitExact &+= count
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

    /// Empty counts; ``deallocate()`` frees them.
    init() {
        bins = .allocate(capacity: 2 * Self.binsPerTail)
        bins.initialize(repeating: 0)
    }

    /// Marks the rows of `range` that need no comparison but of monotonicity, in one pass
    /// without branches, where the truth is a float32 table's bits: 0 (x < 0) or 1 (x ≥ 0) for
    /// a plain row whose result is the table's own bits, 2 for any other.
    /// - Returns: Whether the rows were marked (not for computed points, other formats, or --plot).
    func mark(_ range: Range<Int>, _ block: PlainRows) -> Bool {
        guard let table = block.table, block.decode.isFloat32, !block.profiling else { return false }
        let compared = block.derivative ? table.df ?? table.f : table.f
        if let df = table.df {
            for i in range {
                block.marks[i] = Self.mark(
                    block.xs[i], block.results[i], compared[i], Self.float32(table.f[i]), Self.float32(df[i]),
                    block.limits)
            }
        } else {
            for i in range {
                block.marks[i] = Self.mark(
                    block.xs[i], block.results[i], compared[i], Self.float32(table.f[i]), .nan, block.limits)
            }
        }
        return true
    }

    /// A float32 pattern's value.
    @inline(__always)
    private static func float32(_ bits: UInt64) -> Double {
        Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits)))
    }

    /// One row's mark: the plain path's conditions for a bit-exact row, as selects.
    @inline(__always)
    private static func mark(
        _ x: Double, _ bits: UInt64, _ compared: UInt64, _ f: Double, _ df: Double,
        _ limits: RowComparison.Limits
    ) -> UInt8 {
        let (ax, ar) = (abs(x), abs(float32(compared)))
        // float32's 1/ulp is a double at every magnitude: errors are multiplied by it.
        let saturated = abs(f) < .infinity && abs(df) * limits.inverseUlp(abs(f)) < 1
        var plain: UInt8 = bits == compared ? 1 : 0
        plain &= ax >= limits.plainFrom ? 1 : 0
        plain &= ax < .infinity ? 1 : 0
        plain &= ar > 0 ? 1 : 0
        plain &= ar < .infinity ? 1 : 0
        plain &= saturated ? 0 : 1
        return plain == 0 ? 2 : x < 0 ? 0 : 1
    }

    /// Counts the plain rows from the start of `range`, after the row `previous`, which each
    /// becomes in turn; returns the first row that is not plain (nothing counted for it), or
    /// the range's end.
    mutating func count(
        _ range: Range<Int>, _ block: PlainRows, after previous: inout (expected: Double, y: Double)?,
        _ threshold: Double, marked: Bool
    ) -> Int {
        if let table = block.table {
            guard let df = table.df else {
                let truth = TableValueTruth(f: table.f, decode: block.decode)
                return count(range, block, truth, after: &previous, threshold, marked: marked)
            }
            let truth = TableTruth(
                compared: block.derivative ? df : table.f, f: table.f, df: df, decode: block.decode)
            return count(range, block, truth, after: &previous, threshold, marked: marked)
        }
        let truth = PointTruth(points: block.points, derivative: block.derivative)
        return count(range, block, truth, after: &previous, threshold, marked: false)
    }

    /// ``count(_:_:after:_:)`` for one source of the correctly rounded values: a loop of its own
    /// for each, everything it reads in locals.
    @inline(__always)
    private mutating func count<Truth: PlainTruth>(
        _ range: Range<Int>, _ block: PlainRows, _ truth: Truth,
        after previous: inout (expected: Double, y: Double)?, _ threshold: Double, marked: Bool
    ) -> Int {
        let (xs, results, ulpsOut, bins) = (block.xs, block.results, block.ulps, self.bins)
        let (limits, decode, profiling) = (block.limits, block.decode, block.profiling)
        var (negative, positive) = (self.negative, self.positive)
        var marks = MarkedRuns()
        // The previous row's values; NaN where it had none (no comparison holds with NaN).
        var (before, beforeY) = previous.map { ($0.expected, $0.y) } ?? (.nan, .nan)
        defer {
            marks.end(truth, &before, &beforeY)
            previous = before.isNaN ? previous : (before, beforeY)
            marks.flush(into: &negative, &positive, bins, Self.binsPerTail)
            (self.negative, self.positive) = (negative, positive)
        }
        for i in range {
            if marked {
                let mark = block.marks[i]
                if mark < 2 {
                    marks.add(i, mark, truth, after: before, beforeY, &negative, &positive)
                    continue
                }
                marks.end(truth, &before, &beforeY)
            }
            let x = xs[i]
            guard abs(x) >= limits.plainFrom, abs(x) < .infinity else { return i }
            let bits = results[i]
            if let (r, f, df) = truth.exact(i, bits) {
                // The table's own bits: no error to measure, only where the row belongs.
                guard r != 0, abs(r) < .infinity, !(abs(f) < .infinity && limits.ulps(df, at: f) < 1)
                else { return i }
                let violation = r > before && r < beforeY || r < before && r > beforeY
                (before, beforeY) = (r, r)
                if profiling { ulpsOut[i] = 0 }
                Self.count(x, bin: 0, &negative, &positive, bins) { $0.addExact(violation: violation) }
                continue
            }
            guard let (r, t, f, df) = truth.values(i),
                r != 0, abs(r) < .infinity, abs(t) < .infinity,
                !(abs(f) < .infinity && limits.ulps(df, at: f) < 1)
            else { return i }
            let y = decode.value(bits)
            guard y != 0, abs(y) < .infinity else { return i }
            let ulps = limits.ulps(y - t, at: t)
            guard ulps <= threshold || ulps == 0, ulps < 64 else { return i }
            let exact = y.bitPattern == r.bitPattern
            let relative = exact ? 0 : abs(y - r) / abs(r)
            let violation = r > before && y < beforeY || r < before && y > beforeY
            (before, beforeY) = (r, y)
            if profiling { ulpsOut[i] = ulps }
            Self.count(x, bin: ErrorSummary.bin(ulps), &negative, &positive, bins) {
                $0.add(ulps, relative, exact: exact, violation: violation)
            }
        }
        return range.upperBound
    }

    /// Counts a row in its tail (x < 0 or not), and in that tail's histogram bin.
    @inline(__always)
    private static func count(
        _ x: Double, bin: Int, _ negative: inout Tail, _ positive: inout Tail,
        _ bins: UnsafeMutableBufferPointer<Int>,
        _ add: (inout Tail) -> Void
    ) {
        if x < 0 {
            add(&negative)
            bins[bin] &+= 1
        } else {
            add(&positive)
            bins[binsPerTail + bin] &+= 1
        }
    }

    /// Adds the counts to the negative and positive regions' summaries and histograms.
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
    }

    /// Empties the counts for another chunk.
    mutating func reset() {
        (negative, positive) = (Tail(), Tail())
        bins.update(repeating: 0)
    }

    /// Frees the bins.
    func deallocate() { bins.deallocate() }
}

/// The rows of a part that ``PlainCounts/mark(_:_:)`` marked, counted by runs: a marked row
/// after another cannot break monotonicity (both results are their correctly rounded values),
/// so only a run's first is compared with the row before it.
struct MarkedRuns {
    /// The marked rows with x < 0 and with x ≥ 0.
    var rows = (0, 0)
    /// The last row of the run being counted, if any.
    var last: Int?

    /// Counts marked row i, after the row (before, beforeY) where it begins a run.
    @inline(__always)
    mutating func add<Truth: PlainTruth>(
        _ i: Int, _ mark: UInt8, _ truth: Truth, after before: Double, _ beforeY: Double,
        _ negative: inout PlainCounts.Tail, _ positive: inout PlainCounts.Tail
    ) {
        if last == nil {
            let r = truth.comparedValue(i)
            if r > before && r < beforeY || r < before && r > beforeY {
                if mark == 0 { negative.violations &+= 1 } else { positive.violations &+= 1 }
            }
        }
        last = i
        if mark == 0 { rows.0 &+= 1 } else { rows.1 &+= 1 }
    }

    /// Ends the run, if any: its last row becomes the row before the next.
    @inline(__always)
    mutating func end<Truth: PlainTruth>(_ truth: Truth, _ before: inout Double, _ beforeY: inout Double) {
        guard let last else { return }
        (before, beforeY) = (truth.comparedValue(last), truth.comparedValue(last))
        self.last = nil
    }

    /// Adds the rows to the tails' counts and their 0-ulp bins.
    func flush(
        into negative: inout PlainCounts.Tail, _ positive: inout PlainCounts.Tail,
        _ bins: UnsafeMutableBufferPointer<Int>, _ binsPerTail: Int
    ) {
        negative.addExact(rows.0)
        positive.addExact(rows.1)
        bins[0] &+= rows.0
        bins[binsPerTail] &+= rows.1
    }
}

/// Where the plain path reads a row's correctly rounded value r, the exact t, and the exact f
/// and f′ (for saturation); nil where r is uncertain.
protocol PlainTruth {
    func values(_ i: Int) -> (r: Double, t: Double, f: Double, df: Double)?
    /// Where a result's bits are the correctly rounded value's, known without decoding it: r
    /// (also the exact value), f and f′; nil otherwise.
    func exact(_ i: Int, _ bits: UInt64) -> (r: Double, f: Double, df: Double)?
    /// The correctly rounded value of a marked row.
    func comparedValue(_ i: Int) -> Double
}

/// The block's computed points.
struct PointTruth: PlainTruth {
    let points: UnsafeMutableBufferPointer<FormatPoint>
    let derivative: Bool

    @inline(__always)
    func values(_ i: Int) -> (r: Double, t: Double, f: Double, df: Double)? {
        let p = points[i]
        guard derivative ? p.derivativeCertain : p.valueCertain else { return nil }
        let (r, t) = derivative ? (p.derivative, p.exactDerivative) : (p.value, p.exactValue)
        return (r, t, p.exactValue, p.exactDerivative)
    }

    /// Never known without decoding: r is a double.
    @inline(__always)
    func exact(_ i: Int, _ bits: UInt64) -> (r: Double, f: Double, df: Double)? { nil }

    @inline(__always)
    func comparedValue(_ i: Int) -> Double { derivative ? points[i].derivative : points[i].value }
}

/// A golden table's bits, f's and f′'s: its values are both the correctly rounded and the
/// exact ones.
struct TableTruth: PlainTruth {
    /// The bits the results are compared with: f's, or f′'s.
    let compared: UnsafeMutableBufferPointer<UInt64>
    let f: UnsafeMutableBufferPointer<UInt64>
    let df: UnsafeMutableBufferPointer<UInt64>
    let decode: RowComparison.Decoder

    @inline(__always)
    func values(_ i: Int) -> (r: Double, t: Double, f: Double, df: Double)? {
        let r = decode.value(compared[i])
        return (r, r, decode.value(f[i]), decode.value(df[i]))
    }

    /// The table's values where the result has its bits.
    @inline(__always)
    func exact(_ i: Int, _ bits: UInt64) -> (r: Double, f: Double, df: Double)? {
        guard bits == compared[i] else { return nil }
        return (decode.value(bits), decode.value(f[i]), decode.value(df[i]))
    }

    @inline(__always)
    func comparedValue(_ i: Int) -> Double { decode.value(compared[i]) }
}

/// A golden table's f without f′: no row can be told saturated.
struct TableValueTruth: PlainTruth {
    let f: UnsafeMutableBufferPointer<UInt64>
    let decode: RowComparison.Decoder

    @inline(__always)
    func values(_ i: Int) -> (r: Double, t: Double, f: Double, df: Double)? {
        let r = decode.value(f[i])
        return (r, r, r, .nan)
    }

    @inline(__always)
    func exact(_ i: Int, _ bits: UInt64) -> (r: Double, f: Double, df: Double)? {
        guard bits == f[i] else { return nil }
        let r = decode.value(bits)
        return (r, r, .nan)
    }

    @inline(__always)
    func comparedValue(_ i: Int) -> Double { decode.value(f[i]) }
}

/// What the plain path reads of a block, taken out of ``CheckBuffers`` and ``RowComparison``
/// once per chunk: plain pointers and values, nothing reference-counted in the loop.
struct PlainRows {
    let xs: UnsafeMutableBufferPointer<Double>
    let points: UnsafeMutableBufferPointer<FormatPoint>
    /// The kernel's f or f′, as bits.
    let results: UnsafeMutableBufferPointer<UInt64>
    let ulps: UnsafeMutableBufferPointer<Double>
    /// A golden table's f and f′ bits, where the truth is read from them.
    let table: (f: UnsafeMutableBufferPointer<UInt64>, df: UnsafeMutableBufferPointer<UInt64>?)?
    let derivative: Bool
    let profiling: Bool
    let limits: RowComparison.Limits
    let decode: RowComparison.Decoder

    /// Each row's mark from ``PlainCounts/mark(_:_:)``.
    let marks: UnsafeMutableBufferPointer<UInt8>

    init(_ buffers: CheckBuffers, derivative: Bool, _ comparison: RowComparison) {
        (xs, points, ulps, marks) = (buffers.xs, buffers.points, buffers.ulps, buffers.marks)
        if case .table(let derivatives) = comparison.truth {
            table = (buffers.expectedF, derivatives ? buffers.expectedDF : nil)
        } else {
            table = nil
        }
        results = derivative ? buffers.dyBits : buffers.yBits
        self.derivative = derivative
        profiling = comparison.profiling
        limits = comparison.limits
        decode = comparison.decode
    }
}
