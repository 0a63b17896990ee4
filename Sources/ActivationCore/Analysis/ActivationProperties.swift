/// Numeric properties of a function measured over an interval: what `actplot info` prints.
///
/// ```swift
/// let p = ActivationProperties(of: try Catalog.activation("tanh"), over: -5...5)
/// p.monotonicity        // .increasing
/// p.flatIntervals       // [] : |tanh′| ≥ 1e-3 on all of [−5, 5]
/// ```
/// Sampled on an even grid (endpoints included) plus 0 when it lies inside; the edges of
/// the flat intervals are then refined by bisection to 1e-9 of the range's width.
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
    public let extremePoints: (minimum: Double, maximum: Double)
    /// Monotonicity over the samples.
    public let monotonicity: Monotonicity
    /// Outputs symmetric about zero: f(−x) = −f(x) (to 1e-12 relative) wherever both x and −x
    /// are in the range, and f takes both signs (tanh yes; sigmoid, ReLU, GELU no).
    public let isZeroCentred: Bool
    /// The mean of f over the samples.
    public let meanValue: Double
    /// f(0), f′(0) and f″(0).
    public let atZero: Jet
    /// f as x → −∞ and x → +∞.
    public let limits: (negative: Double, positive: Double)
    /// How smooth f is.
    public let smoothness: Smoothness
    /// The threshold below which |f′| counts as flat (saturated or dead): 1e-3.
    public static let flatThreshold = 1e-3
    /// The sub-intervals where |f′| < 1e-3 and f′ keeps its sign: saturated or dead zones.
    public let flatIntervals: [ClosedRange<Double>]
    /// Where f′ changes sign inside the range (f has a local minimum or maximum there).
    public let stationaryPoints: [Double]

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
        let (minimum, maximum) = Self.extremes(xs, jets, from: range.lowerBound)
        self.outputRange =
            minimum.value <= maximum.value ? minimum.value...maximum.value : Double.nan...Double.nan
        self.extremePoints = (minimum.x, maximum.x)
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
        self.limits = (Self.limit(of: function, sign: -1), Self.limit(of: function, sign: 1))
        self.smoothness = function.smoothness
        var flat: [ClosedRange<Double>] = []
        var stationary: [Double] = []
        for interval in Self.flatIntervals(of: function, xs: xs, jets: jets) {
            let left = function.derivative(at: interval.lowerBound)
            let right = function.derivative(at: interval.upperBound)
            if left * right < 0 {
                stationary.append(Self.signChange(of: function, in: interval))
            } else {
                flat.append(interval)
            }
        }
        self.flatIntervals = flat
        self.stationaryPoints = stationary
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

    /// Where f′ changes sign in an interval whose ends have opposite signs, by bisection.
    private static func signChange(of f: Activation, in interval: ClosedRange<Double>) -> Double {
        var (a, b) = (interval.lowerBound, interval.upperBound)
        let leftSign = f.derivative(at: a) < 0
        for _ in 0..<200 where b - a > 2 * Swift.max(abs(a), abs(b)).ulp {
            let m = 0.5 * (a + b)
            if (f.derivative(at: m) < 0) == leftSign { a = m } else { b = m }
        }
        return 0.5 * (a + b)
    }

    private static func isFlat(_ jet: Jet) -> Bool { abs(jet.derivative) < flatThreshold }

    private static func flatIntervals(of f: Activation, xs: [Double], jets: [Jet]) -> [ClosedRange<Double>] {
        let tolerance = (xs[xs.count - 1] - xs[0]) * 1e-9
        /// The edge of a flat zone between a and b (one flat, one not), by bisection; the
        /// flat side's end is returned, so a corner at a grid point (relu's 0) comes out exact.
        func edge(_ a: Double, _ b: Double) -> Double {
            var (a, b) = (a, b)
            let aFlat = isFlat(f.jet(at: a))
            while b - a > tolerance {
                let m = 0.5 * (a + b)
                if isFlat(f.jet(at: m)) == aFlat { a = m } else { b = m }
            }
            return aFlat ? a : b
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
        return intervals
    }
}
