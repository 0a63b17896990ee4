/// Tanh shrink: x − tanh x.
///
/// ```
/// f = x − tanh x    f′ = tanh²x    f″ = 2·tanh x·sech²x
/// ```
/// `x − tanh x` loses log₂(3/x²) bits to cancellation (all of them at 1e-8, where PyTorch
/// returns 0 for 3.3e-25). actplot subtracts a double-double tanh (``PreciseLogisticPair`` at
/// 2x) for |x| ≥ 1/8, where at most 8 of its 75 bits cancel, and below uses the Taylor series
/// x³·(1/3 − 2x²/15 + 17x⁴/315 − …), whose terms fall by x² < 1/64 each, with 1/3 and x³ to
/// 106 bits. f′ = tanh²x and f″ = 8·tanh x·σ(2x)σ(−2x) come from the same double-double tanh.
struct TanhShrink: ScalarKernel {
    /// The Taylor coefficients of x − tanh x after x³/3: of x⁵, x⁷, …, x²³, correctly rounded.
    private static let coefficients: [Double] = [
        -0.13333333333333333, 0.05396825396825397, -0.021869488536155203, 0.008863235529902197,
        -0.003592128036572481, 0.0014558343870513183, -0.000590027440945586, 0.00023912911424355248,
        -9.691537956929451e-05, 3.927832388331683e-05,
    ]
    /// 1/3 to 106 bits.
    private static let third = DoubleDouble(0.3333333333333333, 1.850_371_707_708_594e-17)

    /// tanh x in double-double, for |x| ≤ 350.
    @inline(__always)
    private static func preciseTanh(_ x: Double) -> DoubleDouble {
        PreciseLogisticPair(2 * x).balance.negated
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN || abs(x) > 350 { return x - tanh(x) }
        guard abs(x) < 0.125 else { return DoubleDouble(x).minus(Self.preciseTanh(x)).value }
        // x³·(1/3 + c₅x² + c₇x⁴ + …): the series alternates but its terms fall by x² < 1/64 each.
        let x2 = x * x
        var tail = 0.0
        for c in Self.coefficients.reversed() {
            tail = c.addingProduct(tail, x2)
        }
        let cube = DoubleDouble.product(x, x).times(x)
        if abs(cube.hi) > 0x1p-960 { return Self.third.plus(tail * x2).times(cube).value }
        // x³/3 near or in the subnormal range: formed at x·2³⁰⁰ (exactly), then scaled back once
        let scaled = x * 0x1p300
        let v = Self.third.times(DoubleDouble.product(scaled, scaled).times(scaled)).value
        return Double(sign: .plus, exponent: -900, significand: v)
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if abs(x) < 0x1p-30 {  // tanh²x = x²(1 − 2x²/3 …) and 2tanh x·sech²x = 2x(1 − 4x²/3 …)
            return Jet(value: value(at: x), derivative: x * x, secondDerivative: 2 * x)
        }
        if x.isNaN || abs(x) > 350 {  // f′ = 1 − tanh′ rounds to 1; f″ = −tanh″, rounded once
            let t = HyperbolicTangent().jet(at: x)
            let slope = x.isNaN ? x : 1
            return Jet(value: value(at: x), derivative: slope, secondDerivative: -t.secondDerivative)
        }
        let s = PreciseLogisticPair(2 * x)
        let t = s.balance.negated
        return Jet(
            value: value(at: x), derivative: t.squared.value,
            secondDerivative: t.times(s.derivative).times(8).value)
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
        smoothness: { _ in .smooth },
        naive: { _ in NaiveFormula(value: "x - tanh(x)", derivative: "tanh(x)^2") },
        makeKernel: { _ in TanhShrink() })
}
