import Dispatch

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
        /// Per part and event: whether an input broke the event's run, the run at the chunk's
        /// end (scanned from `none`), the first input with the event, and the first input that
        /// marks it (wrong turns anywhere, subnormals from |x| ≥ 1 on).
        var broken: [UInt8] = [0, 0]
        var end = [RunState](repeating: .none, count: 2 * eventCount)
        /// Per part, the events whose run is not `none` at the chunk's end.
        var active: [UInt8] = [0, 0]
        var firstPresent = [Double?](repeating: nil, count: 2 * eventCount)
        var firstMarked = [Double?](repeating: nil, count: 2 * eventCount)
        var worst: [Worst?] = [nil, nil]
        var uncertain = 0
        var visited = 0
    }

    static let eventCount = Event.allCases.count

    /// The events at a point for f (part 0) or f′ (part 1) as bits in ``Event`` order (with the
    /// point before it on its side, for monotonicity).
    @inline(__always)
    static func eventBits(_ p: FormatPoint, part: Int, format: NumberFormat, after previous: FormatPoint?)
        -> UInt8
    {
        let (v, t) = part == 0 ? (p.value, p.exactValue) : (p.derivative, p.exactDerivative)
        var bits: UInt8 = 0
        if v == 0 && t != 0 { bits |= 1 << 0 }
        if v != 0 && abs(v) < format.leastNormalMagnitude { bits |= 1 << 1 }
        if abs(v) == format.greatestFiniteMagnitude && abs(t) != format.greatestFiniteMagnitude {
            bits |= 1 << 2
        }
        if v.isInfinite && t.isFinite { bits |= 1 << 3 }
        if v.isNaN && !t.isNaN { bits |= 1 << 4 }
        if part == 0 && v == p.input && t != p.input && p.input != 0 { bits |= 1 << 5 }
        if part == 0 && abs(v) == 1 && abs(t) != 1 { bits |= 1 << 6 }
        if let previous {
            let (u, s) =
                part == 0
                ? (previous.value, previous.exactValue) : (previous.derivative, previous.exactDerivative)
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

    /// Scans inputs `range` of a side into a summary.
    static func scan(_ side: Side, _ range: Range<Int>, _ evaluation: FormatEvaluation, exhaustive: Bool)
        -> Summary
    {
        let format = evaluation.format
        let probes = !exhaustive && evaluation.usesFormula
        var s = Summary()
        var previous: FormatPoint? =
            exhaustive && range.lowerBound > 0
            ? evaluation.evaluate(at: side.input(range.lowerBound - 1)) : nil
        for index in range {
            let x = side.input(index)
            let p = evaluation.evaluate(at: x)
            s.visited += 1
            if !p.certain { s.uncertain += 1 }
            let truth = FormatPoint(
                input: p.input, value: p.exactValue, derivative: p.exactDerivative, exactValue: .nan,
                exactDerivative: .nan, certain: true)
            for part in 0..<2 {
                let k = part * eventCount
                // Rounding once is monotone, so exact results cannot turn the wrong way.
                if probes && s.firstMarked[k + 7] == nil && turnsNearby(p, part, evaluation) {
                    s.firstMarked[k + 7] = x
                }
                let present = eventBits(p, part: part, format: format, after: exhaustive ? previous : nil)
                let neutral = eventBits(truth, part: part, format: format, after: nil)
                record(&s, part, present, neutral, x)
                let (computed, exact) =
                    part == 0 ? (p.value, p.exactValue) : (p.derivative, p.exactDerivative)
                let error = format.ulpError(computed, exact: exact)
                if exact.isFinite, error.isFinite, error > (s.worst[part]?.ulps ?? -1) {
                    s.worst[part] = Worst(ulps: error, at: x)
                }
            }
            previous = p
        }
        return s
    }

    /// One point's events in a summary's runs and firsts: an event present starts its run (or
    /// keeps it), one whose true value has it too keeps its run or leaves it pending, and any
    /// other ends it.
    @inline(__always)
    private static func record(
        _ s: inout Summary, _ part: Int, _ present: UInt8, _ neutral: UInt8, _ x: Double
    ) {
        let absent = ~(present | neutral)
        s.broken[part] |= absent
        let ending = s.active[part] & absent
        var touched = present | neutral | ending
        guard touched != 0 else { return }
        let k = part * eventCount
        while touched != 0 {
            let event = touched.trailingZeroBitCount
            let bit: UInt8 = 1 << event
            touched &= touched - 1
            if present & bit != 0 {
                if s.firstPresent[k + event] == nil { s.firstPresent[k + event] = x }
                if (event == 7 || event == 1 && abs(x) >= 1) && s.firstMarked[k + event] == nil {
                    s.firstMarked[k + event] = x
                }
                if case .started = s.end[k + event] {} else { s.end[k + event] = .started(x) }
            } else if neutral & bit != 0 {
                if case .none = s.end[k + event] { s.end[k + event] = .pending }
            } else {
                s.end[k + event] = .none
            }
        }
        s.active[part] = (s.active[part] & ~absent) | present | neutral
    }

    /// A side's summaries combined in order: the events found, the worst errors, the uncertain.
    static func combine(_ summaries: [Summary]) -> (found: [[Event: Double]], worst: [Worst?], uncertain: Int)
    {
        var found: [[Event: Double]] = [[:], [:]]
        var worst: [Worst?] = [nil, nil]
        var uncertain = 0
        var runs = [RunState](repeating: .none, count: 2 * eventCount)
        var marked = [Double?](repeating: nil, count: 2 * eventCount)
        for s in summaries where s.visited > 0 {
            uncertain += s.uncertain
            for i in 0..<2 * eventCount {
                if marked[i] == nil { marked[i] = s.firstMarked[i] }
                if s.broken[i / eventCount] & (1 << (i % eventCount)) != 0 {
                    runs[i] = s.end[i]
                } else if case .started = runs[i] {
                } else {
                    runs[i] = s.firstPresent[i].map { .started($0) } ?? .pending
                }
            }
            for part in 0..<2 {
                if let w = s.worst[part], w.ulps > (worst[part]?.ulps ?? -1) { worst[part] = w }
            }
        }
        for part in 0..<2 {
            for (e, event) in Event.allCases.enumerated() {
                let i = part * eventCount + e
                if e == 7 || e == 1 {
                    if let x = marked[i] { found[part][event] = x }
                } else if case .started(let x) = runs[i] {
                    found[part][event] = x
                }
            }
        }
        return (found, worst, uncertain)
    }

    /// Inputs per chunk: large enough that a chunk's bookkeeping is nothing beside its
    /// evaluations, small enough that every core has chunks to the end.
    static let chunkSize = 1 << 14

    /// A side scanned in chunks on `threads` cores, combined in order.
    static func scan(_ side: Side, _ evaluation: FormatEvaluation, exhaustive: Bool, threads: Int)
        -> (found: [[Event: Double]], worst: [Worst?], uncertain: Int)
    {
        let chunks = (side.count + chunkSize - 1) / chunkSize
        var summaries = [Summary](repeating: Summary(), count: chunks)
        let workers = Swift.max(1, Swift.min(threads, chunks))
        summaries.withUnsafeMutableBufferPointer { buffer in
            let shared = UncheckedSendable(buffer)
            // Each worker takes every workers-th chunk: the chunks are of one size.
            let work = { @Sendable (worker: Int) in
                for chunk in Swift.stride(from: worker, to: chunks, by: workers) {
                    let range = chunk * chunkSize..<Swift.min(side.count, (chunk + 1) * chunkSize)
                    shared.value[chunk] = scan(side, range, evaluation, exhaustive: exhaustive)
                }
            }
            if workers == 1 {
                work(0)
            } else {
                DispatchQueue.concurrentPerform(iterations: workers, execute: work)
            }
        }
        return combine(summaries)
    }
}
