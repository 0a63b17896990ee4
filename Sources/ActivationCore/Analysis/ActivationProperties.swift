/// Numeric properties of a function measured over an interval: what `actplot info` prints.
///
/// ```swift
/// let p = ActivationProperties(of: try Catalog.activation("tanh"), over: -5...5)
/// p.monotonicity        // .increasing
/// p.flatIntervals       // [] : |tanh′| ≥ 1e-3 on all of [−5, 5]
/// ```
/// Sampled on an even grid (endpoints included) plus 0 when it lies inside. Zeros of f′ are
/// bracketed by its sign changes and by local minima of |f′| between grid points, then found
/// by bisection (or golden-section search) to a few ulps and snapped to the shortest decimal
/// in the final bracket, so that cos′'s zero prints as 0. The flat intervals are the grid's
/// runs of |f′| < 1e-3 together with the zone around every zero of f′, however narrow; their
/// edges are refined by bisection to 1e-9 of the range's width.
public struct ActivationProperties: Sendable {
    /// How f changes from left to right across the samples.
    public enum Monotonicity: String, Sendable {
        /// Every sample larger than the one before.
        case increasing
        /// Never smaller than the one before, sometimes equal.
        case nondecreasing
        /// Every sample smaller than the one before.
        case decreasing
        /// Never larger than the one before, sometimes equal.
        case nonincreasing
        /// The same value everywhere.
        case constant
        /// Goes up and down.
        case nonMonotonic = "non-monotonic"
    }

    /// The interval measured.
    public let range: ClosedRange<Double>
    /// The number of grid points.
    public let samples: Int
    /// The smallest and largest sampled value of f.
    public let outputRange: ClosedRange<Double>
    /// Where the smallest and largest values were found.
    public let extremePoints: ExtremePoints
    /// Monotonicity over the samples.
    public let monotonicity: Monotonicity
    /// Outputs symmetric about zero: f(−x) = −f(x) (to 1e-12 relative) wherever both x and −x
    /// are in the range, and f takes both signs (tanh yes; sigmoid, ReLU, GELU no).
    public let isZeroCentred: Bool
    /// The mean of f over the samples.
    public let meanValue: Double
    /// f(0), f′(0) and f″(0).
    public let atZero: Jet
    /// f as x → −∞ and x → +∞; NaN where there is none (see ``definedFarOut``).
    public let limits: Ends<Double>
    /// Whether f is defined far out on each side even where ``limits`` is NaN: true means
    /// f oscillates or wanders (sin has no limit); false means f is NaN out there (log at −∞).
    public let definedFarOut: Ends<Bool>
    /// How smooth f is.
    public let smoothness: Smoothness
    /// The threshold below which |f′| counts as flat (saturated or dead): 1e-3.
    public static let flatThreshold = 1e-3
    /// The sub-intervals where |f′| < 1e-3: saturated or dead zones, and the neighbourhood of
    /// every stationary point (a single point, such as abs′(0) = 0, is not an interval).
    public let flatIntervals: [ClosedRange<Double>]
    /// Where f′ is 0 or changes sign inside the range, in increasing order.
    public let stationaryPoints: [Double]
    /// What f does at each of ``stationaryPoints``.
    public let stationaryKinds: [StationaryKind]

    /// What f does where f′ is 0 or changes sign.
    public enum StationaryKind: String, Sendable {
        /// f′ goes from negative to positive.
        case minimum
        /// f′ goes from positive to negative.
        case maximum
        /// f′ is 0 but keeps its sign on both sides (x³ at 0).
        case inflection
        /// f′ jumps from negative to positive without passing 0 (|x| at 0).
        case cornerMinimum = "minimum (corner)"
        /// f′ jumps from positive to negative without passing 0.
        case cornerMaximum = "maximum (corner)"
    }

    /// Measures `function` over `range`.
    /// - Parameters:
    ///   - function: The activation.
    ///   - range: A finite interval with lower < upper.
    ///   - samples: Grid points, at least 2.
    public init(of function: Activation, over range: ClosedRange<Double>, samples: Int = 20_001) {
        precondition(
            range.lowerBound < range.upperBound && range.lowerBound.isFinite && range.upperBound.isFinite,
            "the range must be finite and non-empty")
        precondition(samples >= 2, "at least two samples are needed")
        self.range = range
        self.samples = samples
        let xs = Self.grid(range, samples: samples)
        let jets = xs.map { function.jet(at: $0) }
        let stationary = Self.stationaryPoints(of: function, xs: xs, jets: jets)
        self.stationaryPoints = stationary.map(\.x)
        self.stationaryKinds = stationary.map(\.kind)
        // The sampled extremes, bettered by the stationary points found between samples.
        var (minimum, maximum) = Self.extremes(xs, jets, from: range.lowerBound)
        for point in stationary {
            let v = function.value(at: point.x)
            if v < minimum.value { minimum = (v, point.x) }
            if v > maximum.value { maximum = (v, point.x) }
        }
        self.outputRange =
            minimum.value <= maximum.value ? minimum.value...maximum.value : Double.nan...Double.nan
        self.extremePoints = ExtremePoints(minimum: minimum.x, maximum: maximum.x)
        self.monotonicity = Self.monotonicity(jets)
        self.atZero = function.jet(at: 0)
        let mirrored = xs.filter { $0 > 0 && range.contains(-$0) }
        self.isZeroCentred =
            !mirrored.isEmpty && minimum.value < 0 && maximum.value > 0
            && mirrored.allSatisfy { x in
                let (a, b) = (function.value(at: x), function.value(at: -x))
                return abs(a + b) <= 1e-12 * Swift.max(abs(a), abs(b))
            }
        self.meanValue = jets.reduce(0) { $0 + $1.value } / Double(jets.count)
        self.limits = Ends(
            negative: Self.limit(of: function, sign: -1), positive: Self.limit(of: function, sign: 1))
        let defined = { (sign: Double) in
            [1e15, 1e30, 1e60].contains { !function.value(at: sign * $0).isNaN }
        }
        self.definedFarOut = Ends(negative: defined(-1), positive: defined(1))
        self.smoothness = function.smoothness
        self.flatIntervals = Self.flatIntervals(
            of: function, xs: xs, jets: jets,
            around: stationary.filter { $0.kind != .cornerMinimum && $0.kind != .cornerMaximum }.map(\.x))
    }

    /// The even grid over the range, ends included, with 0 added when it lies inside.
    private static func grid(_ range: ClosedRange<Double>, samples: Int) -> [Double] {
        let (lo, hi) = (range.lowerBound, range.upperBound)
        var xs = (0..<samples).map { i in
            (lo * Double(samples - 1 - i) + hi * Double(i)) / Double(samples - 1)
        }
        if lo < 0 && hi > 0 && !xs.contains(0) {
            xs.append(0)
            xs.sort()
        }
        return xs
    }

    /// The smallest and largest value sampled, and where (the first place, NaN skipped).
    private static func extremes(
        _ xs: [Double], _ jets: [Jet], from lo: Double
    ) -> (minimum: (value: Double, x: Double), maximum: (value: Double, x: Double)) {
        var minimum = (value: Double.infinity, x: lo)
        var maximum = (value: -Double.infinity, x: lo)
        for (x, jet) in zip(xs, jets) where !jet.value.isNaN {
            if jet.value < minimum.value { minimum = (jet.value, x) }
            if jet.value > maximum.value { maximum = (jet.value, x) }
        }
        return (minimum, maximum)
    }

    /// How f moves from sample to sample.
    private static func monotonicity(_ jets: [Jet]) -> Monotonicity {
        var (rises, falls, level) = (false, false, false)
        for (a, b) in zip(jets, jets.dropFirst()) {
            if b.value > a.value {
                rises = true
            } else if b.value < a.value {
                falls = true
            } else {
                level = true
            }
        }
        switch (rises, falls, level) {
        case (true, false, false): return .increasing
        case (true, false, true): return .nondecreasing
        case (false, true, false): return .decreasing
        case (false, true, true): return .nonincreasing
        case (false, false, _): return .constant
        default: return .nonMonotonic
        }
    }

    /// f(±∞), or the limit where f(±∞) itself is NaN.
    ///
    /// A typed formula such as `x/sqrt(1+x^2)` computes ∞/∞ at ∞; then the limit is the
    /// value f settles to along x = ±1e15, ±1e30, ±1e60, ±1e120: equal to 1e-9 between two
    /// of them, or ±∞ when |f| grows at least tenfold at each; else NaN.
    private static func limit(of f: Activation, sign: Double) -> Double {
        let atInfinity = f.value(at: sign * .infinity)
        guard atInfinity.isNaN else { return atInfinity }
        var previous = f.value(at: sign * 1e15)
        var growing = previous.isFinite
        for x in [1e30, 1e60, 1e120] {
            let v = f.value(at: sign * x)
            if v.isNaN || previous.isNaN { return .nan }
            if abs(v - previous) <= 1e-9 * Swift.max(1, abs(v)) { return v }
            growing = growing && abs(v) >= 10 * abs(previous) && (v < 0) == (previous < 0)
            previous = v
        }
        return growing ? (previous < 0 ? -.infinity : .infinity) : .nan
    }

    /// Zeros and sign changes of f′: bracketed on the grid, then refined and classified.
    private static func stationaryPoints(
        of f: Activation, xs: [Double], jets: [Jet]
    ) -> [(x: Double, kind: StationaryKind)] {
        let d = jets.map(\.derivative)
        var found: [(x: Double, kind: StationaryKind)] = []
        for i in xs.indices.dropLast() where d[i].isFinite && d[i + 1].isFinite {
            if d[i] * d[i + 1] < 0 {
                found.append(signChange(of: f, in: xs[i], xs[i + 1]))
            } else if d[i] == 0, i > 0, d[i - 1] != 0, d[i + 1] != 0 {
                // An isolated zero on the grid (x² or x³ at 0).
                found.append(
                    d[i - 1] * d[i + 1] < 0
                        ? classify(f, xs[i], leftNegative: d[i - 1] < 0) : (xs[i], .inflection))
            } else if i > 0, d[i] * d[i - 1] > 0, d[i] * d[i + 1] > 0, abs(d[i]) < 100 * flatThreshold,
                abs(d[i]) <= abs(d[i - 1]), abs(d[i]) <= abs(d[i + 1])
            {
                // |f′| dips between grid points: a zero of f′ that touches 0 without crossing.
                let (x, m) = ActivationComparison.goldenMaximum(
                    of: { -abs(f.derivative(at: $0)) }, in: xs[i - 1], xs[i + 1])
                if m == 0 { found.append((x, .inflection)) }
            }
        }
        return found
    }

    /// Where f′ changes sign between a and b (of opposite signs), by bisection, snapped to the
    /// shortest decimal in the last bracket; a corner when f′ jumps over 0.
    private static func signChange(of f: Activation, in a: Double, _ b: Double) -> (
        x: Double, kind: StationaryKind
    ) {
        let x = ActivationExtrema.signChange(a, b) { f.derivative(at: $0) }
        return classify(f, x, leftNegative: f.derivative(at: a) < 0)
    }

    /// An extremum at x: a corner when f′ keeps |f′| ≥ 1e-3 on both sides of x.
    private static func classify(_ f: Activation, _ x: Double, leftNegative: Bool) -> (
        x: Double, kind: StationaryKind
    ) {
        let sides = (abs(f.derivative(at: x.nextDown)), abs(f.derivative(at: x.nextUp)))
        let jump = Swift.min(sides.0, sides.1) >= flatThreshold
        return switch (leftNegative, jump) {
        case (true, false): (x, .minimum)
        case (false, false): (x, .maximum)
        case (true, true): (x, .cornerMinimum)
        case (false, true): (x, .cornerMaximum)
        }
    }

    private static func isFlat(_ jet: Jet) -> Bool { abs(jet.derivative) < flatThreshold }

    /// The grid's runs of |f′| < 1e-3 and the zones around `zeros`, merged, edges refined.
    private static func flatIntervals(
        of f: Activation, xs: [Double], jets: [Jet], around zeros: [Double]
    ) -> [ClosedRange<Double>] {
        let tolerance = (xs[xs.count - 1] - xs[0]) * 1e-9
        /// The edge of a flat zone between a and b (one flat, one not, in either order), by
        /// bisection; the result is the shortest decimal in the last bracket, so relu's 0 comes out exact.
        func edge(_ a: Double, _ b: Double) -> Double {
            var (a, b) = (a, b)
            let aFlat = isFlat(f.jet(at: a))
            while abs(b - a) > tolerance {
                let m = 0.5 * (a + b)
                if isFlat(f.jet(at: m)) == aFlat { a = m } else { b = m }
            }
            // The shortest decimal in the last bracket: 0 rather than −7.6e-9 beside a corner.
            return ActivationComparison.snap(Swift.min(a, b), Swift.max(a, b))
        }
        var intervals: [ClosedRange<Double>] = []
        var start: Double?
        for i in xs.indices {
            let flat = isFlat(jets[i])
            if flat && start == nil {
                start = i == 0 ? xs[0] : edge(xs[i - 1], xs[i])
            } else if !flat, let s = start {
                intervals.append(s...edge(xs[i - 1], xs[i]))
                start = nil
            }
        }
        if let s = start { intervals.append(s...xs[xs.count - 1]) }
        for zero in zeros where isFlat(f.jet(at: zero)) {
            // The nearest non-flat grid points on either side bound the zone.
            let right = xs.indices.first { xs[$0] > zero && !isFlat(jets[$0]) }
            let left = xs.indices.last { xs[$0] < zero && !isFlat(jets[$0]) }
            let low = left.map { edge(zero, xs[$0]) } ?? xs[0]
            let high = right.map { edge(zero, xs[$0]) } ?? xs[xs.count - 1]
            intervals.append(low...high)
        }
        return merged(intervals)
    }

    /// Overlapping intervals joined, single points dropped, in increasing order.
    private static func merged(_ intervals: [ClosedRange<Double>]) -> [ClosedRange<Double>] {
        var out: [ClosedRange<Double>] = []
        for r in intervals.sorted(by: { $0.lowerBound < $1.lowerBound }) where r.lowerBound < r.upperBound {
            if let last = out.last, r.lowerBound <= last.upperBound {
                out[out.count - 1] = last.lowerBound...Swift.max(last.upperBound, r.upperBound)
            } else {
                out.append(r)
            }
        }
        return out
    }
}

extension ActivationProperties {
    /// Where f takes its smallest and largest sampled values.
    public struct ExtremePoints: Sendable, Hashable {
        /// The x of the smallest value.
        public let minimum: Double
        /// The x of the largest value.
        public let maximum: Double
    }

    /// Something of f at each end of the line, x → −∞ and x → +∞.
    public struct Ends<Value: Sendable & Hashable>: Sendable, Hashable {
        /// At −∞.
        public let negative: Value
        /// At +∞.
        public let positive: Value
    }
}
