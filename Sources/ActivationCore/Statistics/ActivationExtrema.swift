/// The Lipschitz constant sup |f′| of a function over the whole line and its extreme values,
/// each with where it is reached.
///
/// ```swift
/// let e = ActivationExtrema(of: try Catalog.activation("silu"))
/// e.minimum        // (value: −0.27846454276107380, at: .point(−1.2784645427610738))
/// e.lipschitz      // (value: 1.0998393194994, at: .point(2.3993572805154675))
/// ```
/// Found on a grid over [−64, 64] (step 1/64) with the corners, then refined: an interior
/// extremum of f by bisection on the sign of f′, one of |f′| by bisection on the sign of f″, to
/// the last bit; the limits at ±∞ decide a supremum that is approached but not reached.
public struct ActivationExtrema: Sendable, Hashable {
    /// Where an extreme value is reached.
    public enum Place: Sendable, Hashable, CustomStringConvertible {
        /// An end of a half-line or an interval, included or not.
        public struct Bound: Sendable, Hashable {
            /// Where.
            public let x: Double
            /// Whether the end itself belongs.
            public let included: Bool
        }

        /// At one point.
        case point(Double)
        /// On a half-line (`x ≤ 0` for relu's minimum, `x > 0` for its slope).
        case halfLine(Bound, upward: Bool)
        /// On an interval (sparse_sigmoid's slope, ½ on −1 < x < 1).
        case interval(Bound, Bound)
        /// Below the first bound and above the second (hardshrink's slope: x < −0.5 or x > 0.5).
        case outside(Bound, Bound)
        /// Everywhere (identity's slope).
        case everywhere
        /// Approached as x → +∞ (true) or −∞ (false), not reached.
        case limit(positive: Bool)
        /// Approached as x tends to a point from below (side −1), above (+1) or both (0), not
        /// reached there: selu's slope λα as x → 0⁻, sin(1/x)'s unbounded slope as x → 0.
        case approach(Double, side: Int)

        /// `x = -1.27846`, `x ≥ 0`, `-1 < x < 1`, `everywhere`, `x → +∞`.
        public var description: String {
            let text = { (b: Bound) in DecimalText.shortest(b.x) }
            let below = { (b: Bound) in b.included ? "≤" : "<" }
            let above = { (b: Bound) in b.included ? "≥" : ">" }
            return switch self {
            case .point(let x): "x = \(DecimalText.shortest(x + 0))"
            case .halfLine(let b, let upward): "x \(upward ? above(b) : below(b)) \(text(b))"
            case .interval(let a, let b): "\(text(a)) \(below(a)) x \(below(b)) \(text(b))"
            case .outside(let a, let b): "x \(below(a)) \(text(a)) or x \(above(b)) \(text(b))"
            case .everywhere: "everywhere"
            case .limit(let positive): "x → \(positive ? "+∞" : "−∞")"
            case .approach(let x, let side):
                "x → \(DecimalText.shortest(x + 0))\(side < 0 ? "⁻" : side > 0 ? "⁺" : "")"
            }
        }
    }

    /// A supremum or infimum and where it is reached.
    public struct Extremum: Sendable, Hashable {
        /// The value.
        public let value: Double
        /// Where it is reached or approached.
        public let at: Place
    }

    /// sup |f′| and where (∞ when f′ is unbounded).
    public let lipschitz: Extremum
    /// inf f and where (−∞ when f is unbounded below).
    public let minimum: Extremum
    /// sup f and where (+∞ when unbounded above).
    public let maximum: Extremum

    /// The extrema of `function`.
    public init(of function: Activation) {
        let grid = Self.grid(function)
        let jets = grid.map { function.jet(at: $0) }
        let limits = [-1.0, 1].map { sign in function.jet(at: sign * .infinity) }
        let corners = Set(function.corners)
        let slope = Self.extreme(
            grid, jets.map { abs($0.derivative) }, limits.map { abs($0.derivative) },
            flat: jets.map { $0.secondDerivative == 0 }, corners: corners, largest: true, oneSided: true,
            measure: { abs(function.derivative(at: $0)) }
        ) { a, b in
            Self.signChange(a, b) { x in
                let j = function.jet(at: x)
                return j.derivative * j.secondDerivative  // d|f′|/dx has this sign
            }
        }
        let flat = jets.map { $0.derivative == 0 }
        let low = Self.extreme(
            grid, jets.map(\.value), limits.map(\.value), flat: flat, corners: corners, largest: false,
            measure: function.value(at:)
        ) { a, b in
            Self.signChange(a, b) { function.derivative(at: $0) }
        }
        let high = Self.extreme(
            grid, jets.map(\.value), limits.map(\.value), flat: flat, corners: corners, largest: true,
            measure: function.value(at:)
        ) { a, b in
            Self.signChange(a, b) { function.derivative(at: $0) }
        }
        // At a refined point the value is the function's there; elsewhere the grid's or the limit.
        // A jump in f has no Lipschitz constant: |f(x) − f(y)|/|x − y| is unbounded across it.
        if function.smoothness == .discontinuous, let jump = function.corners.first {
            lipschitz = Extremum(value: .infinity, at: .point(jump))
        } else if let singular = Self.unbounded(function, grid, jets, slope) {
            lipschitz = Extremum(value: .infinity, at: .approach(singular, side: 0))
        } else {
            lipschitz = Extremum(value: slope.value, at: slope.place)
        }
        minimum = Extremum(value: low.value, at: low.place)
        maximum = Extremum(value: high.value, at: high.place)
    }

    /// Equality of every value and place.
    public static func == (a: Self, b: Self) -> Bool {
        a.lipschitz == b.lipschitz && a.minimum == b.minimum && a.maximum == b.maximum
    }

    /// Hashes every value and place.
    public func hash(into hasher: inout Hasher) {
        for extremum in [lipschitz, minimum, maximum] { hasher.combine(extremum) }
    }

    /// The point near the grid's largest |f′| where f is not defined, if |f′| grows toward it.
    ///
    /// sin(1/x)'s slope near 0, whose grid maximum (1.6e3 at x = −1/64) is no supremum. Probed at 2⁻¹ … 2⁻⁶⁰ of the way; growing means the largest
    /// probe exceeds the grid's best a thousandfold.
    private static func unbounded(
        _ f: Activation, _ grid: [Double], _ jets: [Jet], _ slope: (value: Double, place: Place)
    ) -> Double? {
        guard case .point(let p) = slope.place, slope.value.isFinite,
            let at = grid.firstIndex(where: { $0 >= p })
        else { return nil }
        let near = max(0, at - 2)...min(grid.count - 1, at + 2)
        guard let s = near.first(where: { !jets[$0].value.isFinite }).map({ grid[$0] }) else { return nil }
        var largest = 0.0
        for k in 1...60 {
            let x = s + (p - s) * Double(sign: .plus, exponent: -k, significand: 1)
            guard x != s else { break }
            let d = abs(f.derivative(at: x))
            if d.isFinite { largest = max(largest, d) }
        }
        return largest > 1000 * slope.value ? s + 0 : nil
    }

    /// [−64, 64] by 1/64, and every corner with its neighbours.
    private static func grid(_ f: Activation) -> [Double] {
        var xs = (-4096...4096).map { Double($0) / 64 }
        for c in f.corners where c.isFinite { xs += [c.nextDown, c, c.nextUp] }
        return xs.sorted()
    }

    /// The extreme of `values` (largest or smallest) against the limits at ±∞, and its place.
    ///
    /// It is reached on a run only where the function is truly flat there (`flat`:
    /// f′ = 0 for f, f″ = 0 for |f′|), so tanh's −1, which doubles round to below x ≈ −19, is a
    /// limit; an interior extreme is refined by `refine` between the grid neighbours, and the
    /// value there kept when it is better.
    private static func extreme(
        _ grid: [Double], _ values: [Double], _ limits: [Double], flat: [Bool], corners: Set<Double>,
        largest: Bool, oneSided: Bool = false, measure: (Double) -> Double, refine: (Double, Double) -> Double
    ) -> (value: Double, place: Place) {
        let better = { (a: Double, b: Double) in largest ? a > b : a < b }
        var best = 0
        for i in values.indices
        where !values[i].isNaN && (values[best].isNaN || better(values[i], values[best])) {
            best = i
        }
        let v = values[best] + 0  // −0 is 0
        // Among ties, a point where the function is truly flat there decides the place.
        if !flat[best], let tie = values.indices.first(where: { values[$0] == v && flat[$0] }) { best = tie }
        let equal = { (i: Int) in values[i] == v && flat[i] }
        let n = values.count
        // A limit beyond the grid's best, or at it where the end of the grid is not truly flat:
        // approached, not reached (sigmoid's 1, softplus's slope, tanh's −1).
        for (k, limit) in limits.enumerated() where !limit.isNaN {
            let beyond = better(limit, v) && !close(limit, v)
            if beyond || (close(limit, v) && !equal(k == 1 ? n - 1 : 0)) {
                return (limit + 0, .limit(positive: k == 1))
            }
        }
        if (0..<n).allSatisfy(equal) { return (v, .everywhere) }
        let first = (0...best).last { !equal($0) }.map { $0 + 1 } ?? 0
        let last = (best..<n).first { !equal($0) }.map { $0 - 1 } ?? n - 1
        if equal(best) && first == 0, equal(n - 1) {
            // Both ends (hardshrink's slope, 1 for |x| > λ).
            let start = (0..<n).last { !equal($0) }.map { $0 + 1 } ?? 0
            return (v, .outside(Self.bound(grid[last], corners), Self.bound(grid[start], corners)))
        }
        if equal(best) && last == n - 1 {
            return (v, .halfLine(Self.bound(grid[first], corners), upward: true))
        }
        if equal(best) && first == 0 { return (v, .halfLine(Self.bound(grid[last], corners), upward: false)) }
        if equal(best) && grid[last] - grid[first] > 1.5 / 64 {
            return (v, .interval(Self.bound(grid[first], corners), Self.bound(grid[last], corners)))
        }
        guard best > 0 && best < n - 1 else { return (v, .point(grid[best])) }
        // Next to a corner, the extreme is the corner's. f is defined there (reached at c); f′
        // is not, so an extreme of |f′| that only one side has is approached from that side
        // (selu's slope λα as x → 0⁻, where f′(0) is a convention).
        for c in [grid[best], grid[best].nextUp, grid[best].nextDown] where corners.contains(c) {
            if oneSided {
                let (left, right) = (close(measure(c.nextDown), v), close(measure(c.nextUp), v))
                if left != right { return (v, .approach(c + 0, side: left ? -1 : 1)) }
            }
            return (v, .point(c + 0))
        }
        let x = refine(grid[best - 1], grid[best + 1])
        let refined = measure(x)
        return better(refined, v) || refined == v ? (refined, .point(x)) : (v, .point(grid[best]))
    }

    /// The end of a run: a grid point, or the corner it is next to, excluded (relu's slope is 1
    /// for x > 0, not from 5e-324).
    private static func bound(_ x: Double, _ corners: Set<Double>) -> Place.Bound {
        for c in [x.nextDown, x.nextUp] where corners.contains(c) { return .init(x: c + 0, included: false) }
        return .init(x: x + 0, included: true)
    }

    private static func close(_ a: Double, _ b: Double) -> Bool {
        a == b || (a.isFinite && b.isFinite && abs(a - b) <= 1e-13 * max(abs(a), abs(b)))
    }

    /// Where `g` changes sign in [a, b], by bisection to the last bit and snapped to the shortest
    /// decimal in the last bracket (cos′'s zero is 0); the end of [a, b] with the smaller |g|
    /// when it does not change sign (a corner: the extreme is at the kink itself).
    static func signChange(_ a: Double, _ b: Double, _ g: (Double) -> Double) -> Double {
        var (lo, hi) = (a, b)
        let (ga, gb) = (g(a), g(b))
        guard ga * gb < 0 else { return abs(ga) <= abs(gb) ? a : b }
        let lowNegative = ga < 0
        while lo.nextUp < hi {
            let m = 0.5 * lo + 0.5 * hi
            guard m > lo && m < hi else { break }
            let gm = g(m)
            if gm == 0 { return ActivationComparison.snap(m, m) }
            if (gm < 0) == lowNegative { lo = m } else { hi = m }
        }
        return ActivationComparison.snap(lo, hi)
    }
}

extension ActivationExtrema.Place {
    /// Whether the place is one point.
    var isPoint: Bool {
        if case .point = self { return true }
        return false
    }
}
