/// Shrinkage: zero on [−λ, λ], x moved toward 0 by a bias b outside (ONNX's Shrink).
///
/// ```
/// f = x − b for x > λ, x + b for x < −λ, else 0    f′ = 1[|x| > λ]    f″ = 0
/// ```
/// Hard shrinkage is b = 0, soft shrinkage b = λ. |x| > λ is the active piece; at ±λ the
/// exclusive convention gives f′ = 0 (PyTorch, Keras, ONNX). x ∓ b is one rounding.
struct Shrinkage: ScalarKernel {
    var lambda: Double
    var bias: Double
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        if x > lambda { return bias == 0 ? x : x - bias }
        if x < -lambda { return bias == 0 ? x : x + bias }
        return x.isNaN ? x : 0
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let m = abs(x)
        let slope: Double = m > lambda ? 1 : m < lambda ? 0 : kink.pick(inside: 1, outside: 0)
        return Jet(value: value(at: x), derivative: slope, secondDerivative: 0)
    }

    /// x ∓ b exactly (a double-double): a value on a midpoint is a true tie.
    func preciseJet(at x: Double) -> PreciseJet? {
        guard bias != 0, abs(x) > lambda, x.isFinite else { return nil }
        let value = DoubleDouble.sum(x, x > 0 ? -bias : bias)
        return PreciseJet(value: value, derivative: DoubleDouble(1), error: (0, 0))
    }
}

extension CatalogEntry {
    /// Hard shrinkage: zero on [−λ, λ], the identity outside.
    public static let hardshrink: CatalogEntry = {
        let lambda = Parameter.real(.lambda, 0.5, .nonNegative, "half-width of the dead zone")
        return CatalogEntry(
            name: "hardshrink", family: .shrinkage, aliases: ["hard_shrink"],
            formula: "f(x) = x if |x| > lambda else 0", parameters: [lambda],
            notes: """
                Hard thresholding for sparse coding: zero in [−λ, λ], the identity outside, \
                with jumps of λ at ±λ.
                """,
            hasKinks: true, smoothness: { a in a[lambda] == 0 ? .smooth : .discontinuous },
            corners: { a in Shrinkage.corners(a[lambda]) },
            naive: { a in
                let outside = NaiveFormula.step("abs(x) - " + NaiveFormula.literal(a[lambda]))
                return NaiveFormula(value: "x*" + outside, derivative: outside)
            },
            makeKernel: { a in Shrinkage(lambda: a[lambda], bias: 0, kink: a.kink) })
    }()

    /// Soft shrinkage: zero on [−λ, λ], x moved toward 0 by λ outside.
    public static let softshrink: CatalogEntry = {
        let lambda = Parameter.real(.lambda, 0.5, .nonNegative, "half-width of the dead zone")
        return CatalogEntry(
            name: "softshrink", family: .shrinkage, aliases: ["soft_shrink"],
            formula: "f(x) = x - lambda*sign(x) if |x| > lambda else 0", parameters: [lambda],
            notes: """
                Soft thresholding, the proximal map of λ|x| (ISTA, LISTA): continuous, shifts \
                the outer pieces toward 0 by λ.
                """,
            hasKinks: true, smoothness: { _ in .continuous }, corners: { a in Shrinkage.corners(a[lambda]) },
            naive: { a in
                let lambda = NaiveFormula.literal(a[lambda])
                return NaiveFormula(
                    value: "max(x - \(lambda), 0) + min(x + \(lambda), 0)",
                    derivative: NaiveFormula.step("abs(x) - " + lambda))
            },
            makeKernel: { a in Shrinkage(lambda: a[lambda], bias: a[lambda], kink: a.kink) })
    }()
}

extension CatalogEntry {
    /// ONNX's Shrink: zero on [−λ, λ], x moved toward 0 by a bias outside.
    public static let shrink: CatalogEntry = {
        let lambda = Parameter.real(.lambda, 0.5, .nonNegative, "half-width of the dead zone")
        let bias = Parameter.real(.bias, 0, .finite, "how far the outer pieces move toward 0")
        return CatalogEntry(
            name: "shrink", family: .shrinkage, aliases: ["onnx_shrink"],
            formula: "f(x) = x - bias if x > lambda, x + bias if x < -lambda, else 0",
            parameters: [lambda, bias],
            notes: """
                ONNX's Shrink operator, which exporters emit for hardshrink (bias 0, its \
                default) and softshrink (bias = λ). Any other bias leaves jumps of λ − bias at \
                ±λ.
                """,
            hasKinks: true,
            smoothness: { a in
                a[lambda] == 0 && a[bias] == 0 ? .smooth : a[bias] == a[lambda] ? .continuous : .discontinuous
            },
            corners: { a in a[lambda] == 0 && a[bias] != 0 ? [0] : Shrinkage.corners(a[lambda]) },
            naive: { a in
                let outside = NaiveFormula.step("abs(x) - " + NaiveFormula.literal(a[lambda]))
                let b = NaiveFormula.literal(a[bias])
                return NaiveFormula(value: "(x - sign(x)*\(b))*" + outside, derivative: outside)
            },
            makeKernel: { a in Shrinkage(lambda: a[lambda], bias: a[bias], kink: a.kink) })
    }()
}

extension Shrinkage {
    /// The corners ±λ; none when λ = 0, where both are the identity.
    static func corners(_ lambda: Double) -> [Double] { lambda == 0 ? [] : [-lambda, lambda] }
}
