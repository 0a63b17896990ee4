/// Where a function breaks in a format, on each side of 0: from which |x| on f or f′ is 0,
/// ±max, ±∞ or NaN though the true value is not, or sits on its asymptote (f = x, f = ±1), for
/// good; the first |x| ≥ 1 where it is subnormal; the first input where it moves against the
/// true function; and the largest error in ulps.
///
/// An 8- or 16-bit format is surveyed exactly, by visiting every finite input, and so is
/// float32 with ``Coverage/every``: 2^32 inputs in blocks through the batch kernels and the
/// compiled textbook formulas, on every core, in a minute or two. Otherwise float32 is
/// sampled every 2^14 bit patterns on each side (any format every 2^k with
/// ``Coverage/stride(_:)``), and each threshold found is narrowed to the format's grid by
/// bisection between the last sample without the event and the first with it; monotonicity is
/// probed between each sample and the next input of the format, so a wrong turn there is the
/// first sample found to have one (not necessarily the first input).
public struct FormatSurvey: Sendable {
    /// What can happen to a computed value though the true value stays clear of it.
    public enum Event: Sendable, Hashable, CaseIterable {
        /// It is 0.
        case zero
        /// It is subnormal (counted from |x| ≥ 1, in the tails).
        case subnormal
        /// It is ±(the largest finite value).
        case largest
        /// It is ±∞.
        case infinite
        /// It is NaN.
        case nan
        /// f(x) = x (an asymptote reached).
        case identity
        /// f(x) = ±1 (an asymptote reached).
        case unit
        /// It moves against the true function from the input before.
        case againstTruth
    }

    /// Which computed value an event or error is about.
    public enum Part: Int, Sendable, Hashable, CaseIterable {
        /// f.
        case value
        /// f′.
        case derivative
    }

    /// The first input on each side where an event happens to f or f′.
    public struct Threshold: Sendable, Hashable {
        /// f or f′.
        public let part: Part
        /// What happens.
        public let event: Event
        /// The negative input nearest 0 where it happens, or nil.
        public let negative: Double?
        /// The positive input nearest 0 where it happens, or nil.
        public let positive: Double?
    }

    /// The largest error of a part on one side, and where.
    public struct Worst: Sendable, Hashable {
        /// In ulps of the format.
        public let ulps: Double
        /// The input.
        public let at: Double
    }

    /// The largest errors of a part on the negative and the positive side.
    public struct WorstErrors: Sendable, Hashable {
        /// f or f′.
        public let part: Part
        /// The largest finite error for x < 0, if any input had one.
        public let negative: Worst?
        /// The largest finite error for x > 0, if any input had one.
        public let positive: Worst?
    }

    /// What was surveyed.
    public let evaluation: FormatEvaluation
    /// The thresholds found, f's then f′'s, in ``Event`` order.
    public let thresholds: [Threshold]
    /// The largest finite error of f and f′ on the negative and the positive side.
    public let worst: [WorstErrors]
    /// The inputs visited (both sides).
    public let inputs: Int
    /// Whether every input of the format was visited.
    public let exhaustive: Bool
    /// Of a sampled survey, every how many bit patterns an input was taken: 2^stride.
    public let stride: Int?
    /// Results of exact rounding marked uncertain.
    public let uncertain: Int

    /// The largest errors of f or of f′.
    public func worst(of part: Part) -> WorstErrors {
        worst[part.rawValue]
    }

    /// Which of a format's inputs a survey visits.
    public enum Coverage: Sendable, Hashable {
        /// Every input of an 8- or 16-bit format; every 2^14th pattern of float32, and of
        /// float64 as many as finish within seconds.
        case standard
        /// Every finite input: 2^32 − 2^24 − 2 of float32. Not for float64, whose 2^64 would
        /// take centuries.
        case every
        /// Every 2^k-th bit pattern on each side, and the largest finite value (k = 0: every
        /// input).
        case stride(Int)

        /// The stride as a power of two for a format: 0 for every input.
        public func exponent(for format: NumberFormat) -> Int {
            switch self {
            case .standard: format.bitWidth <= 16 ? 0 : FormatSurvey.stride(format)
            case .every: 0
            case .stride(let k): k
            }
        }
    }

    /// Surveys a function in a format.
    /// - Parameters:
    ///   - evaluation: The function, format and arithmetic.
    ///   - coverage: Which inputs: every one, or every 2^k-th pattern.
    ///   - threads: How many cores scan at once, nil for all of them (the result is the same for
    ///     any number).
    ///   - progress: Counts the inputs visited as the scan goes, for a progress bar.
    public init(
        _ evaluation: FormatEvaluation, coverage: Coverage = .standard, threads: Int? = nil,
        progress: SurveyProgress? = nil
    ) {
        precondition(Event.allCases.count == Self.eventCount, "a summary holds 8 events a part")
        self.evaluation = evaluation
        let format = evaluation.format
        let k = coverage.exponent(for: format)
        let every = k == 0
        exhaustive = every
        stride = every ? nil : k
        let sides = [true, false].map { Side(format, negative: $0, stride: UInt64(1) << UInt64(k)) }
        let cores = threads ?? Concurrency.processorCount
        let scans = sides.map {
            Self.scan($0, evaluation, exhaustive: every, threads: cores, progress: progress)
        }
        var found = scans.flatMap(\.found)  // (side, part) → threshold
        if !every { found = Self.narrowed(found, sides, evaluation) }
        var thresholds: [Threshold] = []
        var worst: [WorstErrors] = []
        for part in Part.allCases {
            let k = part.rawValue
            for event in Event.allCases where found[k][event] != nil || found[2 + k][event] != nil {
                thresholds.append(
                    Threshold(
                        part: part, event: event, negative: found[k][event], positive: found[2 + k][event]))
            }
            worst.append(WorstErrors(part: part, negative: scans[0].worst[k], positive: scans[1].worst[k]))
        }
        self.thresholds = thresholds
        self.worst = worst
        self.inputs = sides.reduce(0) { $0 + $1.count }
        self.uncertain = scans.reduce(0) { $0 + $1.uncertain }
    }

    /// How many inputs a survey of a format visits, both sides.
    public static func inputs(_ format: NumberFormat, coverage: Coverage) -> Int {
        let step = UInt64(1) << UInt64(coverage.exponent(for: format))
        return 2 * Side(format, negative: false, stride: step).count
    }

    /// The same survey as another evaluation's whose every result is the same (float32's naive
    /// and opmath: both round every operation to float32).
    package func relabelled(_ other: FormatEvaluation) -> FormatSurvey {
        FormatSurvey(
            evaluation: other, thresholds: thresholds, worst: worst, inputs: inputs, exhaustive: exhaustive,
            stride: stride, uncertain: uncertain)
    }

    /// A survey from its parts.
    private init(
        evaluation: FormatEvaluation, thresholds: [Threshold], worst: [WorstErrors], inputs: Int,
        exhaustive: Bool, stride: Int?, uncertain: Int
    ) {
        self.evaluation = evaluation
        self.thresholds = thresholds
        self.worst = worst
        self.inputs = inputs
        self.exhaustive = exhaustive
        self.stride = stride
        self.uncertain = uncertain
    }

    /// The input next to a sampled one outwards, where float32's sampled survey probes
    /// monotonicity; NaN where there is none (0, ±max, not finite).
    @inline(never)
    static func probe(after x: Double, _ format: NumberFormat) -> Double {
        guard x.isFinite, x != 0, abs(x) < format.greatestFiniteMagnitude else { return .nan }
        return format.value(bits: format.bits(of: abs(x)) + 1) * (x < 0 ? -1 : 1)
    }

    /// Whether f or f′ turns the wrong way from a sampled point `p` to `q`, the one at its
    /// ``probe(after:_:)``.
    static func turns(_ p: FormatPoint, to q: FormatPoint, _ part: Int, _ format: NumberFormat) -> Bool {
        guard !q.input.isNaN else { return false }
        return events(q, part: part, format: format, after: p).contains(.againstTruth)
    }

    /// The events at a point for f or f′ (with the point before it on its side, for
    /// monotonicity): ``eventBits(_:part:format:after:)``'s bits as cases, one set of rules.
    static func events(_ p: FormatPoint, part: Int, format: NumberFormat, after previous: FormatPoint?)
        -> [Event]
    {
        let bits = eventBits(p, part: part, format: format, after: previous)
        return Event.allCases.enumerated().filter { bits & (1 << $0.offset) != 0 }.map(\.element)
    }

    /// The samples a side of a format wider than 32 bits gets: 2^16, so that a survey of
    /// float64's 2^63 patterns a side ends within seconds.
    static let sampleBudget = 16

    /// Every how many patterns a sampled survey takes an input, as a power of two: 2^14 for
    /// float32 (131,072 samples a side), and for wider formats as many as ``sampleBudget`` allows.
    static func stride(_ format: NumberFormat) -> Int {
        let top = format.bits(of: format.greatestFiniteMagnitude)
        return format.bitWidth <= 32 ? 14 : (64 - top.leadingZeroBitCount) - sampleBudget
    }

    /// Each sampled threshold narrowed to the first input of the format with the event, by
    /// bisection on the bit patterns between the sample before it and it.
    static func narrowed(_ found: [[Event: Double]], _ sides: [Side], _ evaluation: FormatEvaluation)
        -> [[Event: Double]]
    {
        let format = evaluation.format
        var out = found
        for slot in 0..<4 {
            let (side, part) = (slot / 2, slot % 2)
            for (event, x) in found[slot] where event != .againstTruth {
                guard var low = sides[side].previous(ofPattern: format.bits(of: abs(x))) else { continue }
                var high = format.bits(of: abs(x))
                while high - low > 1 {
                    let mid = low + (high - low) / 2
                    let v = format.value(bits: mid) * (side == 0 ? -1 : 1)
                    let p = evaluation.evaluate(at: v)
                    if events(p, part: part, format: format, after: nil).contains(event) {
                        high = mid
                    } else {
                        low = mid
                    }
                }
                out[slot][event] = format.value(bits: high) * (side == 0 ? -1 : 1)
            }
        }
        return out
    }
}
