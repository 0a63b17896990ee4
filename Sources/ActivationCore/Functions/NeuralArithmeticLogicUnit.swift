/// NALU with one input and its weights fixed.
///
/// The Neural Arithmetic Logic Unit of Trask et al. (2018): a learned gate between an additive
/// path W·x and a multiplicative path exp(W·log(|x| + ε)) = (|x| + ε)^W.
///
/// ```
/// W = tanh(ŵ)·σ(m̂)    a = W·x    m = (|x| + ε)^W    g = σ(G·x)    f = g·a + (1 − g)·m
/// f′ = G·g(1 − g)·(a − m) + g·W + (1 − g)·m′            m′ = m·W·sign(x)/(|x| + ε)
/// f″ = G²·g(1 − g)(1 − 2g)·(a − m) + 2G·g(1 − g)·(W − m′) + (1 − g)·m″,   m″ = m·W(W − 1)/(|x| + ε)²
/// ```
/// * W, a, log(|x| + ε), m and the gate pair g, 1 − g are double-double, so f, f′ and f″
///   are each rounded once; 1 − g is σ(−G·x), never `1 − g`, and e^{±G·x} never overflows.
/// * m has a corner at 0 (slopes ∓W·ε^{W−1}, ±9.5 with the defaults); there f′ is the mean of
///   the one-sided derivatives (sign(0) = 0, as autograd's abs′(0) = 0 gives).
/// * A factor that is exactly 0 drops its term, so ±∞ gives the limit (W·x, or m), not NaN.
struct NeuralArithmeticLogicUnit: ScalarKernel {
    /// W = tanh(ŵ)·σ(m̂).
    let weight: DoubleDouble
    /// 1 − W = 2σ(−2ŵ) + tanh(ŵ)·σ(−m̂), without the cancellation of 1 − W when W ≈ 1.
    let complement: DoubleDouble
    /// G, the gate's weight.
    let gate: Double
    /// ε, which keeps log(|x| + ε) finite at 0.
    let epsilon: Double

    init(wHat: Double, mHat: Double, gate: Double, epsilon: Double) {
        // tanh(ŵ) = −(σ(−2ŵ) − σ(2ŵ)), to about 2⁻⁷⁵ relative.
        let (doubled, m) = (PreciseLogisticPair(2 * wHat), PreciseLogisticPair(mHat))
        let tanh = doubled.balance.negated
        weight = tanh.times(m.positive)
        complement = doubled.negative.times(2).plus(tanh.times(m.negative))
        self.gate = gate
        self.epsilon = epsilon
    }

    @inline(__always)
    func value(at x: Double) -> Double { jet(at: x).value }

    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let w = weight
        if x.isInfinite {
            // The gate is 1, 0 or ½ (G = 0); |x|^W is ∞, 1 or 0; W·x is ±∞ or 0.
            let g: Double = gate == 0 ? 0.5 : (gate > 0) == (x > 0) ? 1 : 0
            let m = w.hi > 0 ? Double.infinity : w.hi == 0 ? 1 : 0
            let a = w.hi == 0 ? 0 : w.hi * x
            let value = (g == 0 ? 0 : g * a) + (g == 1 ? 0 : (1 - g) * m)
            return Jet(value: value, derivative: g * w.hi, secondDerivative: 0)
        }
        let t = DoubleDouble.sum(abs(x), epsilon)
        let logT = DoubleDouble.log(t)
        let m = DoubleDouble.exp(w.times(logT))
        let a = w.times(x)
        let sign: Double = x > 0 ? 1 : x < 0 ? -1 : 0
        // t^{W−1} = 1 + e1 from e1 = expm1((W − 1)·ln t): when W ≈ 1, W − m′ = −W·e1 for x > 0
        // would cancel if formed as a difference.
        let q = complement.negated.times(logT)
        let e1 = abs(q.hi) <= 0.005 ? DoubleDouble.expm1Reduced(q) : DoubleDouble.exp(q).plus(-1)
        let power = abs(q.hi) <= 0.005 ? e1.plus(1) : DoubleDouble.exp(q)
        let mSlope = power.times(w).times(sign)
        let open = x > 0 ? w.times(e1).negated : w.minus(mSlope)  // W − m′
        // W(W − 1)·t^{W−1}, divided by t last: t² overflows beyond 1e154.
        let mCurvatureTimesT = power.times(w).times(complement.negated)
        // a − m; for x > 0 it is −((1 − W)·x + ε + t·e1), which does not cancel when W ≈ 1.
        let gap =
            x > 0 ? complement.times(x).plus(DoubleDouble(epsilon)).plus(t.times(e1)).negated : a.minus(m)
        let v = DoubleDouble.product(gate, x)
        if abs(v.hi) > 700 {
            return tail(
                v, a: a, gap: gap, m: m, mSlope: mSlope, open: open,
                mCurvature: mCurvatureTimesT.divided(by: t))
        }
        let pair = PreciseLogisticPair(v)
        let (g, h) = (pair.positive, pair.negative)
        // g′ = G·g(1 − g) and g″ = G·g′·(1 − 2g); G is folded into the other factor first, so
        // that a tiny G times a huge gap (G = 1e-300, x = 1e300) does not underflow on the way.
        let spread = pair.derivative
        let gateGap = gate == 0 ? DoubleDouble(0) : gap.times(gate)  // gap may overflow at ±1.8e308
        let value = term(g, a).plus(term(h, m)).value
        let slope = term(spread, gateGap).plus(term(g, w)).plus(term(h, mSlope)).value
        let bracket = gateGap.times(pair.balance).plus(open.times(2)).times(gate)
        // (1 − g)·m″ with 1 − g applied before the division by t: m″ alone may overflow.
        let curvature = term(spread, bracket).plus(term(h, mCurvatureTimesT).divided(by: t)).value
        return Jet(value: value, derivative: slope, secondDerivative: curvature)
    }

    /// Beyond |G·x| = 700 the gate is 1 − e or e with e = e^{−|G·x|} < 1e-304: each of f, f′, f″
    /// is its open path's term plus e times a correction, formed by ``DoubleDouble/scaledExp``
    /// so that a result that is all correction (f″ on the additive side) keeps its digits in
    /// the subnormal range.
    private func tail(
        _ v: DoubleDouble, a: DoubleDouble, gap: DoubleDouble, m: DoubleDouble, mSlope: DoubleDouble,
        open: DoubleDouble, mCurvature: DoubleDouble
    ) -> Jet {
        let w = weight
        let e = v.hi > 0 ? v.negated : v
        let gateGap = gap.times(gate)
        let twiceGate = open.times(2 * gate)
        let squareGap = gateGap.times(gate)
        if v.hi > 0 {
            // g = 1 − e, 1 − g = e, g(1 − g) = e, 1 − 2g = −1.
            return Jet(
                value: a.value + DoubleDouble.scaledExp(e, times: gap.negated),
                derivative: w.value + DoubleDouble.scaledExp(e, times: gateGap.minus(w).plus(mSlope)),
                secondDerivative: DoubleDouble.scaledExp(
                    e, times: twiceGate.minus(squareGap).plus(mCurvature)))
        }
        // g = e, 1 − g = 1 − e, g(1 − g) = e, 1 − 2g = 1.
        return Jet(
            value: m.value + DoubleDouble.scaledExp(e, times: gap),
            derivative: mSlope.value + DoubleDouble.scaledExp(e, times: gateGap.plus(w).minus(mSlope)),
            secondDerivative: mCurvature.value
                + DoubleDouble.scaledExp(e, times: squareGap.plus(twiceGate).minus(mCurvature)))
    }

    /// factor·term in double-double; 0 when the factor is exactly 0, whatever the term.
    @inline(__always)
    private func term(_ factor: DoubleDouble, _ term: DoubleDouble) -> DoubleDouble {
        factor.hi == 0 ? DoubleDouble(0) : factor.times(term)
    }
}

extension CatalogEntry {
    /// NALU with one input and fixed weights.
    public static let nalu: CatalogEntry = {
        let wHat = Parameter.real(.wHat, 2, .finite, "Ŵ: W = tanh(Ŵ)·σ(M̂) is the weight of both paths")
        let mHat = Parameter.real(.mHat, 2, .finite, "M̂: the second factor of W")
        let gate = Parameter.real(.gate, 1, .finite, "G: the gate is σ(G·x), |G| ≤ 1e100")
        let epsilon = Parameter.real(.epsilon, 1e-7, .positive, "ε in log(|x| + ε)")
        return CatalogEntry(
            name: "nalu", family: .arithmetic, aliases: ["neural_arithmetic_logic_unit"],
            formula:
                "W = tanh(w_hat)*sigmoid(m_hat); g = sigmoid(gate*x); "
                + "f(x) = g*W*x + (1 - g)*exp(W*log(abs(x) + epsilon))",
            parameters: [wHat, mHat, gate, epsilon],
            notes: """
                The Neural Arithmetic Logic Unit (Trask et al. 2018) is a layer, not an \
                activation: Ŵ, M̂ and G are learned matrices. With one input and the weights \
                fixed it is a function of x: a gate σ(G·x) between the additive path W·x and \
                the multiplicative path (|x| + ε)^W, which can learn to add or to multiply. \
                The multiplicative path has a corner at 0 and is even in x, so a negative x \
                comes out positive; ε varies between implementations (1e-7 here, 1e-10 and 1e-8 \
                elsewhere). f′(0) is the mean of the one-sided derivatives.
                """,
            cornerRule: "f′(0) is the mean of the one-sided derivatives (abs′(0) = 0)",
            smoothness: { a in
                NeuralArithmeticLogicUnit(wHat: a[wHat], mHat: a[mHat], gate: 0, epsilon: 1).weight.hi == 0
                    ? .smooth : .continuous
            },
            corners: { a in
                NeuralArithmeticLogicUnit(wHat: a[wHat], mHat: a[mHat], gate: 0, epsilon: 1).weight.hi == 0
                    ? [] : [0]
            },
            validate: { a throws(ActivationError) in
                // Beyond, G²·(a − m) overflows in f″ where the gate is all but shut.
                try a.require(abs(a[gate]) <= 1e100, gate, "a number in [-1e100, 1e100]")
            },
            naive: { a in
                // Trask et al.'s equations, W formed in the format too; differentiated by autograd.
                let literal = NaiveFormula.literal
                let weight = "tanh(\(literal(a[wHat])))*(1/(1 + exp(-\(literal(a[mHat])))))"
                let gx = a[gate] == 1 ? "x" : "\(literal(a[gate]))*x"
                let g = "(1/(1 + exp(-(\(gx)))))"
                let product = "exp(\(weight)*log(abs(x) + \(literal(a[epsilon]))))"
                return NaiveFormula(autograd: "\(g)*\(weight)*x + (1 - \(g))*\(product)")
            },
            makeKernel: { a in
                NeuralArithmeticLogicUnit(wHat: a[wHat], mHat: a[mHat], gate: a[gate], epsilon: a[epsilon])
            })
    }()
}
