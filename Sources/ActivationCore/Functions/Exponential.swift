/// The exponential, e^x (Keras' `exponential`).
///
/// ```
/// f = f′ = f″ = e^x
/// ```
/// Overflows honestly to +∞ above x ≈ 709.78.
struct Exponential: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double { exp(x) }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        let e = exp(x)
        return Jet(value: e, derivative: e, secondDerivative: e)
    }
}

extension CatalogEntry {
    /// Keras' exponential, e^x.
    public static let exponential = CatalogEntry(
        name: "exponential", family: .elementary, aliases: ["exp"], formula: "f(x) = e^x",
        notes: """
            Keras' `exponential`: a positive output such as a rate. Overflows to +∞ above \
            x ≈ 709.78.
            """,
        smoothness: { _ in .smooth }, naive: { _ in NaiveFormula(value: "exp(x)", derivative: "y") },
        makeKernel: { _ in Exponential() })
}
