/// The hyperbolic tangent.
///
/// ```
/// f = tanh x    f′ = sech²x = 4u/(1 + u)², u = e^{−2|x|}    f″ = −2·tanh x·sech²x
/// ```
/// `1 − tanh²x` is 0 for |x| ≥ 19.1 where the true f′ is still 1e-16; the form in u keeps
/// f′ to full relative accuracy down to its underflow at |x| ≈ 372.
struct HyperbolicTangent: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double { tanh(x) }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        let t = tanh(x)
        let d = hyperbolicSecantSquared(x)
        return Jet(value: t, derivative: d, secondDerivative: -2 * t * d)
    }
}

extension CatalogEntry {
    /// The hyperbolic tangent.
    static let tanh = CatalogEntry(
        name: "tanh", family: .sigmoidal, aliases: ["hyperbolic_tangent"],
        formula: "f(x) = tanh x = (e^x - e^-x)/(e^x + e^-x)",
        notes: """
            Zero-centred sigmoid with f′(0) = 1: the classic choice for recurrent \
            networks and small MLPs. Saturates (f′ < 1e-3 beyond |x| ≈ 4.1), so deep \
            feed-forward stacks prefer ReLU-like functions.
            """,
        smoothness: { _ in .smooth }, makeKernel: { _ in HyperbolicTangent() })
}
