/// Squareplus: (x + √(x² + b))/2, a smooth ReLU built from a square root.
///
/// ```
/// s = √(x² + b)    f = (x + s)/2    f′ = (1 + x/s)/2    f″ = b/(2s³)
/// ```
/// s is `hypot(x, √b)` (no overflow for |x| > 1e154), and for x < 0 the rationalised
/// forms f = b/(2(s − x)), f′ = b/(2s(s − x)) replace the cancelling `x + s` (JAX's
/// squareplus(−1e8) is 7.45e-9; the true value is 1e-8). With b = 0 it is ReLU.
struct Squareplus: ScalarKernel {
    var b: Double
    var kink: KinkConvention
    private let rootB: Double

    init(b: Double, kink: KinkConvention) {
        self.b = b
        self.kink = kink
        self.rootB = b.squareRoot()
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        let s = hypot(x, rootB)
        if x >= 0 { return 0.5 * x + 0.5 * s }
        if b == 0 || x == -.infinity { return x.isNaN ? x : 0 }
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
        let s = hypot(x, rootB)
        let h = (0.5 * b) / s
        let slope = x >= 0 ? 0.5 * (1 + x / s) : (h / s) / (1 - x / s)
        return Jet(value: value(at: x), derivative: slope, secondDerivative: (h / s) / s)
    }
}

extension CatalogEntry {
    /// Squareplus, (x + √(x² + b))/2.
    static let squareplus: CatalogEntry = {
        let b = Parameter.real("b", 4, .nonNegative, "smoothness at 0; b = 0 is ReLU")
        return CatalogEntry(
            name: "squareplus", family: .smoothRectifier, formula: "f(x) = (x + sqrt(x^2 + b))/2",
            parameters: [b],
            notes: """
                A softplus-like smooth ReLU made of a square root only (Barron 2021): cheaper \
                than softplus on accelerators, f(0) = √b/2.
                """,
            hasKinks: true, smoothness: { a in a[b] == 0 ? .continuous : .smooth },
            corners: { a in a[b] == 0 ? [0] : [] }, makeKernel: { a in Squareplus(b: a[b], kink: a.kink) })
    }()
}
