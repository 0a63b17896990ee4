/// How two functions differ over an interval: what `actplot compare` prints.
///
/// ```swift
/// let exact = try Catalog.activation("gelu")
/// let tanh = try Catalog.activation("gelu:approximate=tanh")
/// let c = ActivationComparison(exact, tanh, over: -5...5)
/// c.value.maximum       // 4.7324e-4 : max |f − g|
/// c.value.location      // −2.70…    : where it occurs
/// ```
/// The mean and root-mean-square differences are averages over an even grid (ends
/// included); the largest difference is found on the grid and then refined by a
/// golden-section search between the neighbouring grid points, so it does not depend on the
/// grid's spacing. Corners (where f or f′ jumps) are located by bisection to one ulp.
public struct ActivationComparison: Sendable {
    /// Statistics of one difference d(x) = f(x) − g(x) (or f′ − g′) over the grid.
    public struct Difference: Sendable, Hashable {
        /// max |d(x)|.
        public let maximum: Double
        /// An x where |d| takes its maximum.
        public let location: Double
        /// The mean of |d| over the grid.
        public let mean: Double
        /// The root mean square of d over the grid.
        public let rootMeanSquare: Double
        /// Grid points where f, g or d is not finite.
        ///
        /// An infinite d makes the maximum, mean
        /// and RMS +∞; a NaN (or both f and g infinite) leaves the point out of all three.
        public let nonfinite: Int
        /// The grid's first run of three or more points where |d| is the maximum (to 1e-12), when
        /// the maximum is a plateau rather than a point (hardsigmoid's f′ − g′ = 1/6 on
        /// −3 < x < −2.5): ``location`` is then only one of its points.
        public var plateau: ClosedRange<Double>? = nil
        /// How many separate runs of the grid reach the maximum, when it is a plateau.
        public var plateaus = 0
    }

    /// Where f and where f′ of one function are not finite on the grid (nil: finite).
    public struct NonFiniteParts: Sendable, Hashable {
        /// The stretch where f is not finite.
        public let value: NonFinite?
        /// The stretch where f′ is not finite.
        public let derivative: NonFinite?
    }

    /// Where one function is not finite on the grid (f or f′, counted separately).
    public struct NonFinite: Sendable, Hashable {
        /// Grid points where the value is NaN.
        public let nan: Int
        /// Grid points where the value is ±∞.
        public let infinite: Int
        /// The lowest and highest such grid point.
        public let span: ClosedRange<Double>

        /// Points counted.
        public var count: Int { nan + infinite }

        /// The summary of `values` on `grid`, or nil when every value is finite.
        init?(_ grid: [Double], _ values: [Double]) {
            let indices = values.indices.filter { !values[$0].isFinite }
            guard let first = indices.first, let last = indices.last else { return nil }
            nan = indices.count { values[$0].isNaN }
            infinite = indices.count - nan
            span = grid[first]...grid[last]
        }
    }

    /// A corner of either function where the two follow different conventions: both share
    /// the one-sided derivatives there, but choose different values at the point itself.
    public struct Corner: Sendable, Hashable {
        /// Where the corner is.
        public let x: Double
        /// f, f′ and f″ of the first function at x.
        public let first: Jet
        /// The same for the second function.
        public let second: Jet
        /// f′ just left and just right of x (shared by both functions).
        public let sides: Sides

        /// The one-sided derivatives at a corner.
        public struct Sides: Sendable, Hashable {
            /// f′ just left of the corner.
            public let left: Double
            /// f′ just right of it.
            public let right: Double
        }

        /// Corners compare by position and values.
        public static func == (a: Corner, b: Corner) -> Bool {
            a.x == b.x && a.first == b.first && a.second == b.second && a.sides == b.sides
        }

        /// Hashes the position and values.
        public func hash(into hasher: inout Hasher) {
            hasher.combine(x)
            hasher.combine(first)
            hasher.combine(second)
        }
    }

    /// The interval compared.
    public let range: ClosedRange<Double>
    /// The number of grid points.
    public let samples: Int
    /// f − g.
    public let value: Difference
    /// f′ − g′.
    public let derivative: Difference
    /// Corners where the two follow different conventions (f′ or f at the corner differ).
    public let conventionCorners: [Corner]
    /// Every corner of either function inside the range, in increasing order.
    public let corners: [Double]
    /// Where f, then f′, of the first function is not finite on the grid (nil: finite).
    public let firstNonFinite: NonFiniteParts
    /// The same for the second function.
    public let secondNonFinite: NonFiniteParts

    /// Compares `first` with `second` over `range`.
    /// - Parameters:
    ///   - first: f.
    ///   - second: g.
    ///   - range: A finite interval with lower < upper.
    ///   - samples: Grid points, at least 2.
    public init(
        _ first: Activation, _ second: Activation, over range: ClosedRange<Double>, samples: Int = 10_001
    ) {
        precondition(range.lowerBound < range.upperBound && samples >= 2, "comparison needs an interval")
        self.range = range
        self.samples = samples
        let grid = (0..<samples).map { Self.gridPoint($0, of: samples, in: range) }
        let f = grid.map { first.jet(at: $0) }
        let g = grid.map { second.jet(at: $0) }
        value = Self.difference(grid, f.map(\.value), g.map(\.value)) {
            first.value(at: $0) - second.value(at: $0)
        }
        derivative = Self.difference(grid, f.map(\.derivative), g.map(\.derivative)) {
            first.derivative(at: $0) - second.derivative(at: $0)
        }
        firstNonFinite = NonFiniteParts(
            value: NonFinite(grid, f.map(\.value)), derivative: NonFinite(grid, f.map(\.derivative)))
        secondNonFinite = NonFiniteParts(
            value: NonFinite(grid, g.map(\.value)), derivative: NonFinite(grid, g.map(\.derivative)))
        let all = (Self.corners(of: first, on: grid, f) + Self.corners(of: second, on: grid, g)).sorted()
        var unique: [Double] = []
        for x in all
        where unique.last.map({ abs(x - $0) > 1e-9 * (range.upperBound - range.lowerBound) }) ?? true {
            unique.append(x)
        }
        corners = unique
        conventionCorners = unique.compactMap { x in
            let (a, b) = (first.jet(at: x), second.jet(at: x))
            let left = (first.derivative(at: x.nextDown), second.derivative(at: x.nextDown))
            let right = (first.derivative(at: x.nextUp), second.derivative(at: x.nextUp))
            // A NaN or an infinity at the corner is a domain edge or a pole, not a convention.
            let finite = [a.value, a.derivative, b.value, b.derivative].allSatisfy(\.isFinite)
            let sameShape =
                finite && Self.close(left.0, left.1) && Self.close(right.0, right.1)
                && Self.close(first.value(at: x.nextUp), second.value(at: x.nextUp))
                && Self.close(first.value(at: x.nextDown), second.value(at: x.nextDown))
            guard sameShape, a.value != b.value || a.derivative != b.derivative else { return nil }
            return Corner(x: x, first: a, second: b, sides: Corner.Sides(left: left.0, right: right.0))
        }
    }

    static func close(_ a: Double, _ b: Double) -> Bool {
        a == b || (a.isFinite && b.isFinite && abs(a - b) <= 1e-12 * Swift.max(abs(a), abs(b)))
    }

    /// Point i of an even n-point grid over the range, ends exact.
    static func gridPoint(_ i: Int, of n: Int, in range: ClosedRange<Double>) -> Double {
        if i == n - 1 { return range.upperBound }
        let t = Double(i) / Double(n - 1)
        return range.lowerBound + t * (range.upperBound - range.lowerBound)
    }

    /// Grid statistics of d = f − g: an infinite d makes all three +∞ (at the first such
    /// point); otherwise they are over the points where d is finite, and the maximum is
    /// refined near the largest grid value.
    static func difference(
        _ grid: [Double], _ f: [Double], _ g: [Double], _ exact: (Double) -> Double
    ) -> Difference {
        let d = zip(f, g).map { $0 - $1 }
        let nonfinite = d.indices.count { !(f[$0].isFinite && g[$0].isFinite && d[$0].isFinite) }
        if let infinite = d.firstIndex(where: \.isInfinite) {
            return Difference(
                maximum: .infinity, location: grid[infinite], mean: .infinity, rootMeanSquare: .infinity,
                nonfinite: nonfinite)
        }
        var (sum, compensation, squares, squaresCompensation) = (0.0, 0.0, 0.0, 0.0)
        var best: Int?
        var count = 0
        for (i, v) in d.enumerated() where v.isFinite {
            count += 1
            kahan(&sum, &compensation, abs(v))
            kahan(&squares, &squaresCompensation, v * v)
            if best.map({ abs(d[$0]) < abs(v) }) ?? true { best = i }
        }
        guard let best else {
            return Difference(
                maximum: .nan, location: .nan, mean: .nan, rootMeanSquare: .nan, nonfinite: nonfinite)
        }
        var maximum = abs(d[best])
        var location = grid[best]
        if grid.count > 2 {
            let a = grid[Swift.max(0, best - 1)]
            let b = grid[Swift.min(grid.count - 1, best + 1)]
            let (x, m) = goldenMaximum(of: { abs(exact($0)) }, in: a, b)
            if m.isFinite && m > maximum {
                maximum = m
                location = x
            }
        }
        let n = Double(count)
        var result = Difference(
            maximum: maximum, location: location, mean: sum / n, rootMeanSquare: (squares / n).squareRoot(),
            nonfinite: nonfinite)
        // Runs of grid points at the maximum (not refined past it): a plateau, named as such.
        if maximum == abs(d[best]) && maximum > 0 {
            var runs: [ClosedRange<Int>] = []
            var start: Int?
            for i in d.indices {
                let on = d[i].isFinite && close(abs(d[i]), maximum)
                if on, start == nil { start = i }
                if !on || i == d.count - 1, let s = start {
                    let end = on ? i : i - 1
                    if end - s >= 2 { runs.append(s...end) }
                    start = nil
                }
            }
            if let first = runs.first {
                result.plateau = grid[first.lowerBound]...grid[first.upperBound]
                result.plateaus = runs.count
            }
        }
        return result
    }

    static func kahan(_ sum: inout Double, _ compensation: inout Double, _ term: Double) {
        let y = term - compensation
        let t = sum + y
        compensation = (t - sum) - y
        sum = t
    }

    /// A local maximum of h on [a, b] by golden-section search, to the resolution of doubles.
    static func goldenMaximum(of h: (Double) -> Double, in a: Double, _ b: Double) -> (
        x: Double, value: Double
    ) {
        let ratio = (5.0.squareRoot() - 1) / 2
        var (a, b) = (a, b)
        var c = b - ratio * (b - a)
        var d = a + ratio * (b - a)
        var (hc, hd) = (h(c), h(d))
        for _ in 0..<200 where b - a > 2 * Swift.max(abs(a), abs(b)).ulp {
            if hc > hd {
                b = d
                (d, hd) = (c, hc)
                c = b - ratio * (b - a)
                hc = h(c)
            } else {
                a = c
                (c, hc) = (d, hd)
                d = a + ratio * (b - a)
                hd = h(d)
            }
        }
        return hc > hd ? (c, hc) : (d, hd)
    }

    /// Where f or f′ jumps between grid points, located by bisection and snapped to the
    /// shortest decimal inside the final bracket (corners sit at 0, 3, 2.5, …).
    static func corners(of function: Activation, on grid: [Double], _ jets: [Jet]) -> [Double] {
        guard function.smoothness == .continuous || function.smoothness == .discontinuous else { return [] }
        var found: [Double] = []
        for i in 1..<grid.count {
            for order in 0..<2 {
                let pick = { (j: Jet) in order == 0 ? j.value : j.derivative }
                let evaluate = { (x: Double) in
                    order == 0 ? function.value(at: x) : function.derivative(at: x)
                }
                let jump = abs(pick(jets[i]) - pick(jets[i - 1]))
                guard jump.isFinite, jump > 1e-9 * Swift.max(1, abs(pick(jets[i]))) else { continue }
                guard
                    let step = Self.jump(
                        from: (grid[i - 1], pick(jets[i - 1])), to: (grid[i], pick(jets[i])), of: evaluate)
                else { continue }
                found.append(snap(step.left.x, step.right.x))
            }
        }
        return found
    }

    /// The jump of a function between two points, narrowed by bisection to adjacent doubles
    /// (keeping the half with the larger change), or nil when the change shrinks with the
    /// interval: smooth but steep pieces shrink to nothing, a step or a corner of f′ keeps its
    /// size (at least a quarter of the change between the two points).
    /// - Parameters:
    ///   - a: The left point and the function's value there.
    ///   - b: The right point (a.x < b.x) and the value there.
    ///   - evaluate: The function.
    /// - Returns: The last points on either side of the jump with their values.
    public static func jump(
        from a: (x: Double, y: Double), to b: (x: Double, y: Double), of evaluate: (Double) -> Double
    ) -> (left: (x: Double, y: Double), right: (x: Double, y: Double))? {
        var (a, b) = (a, b)
        let size = abs(b.y - a.y)
        while a.x.nextUp < b.x {
            let m = a.x + (b.x - a.x) / 2
            let fm = evaluate(m)
            if abs(fm - a.y) >= abs(b.y - fm) { b = (m, fm) } else { a = (m, fm) }
        }
        guard abs(b.y - a.y) > size / 4 else { return nil }
        return (left: a, right: b)
    }

    /// The shortest decimal in [a, b] (a corner's exact position is usually a short number).
    /// - Parameters:
    ///   - a: The bracket's lower end.
    ///   - b: Its upper end (a ≤ b).
    /// - Returns: 0 when the bracket holds it, else the decimal with the fewest significant
    ///   digits inside, else b.
    public static func snap(_ a: Double, _ b: Double) -> Double {
        if a <= 0 && b >= 0 { return 0 }
        let magnitude = floor(log10(Swift.max(abs(a), abs(b))))
        for digits in 1...17 {
            // A multiple of 10^e, computed with one correctly rounded division or product
            // (3 / 10 is the double nearest 0.3; 3 * 0.1 is not).
            let e = magnitude - Double(digits - 1)
            guard abs(e) <= 22 else { break }
            let scale = pow(10, abs(e))
            let round = { (v: Double) in e < 0 ? (v * scale).rounded() / scale : (v / scale).rounded() * scale
            }
            for candidate in [round(b), round(a)] where candidate >= a && candidate <= b {
                return candidate
            }
        }
        return b
    }
}
