/// xIELU: a quadratic for x > 0, the integral of ELU's gradient for x ≤ 0.
///
/// Huang and others, 2024 (arXiv:2411.13010).
///
/// ```
/// x > 0:      f = αp·x² + β·x                     f′ = 2αp·x + β        f″ = 2αp
/// x ≤ ε:      f = αn·(expm1(x) − x) + β·x         f′ = αn·expm1(x) + β  f″ = αn·eˣ
/// ε < x ≤ 0:  f = αn·(expm1(ε) − x) + β·x         f′ = β − αn           f″ = 0
/// ```
/// * f jumps at 0 by −αn·expm1(ε) (8.0e-7 at the defaults): f(0) is the x ≤ 0 piece's, as
///   `where(x > 0, …)` gives. At ε the kink convention applies, the exponential piece being the
///   active one; PyTorch's autograd splits `min(x, eps)`'s gradient at the tie, the average.
/// * Each piece is one double-double expression (expm1 and the products exact or to about
///   2⁻⁷⁸), rounded once; beyond |x| = 10³⁰⁰, where e^x is 0 and αn·|x| could overflow on its
///   own, f = (β − αn)·x − αn. Where f or f′ cross zero at an interior point (f near −2.43,
///   f′ near −0.98 at the defaults), the last bits follow double-double's accuracy: within about
///   1e-8 of those zeros the error can exceed an ulp.
struct ExpandedIntegralLinear: ScalarKernel {
    /// αp, the curvature for x > 0.
    var positiveScale: Double
    /// αn, the scale of the negative side.
    var negativeScale: Double
    /// β, the slope both sides share.
    var beta: Double
    /// ε ≤ 0, where the negative side turns linear.
    var epsilon: Double
    var kink: KinkConvention

    /// `precise` rounded once, or `estimate` where that already overflowed (or is not a number).
    @inline(__always)
    private func rounded(_ estimate: Double, _ precise: () -> DoubleDouble) -> Double {
        estimate.isFinite ? precise().value : estimate
    }

    /// f at +∞ or −∞: the sign of the growing term, or the constant it tends to.
    private func limit(at x: Double) -> Jet {
        if x > 0 {
            let value = positiveScale > 0 ? Double.infinity : beta == 0 ? 0 : beta * x
            return Jet(
                value: value, derivative: positiveScale > 0 ? .infinity : beta,
                secondDerivative: 2 * positiveScale)
        }
        let slope = beta - negativeScale
        return Jet(value: slope == 0 ? -negativeScale : slope * x, derivative: slope, secondDerivative: 0)
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if !x.isFinite { return x.isNaN ? x : limit(at: x).value }
        if x > 0 {
            return rounded(positiveScale * x * x + beta * x) {
                DoubleDouble.product(positiveScale, x).times(x).plus(DoubleDouble.product(beta, x))
            }
        }
        if x < -1e300 {
            return rounded((beta - negativeScale) * x - negativeScale) {
                DoubleDouble.sum(beta, -negativeScale).times(x).plus(-negativeScale)
            }
        }
        return DoubleDouble.expm1(Swift.min(x, epsilon)).plus(-x).times(negativeScale)
            .plus(DoubleDouble.product(beta, x)).value
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        if x.isInfinite { return limit(at: x) }
        let f = value(at: x)
        if x > 0 {
            let slope = rounded(2 * positiveScale * x + beta) {
                DoubleDouble.product(2 * positiveScale, x).plus(beta)
            }
            return Jet(value: f, derivative: slope, secondDerivative: 2 * positiveScale)
        }
        let flat = (derivative: beta - negativeScale, curvature: 0.0)
        if x > epsilon { return Jet(value: f, derivative: flat.derivative, secondDerivative: 0) }
        let exponential = (
            derivative: DoubleDouble.expm1(x).times(negativeScale).plus(beta).value,
            curvature: x < -700
                ? scaledExp(x, times: negativeScale) : DoubleDouble.exp(x).times(negativeScale).value
        )
        if x < epsilon {
            return Jet(value: f, derivative: exponential.derivative, secondDerivative: exponential.curvature)
        }
        return Jet(
            value: f, derivative: kink.pick(inside: exponential.derivative, outside: flat.derivative),
            secondDerivative: kink.pick(inside: exponential.curvature, outside: flat.curvature))
    }
}

extension CatalogEntry {
    /// xIELU, with the paper's initial parameters.
    public static let xielu: CatalogEntry = {
        let alphaP = Parameter.real(.alphaP, 0.8, .nonNegative, "αp, the curvature for x > 0")
        let alphaN = Parameter.real(.alphaN, 0.8, .nonNegative, "αn, the scale of the negative side")
        let beta = Parameter.real(.beta, 0.5, .finite, "β, the slope at 0 shared by both sides")
        let eps = Parameter.real(.eps, -1e-6, .finite, "ε, where the negative side turns linear")
        return CatalogEntry(
            name: "xielu", family: .exponentialLinear, aliases: ["expanded_integral_elu"],
            formula: "f(x) = alpha_p*x^2 + beta*x if x > 0 else alpha_n*(expm1(min(x, eps)) - x) + beta*x",
            parameters: [alphaP, alphaN, beta, eps],
            notes: """
                xIELU (Huang et al. 2024, "Deriving activation functions using integration"), \
                the activation of the Apertus language models: for x > 0 a quadratic, whose \
                gradient grows linearly like squared ReLU's; for x ≤ 0 the integral of ELU's \
                gradient, with a trainable negative slope β − αn far to the left (f rises again \
                as x → −∞ when αn > β). αp, αn and β are learned per layer; these are the paper's \
                starting values (transformers stores them as bfloat16 through softplus: \
                transformers.xielu). f jumps by 8e-7 at 0 because of ε.
                """,
            hasKinks: true,
            smoothness: { a in a[eps] < 0 && a[alphaN] != 0 ? .discontinuous : .differentiable },
            corners: { a in a[eps] < 0 ? [a[eps], 0] : [0] },
            naive: { a in
                let (p, n) = (NaiveFormula.literal(a[alphaP]), NaiveFormula.literal(a[alphaN]))
                let (b, e) = (NaiveFormula.literal(a[beta]), NaiveFormula.literal(a[eps]))
                let negative = NaiveFormula(
                    value: "(expm1(min(x, \(e))) - x)*\(n) + \(b)*x",
                    derivative: "(exp(x)*max(sign(\(e) - x), 0) - 1)*\(n) + \(b)")
                return NaiveFormula(
                    where: "x", then: (value: "\(p)*x*x + \(b)*x", derivative: "2*\(p)*x + \(b)"),
                    otherwise: negative)
            },
            makeKernel: { a in
                ExpandedIntegralLinear(
                    positiveScale: a[alphaP], negativeScale: a[alphaN], beta: a[beta], epsilon: a[eps],
                    kink: a.kink)
            })
    }()
}
