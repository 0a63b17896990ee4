/// The log-sigmoid: log σ(x) = −softplus(−x).
///
/// ```
/// f = min(x, 0) − log1p(e^{−|x|})    f′ = σ(−x)    f″ = −σ(x)·σ(−x)
/// ```
/// Finite for every finite x (log σ(−800) = −800, not −∞) and relatively exact in both
/// tails.
struct LogSigmoid: FastPathKernel {
    @inline(__always)
    func value(at x: Double) -> Double {
        if let fast = fastValueAndSlope(at: x) { return fast.value }
        if x.isNaN || x < -40 { return x.isNaN ? x : x - exp(x) }  // e^x < 2⁻⁵⁷·|x| below −40
        if x > 700 { return -DoubleDouble.scaledExp(DoubleDouble(-x), times: DoubleDouble(1)) }
        return DoubleDouble.softplus(DoubleDouble(-x)).negated.value
    }

    /// f = min(x, 0) − log1p(e^{−|x|}) and f′ = σ(−x) for |x| ≤ 40 from ``FastPath``, where
    /// their bounds decide the rounding.
    ///
    /// σ(−x) is within 2⁻⁶², and log1p within the bound ``FastPath/log1p(_:)`` gives; both are
    /// checked with a factor of 2 to spare.
    @inline(__always)
    func fastValueAndSlope(at x: Double) -> (value: Double, slope: Double)? {
        guard abs(x) <= 40 else { return nil }
        let (_, n, e) = FastPath.logisticAndExp(x)
        let (l, error) = FastPath.log1p(e)
        var f = DoubleDouble(-l.hi, -l.lo)
        if x < 0 {
            let sum = DoubleDouble.sum(x, -l.hi)
            f = DoubleDouble(sum.hi, sum.lo - l.lo)
        }
        guard let value = FastPath.decided(f.hi, f.lo, error: 2 * error),
            let slope = FastPath.decided(n.hi, n.lo, error: 0x1p-61 * n.hi)
        else { return nil }
        return (value, slope)
    }

    @inline(__always)
    func fullJet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if abs(x) > 700 {
            let s = LogisticPair(x)
            return Jet(value: value(at: x), derivative: s.negative, secondDerivative: -s.derivative)
        }
        let s = PreciseLogisticPair(x)
        let f: Double
        if x < -40 {
            f = value(at: x)
        } else {  // −softplus(−x), from the pair's own e^{−|x|}
            f = DoubleDouble.softplus(DoubleDouble(-x), exponential: s.exponential).negated.value
        }
        return Jet(value: f, derivative: s.negative.value, secondDerivative: -s.derivative.value)
    }
}

extension LogSigmoid: LaneKernel {
    /// ``fastValueAndSlope(at:)`` per lane, for |x| ≤ 40.
    @inline(__always)
    func fastLanes(_ x: Lanes, table: UnsafeBufferPointer<DoubleDouble>) -> (
        value: Lanes, slope: Lanes, decided: LaneMask
    ) {
        let (_, n, e) = FastLanes.logisticAndExp(x, table: table)
        let (l, error) = FastLanes.log1p(e, table: table)
        let sum = FastLanes.twoSum(x, -l.hi)
        let negative = x .< 0
        let f = FastLanes.decided(
            (-l.hi).replacing(with: sum.hi, where: negative),
            (-l.lo).replacing(with: sum.lo - l.lo, where: negative),
            error: 2 * error)
        let slope = FastLanes.decided(n.hi, n.lo, error: 0x1p-61 * n.hi)
        return (f.value, slope.value, f.decided .& slope.decided .& (FastLanes.magnitude(x) .<= 40))
    }
}

extension CatalogEntry {
    /// The log-sigmoid, −softplus(−x).
    public static let logSigmoid = CatalogEntry(
        name: "log_sigmoid", family: .smoothRectifier, aliases: ["logsigmoid"],
        formula: "f(x) = log(1/(1 + e^-x)) = -softplus(-x)",
        notes: """
            The log-probability of a sigmoid output, for numerically stable \
            binary cross-entropy. Must be computed as −softplus(−x): log(σ(x)) is −∞ \
            below x ≈ −745.
            """,
        smoothness: { _ in .smooth },
        naive: { _ in NaiveFormula(value: "log(1/(1 + exp(-x)))", derivative: "1 - 1/(1 + exp(-x))") },
        makeKernel: { _ in LogSigmoid() })
}
