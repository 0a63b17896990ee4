/// SiLU (swish) x·σ(βx), and GELU's sigmoid approximation x·σ(1.702x).
///
/// ```
/// v = βx     f = x·σ(v)     f′ = σ(v)·(1 + v·σ(−v))     f″ = β·σ(v)σ(−v)·(2 − v·tanh(v/2))
/// ```
/// * No division by x and no e^x that could overflow (DL4J's closed form is NaN above
///   x ≈ 355); σ(−v) is never `1 − σ(v)`. σ(±v) and the combinations are double-double
///   (``PreciseLogisticPair``), each result rounded once.
/// * v = βx is formed exactly (β itself may carry a second double: 1.702 is not a
///   double), so the left tail, where f ≈ x·e^v, keeps full relative accuracy.
/// * Beyond |v| = 40, f, f′ and f″ are e^{−|v|} times a polynomial factor, rounded once,
///   so they stay exact through the subnormal range (f′(−709) = −8.6e-306, not 0).
/// * f′ and f″ depend on v alone (f′(x) = g′(βx), f″(x) = β·g″(βx) for g = silu), so one
///   Taylor series about g′'s zero (v ≈ −1.2785) and two about g″'s (v ≈ ±2.3994)
///   serve every β.
struct SigmoidLinear: FastPathKernel {
    var beta: DoubleDouble

    @inline(__always)
    func argument(_ x: Double) -> DoubleDouble {
        let p = DoubleDouble.product(beta.hi, x)
        return beta.lo == 0 ? p : DoubleDouble.sum(p.hi, p.lo + beta.lo * x)
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        let v = argument(x)
        if abs(v.hi) <= 650, let f = fast(x, v)?.value { return f }
        if v.hi < -700 { return v.hi.isInfinite ? -0.0 : DoubleDouble.scaledExp(v, times: DoubleDouble(x)) }
        return PreciseLogisticPair(v).positive.times(x).value
    }

    /// f and f′ from the fast path for |βx| ≤ 650.
    @inline(__always)
    func fastValueAndSlope(at x: Double) -> (value: Double, slope: Double)? {
        let v = argument(x)
        return abs(v.hi) <= 650 ? fast(x, v) : nil
    }

    /// f = x·σ(v) and f′ = σ(v)·(1 + v·σ(−v)) from ``FastPath/logistic(_:)`` and
    /// ``FastPath/selfGated(_:gate:_:)``, where their bounds decide the rounding (σ(−v) enters f′
    /// through the product, its error with it; f′'s bound grows near its zero, v ≈ −1.28).
    @inline(__always)
    func fast(_ x: Double, _ v: DoubleDouble) -> (value: Double, slope: Double)? {
        fastJet(x, v, curvature: false).map { ($0.value, $0.derivative) }
    }

    /// ``fast(_:_:)``'s f and f′, and when asked f″ = β·σ(v)σ(−v)·(2 + v·(σ(−v) − σ(v))) from
    /// the same pieces where the sum cancels by less than 8 (each part within 2⁻⁶¹, the sum
    /// then within 2⁻⁵⁸): away from f″'s zeros, whose series stay on the double-double path.
    @inline(__always)
    func fastJet(_ x: Double, _ v: DoubleDouble, curvature: Bool) -> Jet? {
        guard x != 0 else { return nil }  // f = ±0 keeps x's sign: the double-double way
        let (s, n) = FastPath.logistic(v)
        guard let (f, slope) = FastPath.selfGated(x, gate: s, FastPath.product(v, n)) else { return nil }
        guard curvature else { return Jet(value: f, derivative: slope, secondDerivative: 0) }
        let balance = DoubleDouble.sum(n.hi, -s.hi)
        let bend = FastPath.product(v, DoubleDouble(balance.hi, balance.lo + (n.lo - s.lo)))
        let sum = FastPath.sum(DoubleDouble(2), bend)
        guard abs(sum.hi) * 8 >= 2 + abs(bend.hi) else { return nil }
        let c = FastPath.product(FastPath.product(FastPath.product(s, n), sum), beta)
        return Jet(value: f, derivative: slope, secondDerivative: c.hi + c.lo)
    }

    /// f, f′ and f″ from the fast path where it decides f and f′ and f″ does not cancel; else
    /// f″ from the double-double evaluation, with f and f′ from the fast path where it decides
    /// them alone, so that they are the bits ``valueAndSlope(at:)`` gives.
    @inline(__always)
    func jet(at x: Double) -> Jet {
        let v = argument(x)
        guard abs(v.hi) <= 650 else { return fullJet(at: x) }
        if let jet = fastJet(x, v, curvature: true) { return jet }
        return fastOrFullJet(at: x)
    }

    @inline(__always)
    func fullJet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let b = beta.hi
        let v = argument(x)
        if v.hi.isInfinite {
            // βx overflowed (x or β huge): the gate is exactly 0 or 1.
            return v.hi > 0 ? Jet(value: x, derivative: 1, secondDerivative: 0) : Jet(selfGatedLimitAt: -1)
        }
        if v.hi < -700 {
            // σ(v) = e^v·(1 − e^v + …) and e^v < 1e-304: f = x·e^v, f′ = (1 + v)·e^v, f″ = β(2 + v)·e^v.
            return Jet(
                value: DoubleDouble.scaledExp(v, times: DoubleDouble(x)),
                derivative: DoubleDouble.scaledExp(v, times: v.plus(1)),
                secondDerivative: DoubleDouble.scaledExp(v, times: v.plus(2).times(beta)))
        }
        let s = PreciseLogisticPair(v)
        let slope: Double
        if RootSeries.siluDerivative.contains(v.hi) {
            slope = RootSeries.siluDerivative.evaluate(v)
        } else {
            slope = v.times(s.negative).plus(1).times(s.positive).value
        }
        let curvature: Double
        if RootSeries.siluSecondDerivativeLeft.contains(v.hi) {
            curvature = b * RootSeries.siluSecondDerivativeLeft.evaluate(v)
        } else if RootSeries.siluSecondDerivativeRight.contains(v.hi) {
            curvature = b * RootSeries.siluSecondDerivativeRight.evaluate(v)
        } else if v.hi > 700 {
            curvature = DoubleDouble.scaledExp(v.negated, times: DoubleDouble(2).minus(v).times(beta))
        } else {
            curvature = v.times(s.balance).plus(2).times(s.derivative).times(beta).value
        }
        return Jet(value: s.positive.times(x).value, derivative: slope, secondDerivative: curvature)
    }
}

extension SigmoidLinear: LaneKernel {
    /// ``fast(_:_:)`` per lane, for |βx| ≤ 650 and x ≠ 0.
    @inline(__always)
    func fastLanes(_ x: Lanes, table: UnsafeBufferPointer<DoubleDouble>) -> (
        value: Lanes, slope: Lanes, decided: LaneMask
    ) {
        let p = beta.hi * x
        var v = FastLanes.Pair(hi: p, lo: (-p).addingProduct(Lanes(repeating: beta.hi), x))
        if beta.lo != 0 { v = FastLanes.twoSum(p, v.lo + beta.lo * x) }
        let (s, n) = FastLanes.logistic(v, table: table)
        let r = FastLanes.selfGated(x, gate: s, FastLanes.product(v, n))
        return (r.value, r.slope, r.decided .& (FastLanes.magnitude(v.hi) .<= 650) .& (x .!= 0))
    }
}

extension CatalogEntry {
    /// SiLU (swish), x·σ(βx).
    public static let silu: CatalogEntry = {
        let beta = Parameter.real(.beta, 1, .positive, "gate sharpness (TensorFlow's swish)")
        return CatalogEntry(
            name: "silu", family: .selfGated, aliases: ["swish"], formula: "f(x) = x*sigmoid(beta*x)",
            parameters: [beta],
            notes: """
                Swish (Ramachandran et al. 2017): smooth, non-monotonic (minimum −0.2785 at \
                x = −1.2785), unbounded above. Common in EfficientNet and LLM feed-forward \
                layers (SwiGLU).
                """,
            smoothness: { _ in .smooth },
            naive: { a in
                let b = NaiveFormula.literal(a[beta])
                let (bx, s) = a[beta] == 1 ? ("x", "1/(1 + exp(-x))") : ("\(b)*x", "1/(1 + exp(-\(b)*x))")
                if a[beta] == 1 {
                    return NaiveFormula(value: "x/(1 + exp(-x))", derivative: "\(s)*(1 + x*(1 - \(s)))")
                }
                return NaiveFormula(value: "x/(1 + exp(-\(bx)))", derivative: "\(s)*(1 + \(bx)*(1 - \(s)))")
            },
            makeKernel: { a in SigmoidLinear(beta: DoubleDouble(a[beta])) })
    }()
}
