/// The logistic sigmoid σ(x) = 1/(1 + e^−x).
///
/// ```
/// f = σ(x)    f′ = σ(x)·σ(−x)    f″ = f′·(σ(−x) − σ(x)) = −f′·tanh(x/2)
/// ```
/// σ(x), σ(−x) and σ(−x) − σ(x) = −tanh(x/2) come from one e^{−|x|} in double-double
/// (``PreciseLogisticPair``), so neither tail overflows or loses relative accuracy and f, f′
/// and f″ are each rounded once from about 75 bits. f′ is never `y(1 − y)`, which is 0 for
/// x ≥ 37 where the true value is 8.5e-17. Beyond |x| = 700 the double formulas are exact.
struct Sigmoid: FastPathKernel {
    @inline(__always)
    func value(at x: Double) -> Double {
        if abs(x) <= 650, let f = Self.fast(x)?.value { return f }
        if abs(x) > 700 { return logistic(x) }
        return PreciseLogisticPair(x).positive.value
    }

    /// f and f′ from the fast path for |x| ≤ 650.
    @inline(__always)
    func fastValueAndSlope(at x: Double) -> (value: Double, slope: Double)? {
        abs(x) <= 650 ? Self.fast(x) : nil
    }

    /// σ and σ′ from ``FastPath/logistic(_:)``, where its bound decides their rounding.
    ///
    /// Each is within 2⁻⁶² relative; the rest (about 1 point in 2⁸) goes the double-double way.
    @inline(__always)
    static func fast(_ x: Double) -> (value: Double, slope: Double)? {
        fastJet(x, curvature: false).map { ($0.value, $0.derivative) }
    }

    /// ``fast(_:)``'s f and f′, and when asked f″ = σ′·(σ(−x) − σ(x)) from the same pieces for
    /// |x| ≥ 2⁻⁶, where the difference, at least |x|/4, is within 2⁻⁶¹ of it relatively, and
    /// from its series below.
    @inline(__always)
    static func fastJet(_ x: Double, curvature: Bool) -> Jet? {
        let (s, n) = FastPath.logistic(x)
        let d = FastPath.product(s, n)
        guard let f = FastPath.decided(s.hi, s.lo, error: 0x1p-61 * s.hi),
            let slope = FastPath.decided(d.hi, d.lo, error: 0x1p-60 * d.hi)
        else { return nil }
        guard curvature else { return Jet(value: f, derivative: slope, secondDerivative: 0) }
        if abs(x) < 0x1p-6 {
            // σ″ = −x/8 + x³/24 − 17x⁵/1920 + 31x⁷/20160 − c₉x⁹ + …: the next term is below
            // 2⁻⁷¹ of the first.
            let square = x * x
            var series = -0.000_238_026_344_797_178_13
            series = series * square + 31.0 / 20160
            series = series * square - 17.0 / 1920
            series = series * square + 1.0 / 24
            series = series * square - 0.125
            return Jet(value: f, derivative: slope, secondDerivative: x * series)
        }
        let b = DoubleDouble.sum(n.hi, -s.hi)
        let c = FastPath.product(d, DoubleDouble(b.hi, b.lo + (n.lo - s.lo)))
        return Jet(value: f, derivative: slope, secondDerivative: c.hi + c.lo)
    }

    /// f, f′ and f″ from the fast path where it decides f and f′; else f″ from the
    /// double-double evaluation, with f and f′ from the fast path where it decides them alone,
    /// so that they are the bits ``valueAndSlope(at:)`` gives.
    @inline(__always)
    func jet(at x: Double) -> Jet {
        guard abs(x) <= 650 else { return fullJet(at: x) }
        if let jet = Self.fastJet(x, curvature: true) { return jet }
        return fastOrFullJet(at: x)
    }

    @inline(__always)
    func fullJet(at x: Double) -> Jet {
        if abs(x) > 700 || x.isNaN {
            let s = LogisticPair(x)
            let d = s.derivative
            return Jet(value: s.positive, derivative: d, secondDerivative: -d * tanh(0.5 * x))
        }
        let s = PreciseLogisticPair(x)
        let d = s.derivative
        return Jet(value: s.positive.value, derivative: d.value, secondDerivative: d.times(s.balance).value)
    }

    /// σ and σ′ beyond double precision, where the kernel can give them.
    ///
    /// σ′ = σ(x)·σ(−x) from the double-double pair for |x| ≤ 700, to 2⁻⁷⁰ relative (e^{−|x|} is good to about 2⁻⁷⁵; a reciprocal and a product add a few 2⁻¹⁰⁰); from
    /// |x| = 746, where e^{−|x|} < 2⁻¹⁰⁷⁶, 0 or 1 and 0, each within the least subnormal.
    func preciseJet(at x: Double) -> PreciseJet? {
        if abs(x) >= 746 {
            return PreciseJet(
                value: DoubleDouble(x > 0 ? 1 : 0), derivative: DoubleDouble(0), error: (0x1p-1074, 0x1p-1074)
            )
        }
        guard abs(x) <= 700 else { return nil }
        let s = PreciseLogisticPair(x)
        return PreciseJet(value: s.positive, derivative: s.derivative, relativeError: 0x1p-70)
    }
}

extension CatalogEntry {
    /// The logistic sigmoid.
    public static let sigmoid = CatalogEntry(
        name: "sigmoid", family: .sigmoidal, aliases: ["logistic"], formula: "f(x) = 1/(1 + e^-x)",
        notes: """
            Output layer for binary probabilities, and gates in LSTMs and GRUs. In hidden \
            layers it saturates (f′ < 1e-3 beyond |x| ≈ 6.9), its outputs are not centred \
            on 0 and f′ ≤ 1/4, so deep stacks of it train slowly.
            """,
        smoothness: { _ in .smooth }, torchGain: { _ in (1, "a convention, not 1/√E[f²]") },
        naive: { _ in NaiveFormula(value: "1/(1 + exp(-x))", derivative: "y*(1 - y)") },
        makeKernel: { _ in Sigmoid() })
}

extension Sigmoid: LaneKernel {
    /// ``fast(_:)`` per lane, for |x| ≤ 650.
    @inline(__always)
    func fastLanes(_ x: Lanes, table: UnsafeBufferPointer<DoubleDouble>) -> (
        value: Lanes, slope: Lanes, decided: LaneMask
    ) {
        let (s, n) = FastLanes.logistic(x, table: table)
        let d = FastLanes.product(s, n)
        let f = FastLanes.decided(s.hi, s.lo, error: 0x1p-61 * s.hi)
        let slope = FastLanes.decided(d.hi, d.lo, error: 0x1p-60 * d.hi)
        return (f.value, slope.value, f.decided .& slope.decided .& (FastLanes.magnitude(x) .<= 650))
    }
}
