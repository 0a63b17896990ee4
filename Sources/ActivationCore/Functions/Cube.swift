/// DL4J's cube, x³.
///
/// ```
/// f = x³    f′ = 3x²    f″ = 6x
/// ```
/// (x·x)·x rounds twice; for tiny x the subnormal rounding comes last. Overflows honestly
/// to ±∞ above |x| ≈ 5.6e102.
struct Cube: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double { (x * x) * x }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        Jet(value: (x * x) * x, derivative: 3 * (x * x), secondDerivative: 6 * x)
    }
}
