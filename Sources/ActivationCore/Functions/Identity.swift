/// The identity, f(x) = x.
///
/// ```
/// f = x    f′ = 1    f″ = 0
/// ```
struct Identity: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double { x }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        x.isNaN ? Jet(nan: x) : Jet(value: x, derivative: 1, secondDerivative: 0)
    }
}

extension CatalogEntry {
    /// The identity, x.
    static let identity = CatalogEntry(
        name: "identity", family: .linear, aliases: ["linear"], formula: "f(x) = x",
        notes: """
            The output layer of a regression network, or no activation at all. A network \
            of linear layers with identity activations is one linear map.
            """,
        smoothness: { _ in .smooth }, makeKernel: { _ in Identity() })
}
