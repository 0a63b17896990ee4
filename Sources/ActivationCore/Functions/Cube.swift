/// DL4J's cube, x³.
///
/// ```
/// f = x³    f′ = 3x²    f″ = 6x
/// ```
/// (x·x)·x rounds twice; for tiny x the subnormal rounding comes last. Overflows honestly
/// to ±∞ above |x| ≈ 5.6e102.
struct Cube: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double { DoubleDouble.product(x, x).times(x).value }

    /// x³, 3x² and 6x, each rounded once (x² is carried exactly).
    @inline(__always)
    func jet(at x: Double) -> Jet {
        let square = DoubleDouble.product(x, x)
        return Jet(value: square.times(x).value, derivative: square.times(3).value, secondDerivative: 6 * x)
    }

    /// x³ and 3x² to 106 bits: exactly where x² is a double (x of at most 26 bits, every
    /// float32 and narrower), so that a cube on a midpoint is a true tie.
    func preciseJet(at x: Double) -> PreciseJet? {
        let square = DoubleDouble.product(x, x)
        guard square.hi.isFinite else { return nil }
        return PreciseJet(
            value: square.times(x), derivative: square.times(3), relativeError: square.lo == 0 ? 0 : 0x1p-100)
    }
}

extension CatalogEntry {
    /// DL4J's cube, x³.
    public static let cube = CatalogEntry(
        name: "cube", family: .elementary, formula: "f(x) = x^3",
        notes: """
            DL4J's CUBE, from the Chen & Manning dependency parser (2014). Unbounded with \
            a flat spot at 0; overflows beyond |x| ≈ 5.6e102.
            """,
        smoothness: { _ in .smooth }, naive: { _ in NaiveFormula(value: "x^3", derivative: "3*x^2") },
        makeKernel: { _ in Cube() })
}
