import Dispatch
import Synchronization

/// How a survey visits a format's inputs: each side's bit patterns from 0 outwards, streamed in
/// chunks that the processor's cores scan at once, each into a summary, the summaries combined
/// in order, so that the result is the same on any number of cores.
extension FormatSurvey {
    /// The inputs of one side, by index from 0 outwards: every pattern 1, 2, …, top, or every
    /// 2^k-th (1, 1 + 2^k, …) and then the largest finite value.
    struct Side: Sendable {
        let format: NumberFormat
        let negative: Bool
        /// The pattern of the largest finite value.
        let top: UInt64
        /// Every how many patterns: 1 when every input is visited.
        let stride: UInt64
        /// How many inputs.
        let count: Int

        init(_ format: NumberFormat, negative: Bool, stride: UInt64) {
            self.format = format
            self.negative = negative
            self.stride = stride
            top = format.bits(of: format.greatestFiniteMagnitude)
            // 1, 1 + s, … below top, then top itself.
            count = Int((top - 2) / stride) + 2
        }

        /// The bit pattern of input `index`.
        @inline(__always)
        func pattern(_ index: Int) -> UInt64 {
            let p = 1 + UInt64(index) * stride
            return p < top ? p : top
        }

        /// Input `index`.
        @inline(__always)
        func input(_ index: Int) -> Double {
            let v = format.value(bits: pattern(index))
            return negative ? -v : v
        }

        /// The index of the input before the one with this pattern (nil for the first).
        func previous(ofPattern p: UInt64) -> UInt64? {
            guard p > 1 else { return nil }
            if p == top && (top - 1) % stride != 0 { return 1 + ((top - 2) / stride) * stride }
            return p - stride
        }
    }

    /// What a run of inputs says about an event so far: none, only inputs whose true value has
    /// it too (pending), or started at an input that has it.
    enum RunState: Sendable {
        case none
        case pending
        case started(Double)
    }

    /// What one chunk of a side found, for f and f′, enough to combine chunks in order.
    struct Summary: Sendable {
        /// f's findings.
        var value = PartSummary()
        /// f′'s findings.
        var derivative = PartSummary()
        var uncertain = 0
        var visited = 0

        /// f's (part 0) or f′'s (part 1) findings.
        subscript(part: Int) -> PartSummary {
            get { part == 0 ? value : derivative }
            set {
                if part == 0 { value = newValue } else { derivative = newValue }
            }
        }
    }

    /// What one chunk found for f or for f′, in storage of fixed size (a scan updates it at
    /// every input, without the copy-on-write checks of arrays).
    struct PartSummary: Sendable {
        /// Per event: whether an input broke the event's run, the run at the chunk's end
        /// (scanned from `none`), the first input with the event, and the first input that
        /// marks it (wrong turns anywhere, subnormals from |x| ≥ 1 on).
        var broken: UInt8 = 0
        var end = InlineArray<8, RunState>(repeating: .none)
        var firstPresent = InlineArray<8, Double?>(repeating: nil)
        var firstMarked = InlineArray<8, Double?>(repeating: nil)
        /// The events whose run is not `none` at the chunk's end.
        var active: UInt8 = 0
        /// The largest finite error so far (−1: none) and where.
        var worstUlps = -1.0
        var worstAt = 0.0
    }

    /// Events per part.
    static let eventCount = 8

    /// The events at a point for f (part 0) or f′ (part 1) as bits in ``Event`` order (with the
    /// point before it on its side, for monotonicity).
    @inline(__always)
    static func eventBits(_ p: FormatPoint, part: Int, format: NumberFormat, after previous: FormatPoint?)
        -> UInt8
    {
        let (v, t) = part == 0 ? (p.value, p.exactValue) : (p.derivative, p.exactDerivative)
        let before = previous.map {
            part == 0 ? ($0.value, $0.exactValue) : ($0.derivative, $0.exactDerivative)
        }
        return eventBits(v, exact: t, input: p.input, isValue: part == 0, Bounds(format), after: before)
    }

    /// What a scan reads of a format at every input, read once: the bounds events compare
    /// with, and what an error in ulps needs (a plain value: no reference counting per input).
    struct Bounds {
        let leastNormal: Double
        let greatestFinite: Double
        let leastNonzero: Double
        let maximumExponent: Int
        let fractionBits: Int

        init(_ format: NumberFormat) {
            leastNormal = format.leastNormalMagnitude
            greatestFinite = format.greatestFiniteMagnitude
            leastNonzero = format.leastNonzeroMagnitude
            maximumExponent = format.maximumExponent
            fractionBits = format.fractionBits
        }

        /// ``NumberFormat/ulpError(_:exact:)``, from these numbers.
        @inline(__always)
        func ulpError(_ value: Double, exact: Double) -> Double {
            if value == exact || value.isNaN && exact.isNaN { return 0 }
            guard value.isFinite && exact.isFinite else { return .infinity }
            let a = abs(exact)
            let ulp =
                a >= leastNormal
                ? Double.pow2(Swift.min(a.exponent, maximumExponent) - fractionBits) : leastNonzero
            return abs(value - exact) / ulp
        }
    }

    /// The events of a computed value `v` whose true value is `t`, as bits in ``Event`` order;
    /// `isValue`: it is f (f = x and f = ±1 are f's events); `previous`: the computed and true
    /// values at the input before, for monotonicity.
    @inline(__always)
    static func eventBits(
        _ v: Double, exact t: Double, input x: Double, isValue: Bool, _ bounds: Bounds,
        after previous: (Double, Double)?
    ) -> UInt8 {
        var bits: UInt8 = 0
        let (a, b) = (abs(v), abs(t))
        if v == 0 && t != 0 { bits |= 1 << 0 }
        if v != 0 && a < bounds.leastNormal { bits |= 1 << 1 }
        if a == bounds.greatestFinite && b != bounds.greatestFinite { bits |= 1 << 2 }
        if v.isInfinite && t.isFinite { bits |= 1 << 3 }
        if v.isNaN && !t.isNaN { bits |= 1 << 4 }
        if isValue && v == x && t != x && x != 0 { bits |= 1 << 5 }
        if isValue && a == 1 && b != 1 { bits |= 1 << 6 }
        if let (u, s) = previous {
            let computed = v - u
            let exact = t - s
            // Between two equal infinities (or across a NaN) the computed curve does not move.
            if computed != 0 && !computed.isNaN && exact != 0 && !exact.isNaN && (computed > 0) != (exact > 0)
            {
                bits |= 1 << 7
            }
        }
        return bits
    }

    /// Inputs evaluated at once: a block of the function's batch kernel.
    static let blockSize = 1024

    /// Scans inputs `range` of a side into a summary, a block of inputs at a time.
    static func scan(_ side: Side, _ range: Range<Int>, _ evaluation: FormatEvaluation, exhaustive: Bool)
        -> Summary
    {
        // A sampled survey probes for wrong turns; an exhaustive one sees them all.
        let probes = !exhaustive && evaluation.usesFormula
        let bounds = Bounds(evaluation.format)
        var s = Summary()
        var previous: FormatPoint? =
            exhaustive && range.lowerBound > 0
            ? evaluation.evaluate(at: side.input(range.lowerBound - 1)) : nil
        // Each block's inputs and points, then (probing) the inputs next to them and theirs.
        let inputs = UnsafeMutableBufferPointer<Double>.allocate(capacity: 2 * blockSize)
        let points = UnsafeMutableBufferPointer<FormatPoint>.allocate(capacity: 2 * blockSize)
        defer {
            inputs.deallocate()
            points.deallocate()
        }
        for start in Swift.stride(from: range.lowerBound, to: range.upperBound, by: blockSize) {
            let count = Swift.min(blockSize, range.upperBound - start)
            for i in 0..<count { inputs[i] = side.input(start + i) }
            if probes {
                for i in 0..<count { inputs[count + i] = probe(after: inputs[i], evaluation.format) }
            }
            let evaluated = probes ? 2 * count : count
            evaluation.evaluate(
                UnsafeBufferPointer(rebasing: inputs[..<evaluated]),
                into: UnsafeMutableBufferPointer(rebasing: points[..<evaluated]))
            for i in 0..<count {
                let p = points[i]
                if probes { mark(p, next: points[count + i], evaluation.format, into: &s) }
                visit(p, after: exhaustive ? previous : nil, bounds, into: &s)
                previous = p
            }
        }
        return s
    }

    /// Adds one point to a summary: its events, its errors, whether it is certain.
    @inline(__always)
    private static func visit(
        _ p: FormatPoint, after previous: FormatPoint?, _ bounds: Bounds, into s: inout Summary
    ) {
        s.visited += 1
        if !p.certain { s.uncertain += 1 }
        s.value.visit(
            p.value, exact: p.exactValue, isValue: true, at: p.input,
            previous.map { ($0.value, $0.exactValue) },
            bounds)
        s.derivative.visit(
            p.derivative, exact: p.exactDerivative, isValue: false, at: p.input,
            previous.map { ($0.derivative, $0.exactDerivative) }, bounds)
    }

    /// A sampled point's wrong turn to the input next to it, the first on its part (kept out
    /// of line: the scan's loop stays small enough for its visit to be inlined).
    @inline(never)
    private static func mark(
        _ p: FormatPoint, next q: FormatPoint, _ format: NumberFormat, into s: inout Summary
    ) {
        for part in 0..<2 where s[part].firstMarked[7] == nil && turns(p, to: q, part, format) {
            s[part].firstMarked[7] = p.input
        }
    }

    /// A side's summaries combined in order: the events found, the worst errors, the uncertain.
    static func combine(_ summaries: [Summary]) -> (found: [[Event: Double]], worst: [Worst?], uncertain: Int)
    {
        var found: [[Event: Double]] = [[:], [:]]
        var worst: [Worst?] = [nil, nil]
        var uncertain = 0
        var runs = [[RunState]](repeating: [RunState](repeating: .none, count: eventCount), count: 2)
        var marked = [[Double?]](repeating: [Double?](repeating: nil, count: eventCount), count: 2)
        for s in summaries where s.visited > 0 {
            uncertain += s.uncertain
            for part in 0..<2 {
                let p = s[part]
                for e in 0..<eventCount {
                    if marked[part][e] == nil { marked[part][e] = p.firstMarked[e] }
                    if p.broken & (1 << e) != 0 {
                        runs[part][e] = p.end[e]
                    } else if case .started = runs[part][e] {
                    } else {
                        runs[part][e] = p.firstPresent[e].map { .started($0) } ?? .pending
                    }
                }
                if p.worstUlps >= 0, p.worstUlps > (worst[part]?.ulps ?? -1) {
                    worst[part] = Worst(ulps: p.worstUlps, at: p.worstAt)
                }
            }
        }
        for part in 0..<2 {
            for (e, event) in Event.allCases.enumerated() {
                if e == 7 || e == 1 {
                    if let x = marked[part][e] { found[part][event] = x }
                } else if case .started(let x) = runs[part][e] {
                    found[part][event] = x
                }
            }
        }
        return (found, worst, uncertain)
    }

    /// Inputs per chunk: at least 2^14, so that a chunk's bookkeeping is nothing beside its
    /// evaluations, and few enough chunks (at most about 8,192 a side) that their summaries
    /// stay small; every core still has chunks to the end.
    static func chunkSize(_ count: Int) -> Int {
        Swift.max(1 << 14, (count + 8191) / 8192)
    }

    /// A side scanned in chunks on `threads` cores, combined in order.
    ///
    /// Each core takes the next chunk not yet taken, so that a core whose chunks are cheap (a saturated tail) does
    /// not wait for the other.
    static func scan(
        _ side: Side, _ evaluation: FormatEvaluation, exhaustive: Bool, threads: Int,
        progress: SurveyProgress?
    ) -> (found: [[Event: Double]], worst: [Worst?], uncertain: Int) {
        let size = chunkSize(side.count)
        let chunks = (side.count + size - 1) / size
        var summaries = [Summary](repeating: Summary(), count: chunks)
        let workers = Swift.max(1, Swift.min(threads, chunks))
        let next = Atomic<Int>(0)
        summaries.withUnsafeMutableBufferPointer { buffer in
            let shared = UncheckedSendable(buffer)
            let work = { @Sendable (_: Int) in
                while true {
                    let chunk = next.add(1, ordering: .relaxed).oldValue
                    guard chunk < chunks else { return }
                    let range = chunk * size..<Swift.min(side.count, (chunk + 1) * size)
                    shared.value[chunk] = scan(side, range, evaluation, exhaustive: exhaustive)
                    progress?.advance(by: range.count)
                }
            }
            if workers == 1 {
                work(0)
            } else {
                withoutActuallyEscaping(work) { work in
                    DispatchQueue.concurrentPerform(iterations: workers, execute: work)
                }
            }
        }
        return combine(summaries)
    }
}

extension FormatSurvey.PartSummary {
    /// Adds a computed value `v` whose true value is `t`, at input `x`.
    ///
    /// Transparent, not just `@inline(__always)`: with the latter the optimiser inlined f's
    /// call and not f′'s, and an every-float32 survey ran 20 % slower.
    @_transparent
    mutating func visit(
        _ v: Double, exact t: Double, isValue: Bool, at x: Double, _ previous: (Double, Double)?,
        _ bounds: FormatSurvey.Bounds
    ) {
        let present = FormatSurvey.eventBits(v, exact: t, input: x, isValue: isValue, bounds, after: previous)
        // The true value's own events: those of t against nothing (NaN).
        let neutral = FormatSurvey.eventBits(t, exact: .nan, input: x, isValue: isValue, bounds, after: nil)
        record(present, neutral, x)
        let error = bounds.ulpError(v, exact: t)
        if t.isFinite, error.isFinite, error > worstUlps {
            worstUlps = error
            worstAt = x
        }
    }

    /// One point's events in the runs and firsts: an event present starts its run (or keeps
    /// it), one whose true value has it too keeps its run or leaves it pending, and any other
    /// ends it.
    @inline(__always)
    mutating func record(_ present: UInt8, _ neutral: UInt8, _ x: Double) {
        let absent = ~(present | neutral)
        broken |= absent
        let touched = present | neutral | (active & absent)
        if touched != 0 { update(touched, present, neutral, x) }
        active = (active & ~absent) | present | neutral
    }

    /// The runs and firsts of the events `touched` (at about half of float32's inputs: those in
    /// a tail where f is 0 or ±1).
    @inline(__always)
    private mutating func update(_ touched: UInt8, _ present: UInt8, _ neutral: UInt8, _ x: Double) {
        var touched = touched
        while touched != 0 {
            let event = touched.trailingZeroBitCount
            let bit: UInt8 = 1 << event
            touched &= touched - 1
            if present & bit != 0 {
                if firstPresent[event] == nil { firstPresent[event] = x }
                if (event == 7 || event == 1 && abs(x) >= 1) && firstMarked[event] == nil {
                    firstMarked[event] = x
                }
                if case .started = end[event] {} else { end[event] = .started(x) }
            } else if neutral & bit != 0 {
                if case .none = end[event] { end[event] = .pending }
            } else {
                end[event] = .none
            }
        }
    }
}
