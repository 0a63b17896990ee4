/// DL4J's rectified tanh: max(0, tanh x).
///
/// ```
/// f = tanh x (x > 0), 0    f′ = sech²x, 0    f″ = −2·tanh x·sech²x, 0
/// ```
/// For x > 0 it is ``HyperbolicTangent``'s f, f′ and f″. f′(0) follows the kink convention
/// with x > 0 active: 0 when exclusive (DL4J).
struct RectifiedTanh: ScalarKernel {
    var kink: KinkConvention

    @inline(__always)
    func value(at x: Double) -> Double {
        x > 0 ? HyperbolicTangent().value(at: x) : x.isNaN ? x : 0
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if x < 0 { return Jet(value: 0, derivative: 0, secondDerivative: 0) }
        if x == 0 { return Jet(value: 0, derivative: kink.pick(inside: 1, outside: 0), secondDerivative: 0) }
        return HyperbolicTangent().jet(at: x)
    }
}

extension CatalogEntry {
    /// DL4J's rectified tanh, max(0, tanh x).
    public static let rectifiedTanh = CatalogEntry(
        name: "rectified_tanh", family: .sigmoidal, aliases: ["rectifiedtanh"],
        formula: "f(x) = max(0, tanh x)",
        notes: """
            DL4J's RECTIFIEDTANH: tanh for x > 0, zero below; bounded above by 1, with a \
            dead negative half like ReLU.
            """,
        hasKinks: true, smoothness: { _ in .continuous }, corners: { _ in [0] },
        naive: { _ in
            NaiveFormula(value: "max(tanh(x), 0)", derivative: NaiveFormula.step("x") + "*(1 - y^2)")
        },
        makeKernel: { a in RectifiedTanh(kink: a.kink) })
}
