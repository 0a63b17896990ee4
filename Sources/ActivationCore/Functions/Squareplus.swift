/// Squareplus: (x + √(x² + b))/2, a smooth ReLU built from a square root.
///
/// ```
/// s = √(x² + b)    f = (x + s)/2    f′ = (1 + x/s)/2    f″ = b/(2s³)
/// ```
/// s is double-double (√ of x² + b carried exactly), and for x < 0 the rationalised
/// forms f = b/(2(s − x)), f′ = b/(2s(s − x)) replace the cancelling `x + s` (JAX's
/// squareplus(−1e8) is 7.45e-9; the true value is 1e-8), so each result is rounded once.
/// Beyond |x| = 2⁵⁰⁰ the same forms in double from `hypot(x, √b)`. With b = 0 it is ReLU.
struct Squareplus: ScalarKernel {
    var b: Double
    var kink: KinkConvention
    private let rootB: Double

    init(b: Double, kink: KinkConvention) {
        self.b = b
        self.kink = kink
        self.rootB = b.squareRoot()
    }

    /// s = √(x² + b) in double-double, for 0 < b and |x| ≤ 2⁵⁰⁰.
    @inline(__always)
    private func root(_ x: Double) -> DoubleDouble { DoubleDouble.product(x, x).plus(b).squareRoot }

    @inline(__always)
    func value(at x: Double) -> Double {
        if b == 0 || x.isInfinite || x.isNaN { return x.isNaN ? x : Swift.max(x, 0) }
        if abs(x) > 0x1p500 || b > 0x1p1000 { return Self.plainValue(x, b, hypot(x, rootB)) }
        let s = root(x)
        if x >= 0 { return s.plus(x).value * 0.5 }
        return DoubleDouble(0.5 * b).divided(by: s.plus(-x)).value  // b/(2(s − x)), no cancellation
    }

    /// f from a double s = hypot(x, √b), where x² or b is beyond double-double's reach.
    @inline(__always)
    /// f and f′ far out on the left, x ≤ −2²⁰, from their series in u = |x|:
    /// f = b/(4u) − b²/(16u³), f′ = b/(4u²) − 3b²/(16u⁴), the omitted terms (b/u²)² below the
    /// first. f′ ≈ 1/x² there sits on a subnormal midpoint of bfloat16 at x = −2⁶⁷, and the
    /// second term says on which side.
    func preciseJet(at x: Double) -> PreciseJet? {
        guard x <= -0x1p20, x > -0x1p200, b > 0 else { return nil }
        let u = -x
        let (first, square) = (PreciseJet.quotient(DoubleDouble(b / 4), u), DoubleDouble.product(u, u))
        let slope =
            square.lo == 0
            ? PreciseJet.quotient(DoubleDouble(b / 4), square.hi)
            : (value: DoubleDouble(b / 4).divided(by: square), error: 0x1p-100 * b / 4 / square.hi)
        let omitted = 4 * (b / square.hi) * (b / square.hi)
        let value = first.value.plus(DoubleDouble(-b * b / 16 / u / square.hi))
        let derivative = slope.value.plus(DoubleDouble(-3 * b * b / 16 / square.hi / square.hi))
        return PreciseJet(
            value: value, derivative: derivative,
            error: (first.error + omitted * abs(value.hi), slope.error + omitted * abs(derivative.hi)))
    }

    private static func plainValue(_ x: Double, _ b: Double, _ s: Double) -> Double {
        if x >= 0 { return 0.5 * x + 0.5 * s }
        return ((0.5 * b) / s) / (1 - x / s)
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if b == 0 {
            let slope: Double = x > 0 ? 1 : x < 0 ? 0 : kink.pick(inside: 1, outside: 0)
            return Jet(value: Swift.max(x, 0), derivative: slope, secondDerivative: 0)
        }
        if x.isInfinite {
            return Jet(value: value(at: x), derivative: x > 0 ? 1 : 0, secondDerivative: 0)
        }
        if abs(x) > 0x1p500 || b > 0x1p1000 {
            let s = hypot(x, rootB)
            let h = (0.5 * b) / s
            let slope = x >= 0 ? 0.5 * (1 + x / s) : (h / s) / (1 - x / s)
            return Jet(value: value(at: x), derivative: slope, secondDerivative: (h / s) / s)
        }
        let s = root(x)
        let r = s.reciprocal
        let h = r.times(0.5 * b)  // b/(2s)
        // f′ = (1 + x/s)/2 for x ≥ 0, and b/(2s(s − x)) below; f″ = b/(2s³)
        let slope = x >= 0 ? r.times(x).plus(1).value * 0.5 : h.divided(by: s.plus(-x)).value
        return Jet(value: value(at: x), derivative: slope, secondDerivative: h.times(r).times(r).value)
    }
}

extension CatalogEntry {
    /// Squareplus, (x + √(x² + b))/2.
    public static let squareplus: CatalogEntry = {
        let b = Parameter.real(.b, 4, .nonNegative, "smoothness at 0; b = 0 is ReLU")
        return CatalogEntry(
            name: "squareplus", family: .smoothRectifier, formula: "f(x) = (x + sqrt(x^2 + b))/2",
            parameters: [b],
            notes: """
                A softplus-like smooth ReLU made of a square root only (Barron 2021): cheaper \
                than softplus on accelerators, f(0) = √b/2.
                """,
            hasKinks: true, smoothness: { a in a[b] == 0 ? .continuous : .smooth },
            corners: { a in a[b] == 0 ? [0] : [] },
            naive: { a in
                let root = "sqrt(x^2 + \(NaiveFormula.literal(a[b])))"
                return NaiveFormula(value: "(x + \(root))/2", derivative: "(1 + x/\(root))/2")
            },
            makeKernel: { a in Squareplus(b: a[b], kink: a.kink) })
    }()
}
