/// Tanh shrink: x − tanh x.
///
/// ```
/// f = x − tanh x    f′ = tanh²x    f″ = 2·tanh x·sech²x
/// ```
/// `x − tanh x` loses log₂(3/x²) bits to cancellation (all of them at 1e-8, where PyTorch
/// returns 0 for 3.3e-25). For |x| < 2 actplot uses
/// ```
/// x − tanh x = (x·cosh x − sinh x)/cosh x,   x·cosh x − sinh x = Σ_{k≥1} 2k·x^{2k+1}/(2k+1)!
/// ```
/// whose terms are all of one sign (14 terms reach 2⁻⁵⁶ at |x| = 2); beyond 2 the direct
/// form loses at most one bit.
struct TanhShrink: ScalarKernel {
    /// 2k/(2k+1)! for k = 1…14, correctly rounded.
    private static let coefficients: [Double] = [
        0.3333333333333333, 0.03333333333333333, 0.0011904761904761906, 2.2045855379188714e-05,
        2.505210838544172e-07, 1.9270852604185937e-09, 1.0706029224547743e-11, 4.498331606952833e-14,
        1.4797143443923793e-16, 3.9145882126782523e-19, 8.509974375387505e-22, 1.5472680682522736e-24,
        2.387759364586842e-27, 3.166789608205361e-30,
    ]

    @inline(__always)
    func value(at x: Double) -> Double {
        guard abs(x) < 2 else { return x - tanh(x) }
        let x2 = x * x
        var sum = 0.0
        for c in Self.coefficients.reversed() {
            sum = c.addingProduct(sum, x2)
        }
        // x³ to 106 bits, so the only roundings left are the sum's, one product and cosh.
        let cube = DoubleDouble.product(x, x).times(x)
        guard abs(cube.hi) > 0x1p-960 else { return ((sum * x2) * x) / cosh(x) }
        return (cube.hi * sum + cube.lo * sum) / cosh(x)
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let t = tanh(x)
        return Jet(
            value: value(at: x), derivative: t * t, secondDerivative: 2 * t * hyperbolicSecantSquared(x))
    }
}

extension CatalogEntry {
    /// Tanh shrink, x − tanh x.
    static let tanhshrink = CatalogEntry(
        name: "tanhshrink", family: .shrinkage, aliases: ["tanh_shrink"], formula: "f(x) = x - tanh x",
        notes: """
            Smooth, cubic near 0 (x³/3) and x ∓ 1 far out: a soft dead zone. Rarely used \
            in practice; computed with a one-signed series where x − tanh x cancels.
            """,
        smoothness: { _ in .smooth }, makeKernel: { _ in TanhShrink() })
}
