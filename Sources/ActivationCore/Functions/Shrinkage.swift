/// Hard and soft shrinkage: zero on [−λ, λ], the identity (hard) or x ∓ λ (soft) outside.
///
/// ```
/// hard: f = x for |x| > λ, else 0          soft: f = x − λ·sgn(x) for |x| > λ, else 0
/// f′ = 1[|x| > λ]                           f″ = 0
/// ```
/// |x| > λ is the active piece; at ±λ the exclusive convention gives f′ = 0 (PyTorch,
/// Keras). x ∓ λ is one rounding.
struct Shrinkage: ScalarKernel {
    /// Which shrinkage: the identity outside [−λ, λ], or x moved toward 0 by λ.
    enum Variant: Sendable { case hard, soft }

    var lambda: Double
    var variant: Variant
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        if x > lambda { return variant == .soft ? x - lambda : x }
        if x < -lambda { return variant == .soft ? x + lambda : x }
        return x.isNaN ? x : 0
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let m = abs(x)
        let slope: Double = m > lambda ? 1 : m < lambda ? 0 : kink.pick(inside: 1, outside: 0)
        return Jet(value: value(at: x), derivative: slope, secondDerivative: 0)
    }

    /// x ∓ λ exactly (a double-double): a value on a midpoint is a true tie.
    func preciseJet(at x: Double) -> PreciseJet? {
        guard variant == .soft, abs(x) > lambda, x.isFinite else { return nil }
        let value = DoubleDouble.sum(x, x > 0 ? -lambda : lambda)
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
            makeKernel: { a in Shrinkage(lambda: a[lambda], variant: .hard, kink: a.kink) })
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
            makeKernel: { a in Shrinkage(lambda: a[lambda], variant: .soft, kink: a.kink) })
    }()
}

extension Shrinkage {
    /// The corners ±λ; none when λ = 0, where both are the identity.
    static func corners(_ lambda: Double) -> [Double] { lambda == 0 ? [] : [-lambda, lambda] }
}
