/// StarReLU (MetaFormer): s·max(0, x)² + b.
///
/// ```
/// f = s·x² + b (x > 0), b    f′ = 2s·x, 0    f″ = 2s, 0
/// ```
/// s·x² + b is summed from error-free parts (x² = h + l exactly, s·h and s·l exactly) and
/// rounded once, so f is correctly rounded, right through its zero at √(−b/s) where s·x² and b
/// cancel; 2s·x is one rounding. f″ jumps from 0 to 2s at 0 and follows the kink convention with
/// x > 0 active, like squared ReLU.
struct StarRectifier: ScalarKernel {
    var scale: Double
    var bias: Double
    var kink: KinkConvention

    /// s·x² + b for x > 0 as a double-double, to about 2⁻¹⁰⁶ of the result; nil where s·x² overflows.
    ///
    /// Beyond x = 2⁵¹⁰, where x² itself may overflow though s·x² does not (s < 1), it is
    /// computed at x·2⁻⁵¹² and scaled back by 2¹⁰²⁴ in two exact steps; b, below 2⁹⁰⁰, is
    /// then far under half an ulp of the result.
    @inline(__always)
    private func quadratic(_ x: Double) -> DoubleDouble? {
        guard (scale * x * x).isFinite else { return nil }
        if x > 0x1p510 {
            guard abs(bias) < 0x1p900 else { return nil }
            let y = x * 0x1p-512
            let square = DoubleDouble.product(y, y)
            let q = DoubleDouble.product(scale, square.hi).plus(DoubleDouble.product(scale, square.lo)).value
            return DoubleDouble(q * 0x1p512 * 0x1p512)
        }
        let square = DoubleDouble.product(x, x)
        let high = DoubleDouble.product(scale, square.hi)
        let low = DoubleDouble.product(scale, square.lo)
        return DoubleDouble.sum(high.hi, bias).plus(high.lo).plus(low.hi).plus(low.lo)
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if x > 0 { return quadratic(x)?.value ?? scale * x * x + bias }
        return x.isNaN ? x : bias
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x > 0 { return Jet(value: value(at: x), derivative: 2 * scale * x, secondDerivative: 2 * scale) }
        if x.isNaN { return Jet(nan: x) }
        let curvature = x < 0 ? 0 : kink.pick(inside: 2 * scale, outside: 0)
        return Jet(value: bias, derivative: 0, secondDerivative: curvature)
    }

    /// s·x² + b to about 2⁻¹⁰⁶ and 2s·x exactly.
    func preciseJet(at x: Double) -> PreciseJet? {
        guard x > 0, let value = quadratic(x) else { return nil }
        return PreciseJet(
            value: value, derivative: DoubleDouble.product(2 * scale, x), error: (0x1p-104 * abs(value.hi), 0)
        )
    }
}

extension CatalogEntry {
    /// StarReLU, s·relu(x)² + b, with the MetaFormer paper's s and b.
    public static let starReLU: CatalogEntry = {
        let scale = Parameter.real(.scale, 0.8944, .finite, "s, the scale of the square")
        let bias = Parameter.real(.bias, -0.4472, .finite, "b, the offset")
        return CatalogEntry(
            name: "star_relu", family: .rectifier, aliases: ["starrelu"],
            formula: "f(x) = scale*max(0, x)^2 + bias", parameters: [scale, bias],
            notes: """
                StarReLU (Yu et al. 2022, "MetaFormer baselines for vision"): squared ReLU \
                scaled and shifted so that its output has mean 0 and variance 1 for a standard \
                normal input, with s and b learnable. The defaults are the paper's 0.8944 and \
                −0.4472, which are 2/√5 = 0.894427… and −1/√5 = −0.447213… rounded to four \
                digits: the exact moments need those. Cheaper than GELU, as good in MetaFormer.
                """,
            hasKinks: true, smoothness: { _ in .differentiable }, corners: { _ in [0] },
            naive: { a in
                let (s, b) = (NaiveFormula.literal(a[scale]), NaiveFormula.literal(a[bias]))
                return NaiveFormula(value: "\(s)*max(x, 0)^2 + \(b)", derivative: "2*\(s)*max(x, 0)")
            },
            makeKernel: { a in StarRectifier(scale: a[scale], bias: a[bias], kink: a.kink) })
    }()
}
