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

    /// x³·(1/3 + c₅x² + c₇x⁴ + …) for |x| < 1/8, where x³ is normal: the series alternates but
    /// its terms fall by x² < 1/64 each; 1/3 and x³ to 106 bits, the tail in double.
    @inline(__always)
    private static func series(_ x: Double, cube: DoubleDouble) -> DoubleDouble {
        let x2 = x * x
        var tail = 0.0
        for c in coefficients.reversed() {
            tail = c.addingProduct(tail, x2)
        }
        return third.plus(tail * x2).times(cube)
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN || abs(x) > 350 { return x - tanh(x) }
        guard abs(x) < 0.125 else { return DoubleDouble(x).minus(Self.preciseTanh(x)).value }
        let cube = DoubleDouble.product(x, x).times(x)
        if abs(cube.hi) > 0x1p-960 { return Self.series(x, cube: cube).value }
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

    /// x − tanh x and tanh²x for |x| ≥ 20, as x ∓ 1 ± ε and 1 − 2ε + ε² with ε kept apart.
    ///
    /// ε = 1 − |tanh x| = 2e^{−2|x|}/(1 + e^{−2|x|}) < 2⁻⁵⁶: the rounding of x ∓ 1, an odd
    /// integer and a midpoint of bfloat16 from 256, turns on ε's sign. Where ε
    /// underflows (|x| > 372), the least subnormal stands in for it, on the same side of x ∓ 1
    /// and far below any format's resolution.
    private static func farJet(_ x: Double) -> PreciseJet {
        let e = exp(-2 * abs(x))
        let epsilon = Swift.max(2 * e / (1 + e), .leastNonzeroMagnitude)
        let s: Double = x > 0 ? 1 : -1
        let value = DoubleDouble.sum(x, -s).plus(DoubleDouble(s * epsilon))
        let slope = DoubleDouble.sum(1, -2 * epsilon).plus(DoubleDouble(epsilon * epsilon))
        return PreciseJet(value: value, derivative: slope, error: (0x1p-50 * epsilon, 0x1p-49 * epsilon))
    }

    /// x − tanh x and tanh²x beyond double precision: to about 64 bits from the double-double
    /// tanh for |x| ≥ 1/8 (and tanh² from it down to 2⁻²⁰, where its cancellation costs 20 of
    /// 106 bits), and x − tanh x from the series below, whose double coefficients and tail hold
    /// it to about 58 bits.
    func preciseJet(at x: Double) -> PreciseJet? {
        guard x.isFinite, abs(x) > 0x1p-300 else { return nil }
        if abs(x) >= 20 { return Self.farJet(x) }
        let t = Self.preciseTanh(x)
        if abs(x) >= 0.125 {
            return PreciseJet(value: DoubleDouble(x).minus(t), derivative: t.squared, relativeError: 0x1p-62)
        }
        let x2 = x * x
        let square = DoubleDouble.product(x, x)
        // tanh²x = x²·(1 − 2x²/3 + 17x⁴/45 − …) below 2⁻²⁰, the next term under x⁶ of it.
        let t2 =
            abs(x) >= 0x1p-20
            ? t.squared
            : square.times(DoubleDouble(1).plus(DoubleDouble(-2.0 / 3 * x2 + 17.0 / 45 * x2 * x2)))
        let value = Self.series(x, cube: square.times(x))
        // Below 2⁻²⁰ the series errs by the rounding of its correction and the omitted x⁶ term.
        let slopeError = (abs(x) >= 0x1p-20 ? 0x1p-56 : 0x1p-50 * x2 + x2 * x2 * x2) * abs(t2.hi)
        return PreciseJet(value: value, derivative: t2, error: (0x1p-56 * abs(value.hi), slopeError))
    }
}

extension CatalogEntry {
    /// Tanh shrink, x − tanh x.
    public static let tanhshrink = CatalogEntry(
        name: "tanhshrink", family: .shrinkage, aliases: ["tanh_shrink"], formula: "f(x) = x - tanh x",
        notes: """
            Smooth, cubic near 0 (x³/3) and x ∓ 1 far out: a soft dead zone. Rarely used \
            in practice; computed with a one-signed series where x − tanh x cancels.
            """,
        smoothness: { _ in .smooth },
        naive: { _ in NaiveFormula(value: "x - tanh(x)", derivative: "tanh(x)^2") },
        makeKernel: { _ in TanhShrink() })
}
