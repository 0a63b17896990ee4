/// GELU clipped to [min, max], transformers' `ClippedGELUActivation` (`gelu_10`: [−10, 10]),
/// which keeps activations in range for int8 quantisation.
///
/// ```
/// f = min(max(gelu(x), min), max)     f′ = gelu′(x) where min ≤ gelu(x) ≤ max, else 0
/// ```
/// * gelu reaches max once, at the corner c: the largest double whose correctly rounded gelu
///   is ≤ max (Newton from max, then settled by whole ulps), as torch's clip sees a rounded
///   gelu. At c the kink convention applies: torch's clip passes no gradient where the value
///   equals its bound, so f′(c) = 0 (exclusive, the default; gelu(10) rounds to 10).
/// * min must lie below gelu's minimum (−0.17004, at x ≈ −0.7518), where it never binds, as
///   transformers' −10 does; f is then gelu up to c and max beyond.
struct ClippedGELU: ScalarKernel {
    /// x where gelu reaches max.
    let corner: Double
    /// The bound.
    let maximum: Double
    let kink: KinkConvention
    private let gelu = GaussianErrorLinear()

    init(maximum: Double, kink: KinkConvention) {
        self.maximum = maximum
        self.kink = kink
        corner = Self.corner(maximum)
    }

    /// The largest double x with gelu(x) ≤ maximum (maximum > 0).
    static func corner(_ maximum: Double) -> Double {
        let gelu = GaussianErrorLinear()
        var x = max(maximum, 1)
        for _ in 0..<100 {
            let jet = gelu.jet(at: x)
            let next = x - (jet.value - maximum) / jet.derivative
            if next == x || !next.isFinite { break }
            x = next
        }
        while gelu.value(at: x) > maximum { x = x.nextDown }
        while gelu.value(at: x.nextUp) <= maximum { x = x.nextUp }
        return x
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        x > corner ? maximum : gelu.value(at: x)
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x > corner { return Jet(value: maximum, derivative: 0, secondDerivative: 0) }
        let g = gelu.jet(at: x)
        guard x == corner else { return g }
        return Jet(
            value: g.value, derivative: kink.pick(inside: g.derivative, outside: 0),
            secondDerivative: kink.pick(inside: g.secondDerivative, outside: 0))
    }
}

extension CatalogEntry {
    /// transformers' ClippedGELUActivation: not a catalog function, computed for
    /// `transformers.gelu_10`.
    static let clippedGELU: CatalogEntry = {
        let minVal = Parameter.real(.minVal, -10, .finite, "the lower bound, below gelu's minimum −0.17")
        let maxVal = Parameter.real(.maxVal, 10, .positive, "the upper bound")
        return CatalogEntry(
            name: "gelu_clipped", family: .selfGated,
            formula: "f(x) = min(max(gelu(x), min_val), max_val)", parameters: [minVal, maxVal],
            notes: """
                transformers' ClippedGELUActivation (gelu_10: [−10, 10]), GELU clipped so that \
                int8 quantisation keeps its range (Q8BERT). The lower bound never binds: gelu \
                is never below −0.17. Not a catalog function: gelu with a clamp after it.
                """,
            hasKinks: true, smoothness: { _ in .continuous },
            corners: { a in [ClippedGELU.corner(a[maxVal])] },
            validate: { a throws(ActivationError) in
                try a.require(a[minVal] < -0.170_040_7, minVal, "a number below gelu's minimum, −0.1700407")
            },
            naive: { a in
                let m = NaiveFormula.literal(a[maxVal])
                let gelu = "0.5*x*(1 + erf(x*0.7071067811865476))"
                return NaiveFormula(
                    where: "\(gelu) - \(m)", then: (value: m, derivative: "0"),
                    otherwise: NaiveFormula(
                        value: gelu,
                        derivative: "0.5*(1 + erf(x*0.7071067811865476)) + x*0.3989422804014327*exp(-0.5*x^2)"
                    ))
            },
            makeKernel: { a in ClippedGELU(maximum: a[maxVal], kink: a.kink) })
    }()

    /// transformers' FastGELUActivation, the tanh form with √(2/π) written 0.7978845608: not a
    /// catalog function, computed for `transformers.gelu_fast`.
    static let fastGELU = CatalogEntry(
        name: "gelu_fast", family: .selfGated,
        formula: "f(x) = 0.5*x*(1 + tanh(0.7978845608*x*(1 + 0.044715*x*x)))",
        notes: """
            transformers' FastGELUActivation: GELU's tanh form with √(2/π) truncated to \
            0.7978845608 (2.9e-12 low) and x·x·x written x*x. It differs from gelu_new by at \
            most 9.1e-13 (at x ≈ ±1.33), 1e-12 relative for x near 1, more in the left tail \
            where both are tiny (2.4e-11 relative at x = −3): far below bfloat16's and \
            float16's resolution, thousands of ulps in float64.
            """,
        smoothness: { _ in .smooth },
        naive: { _ in
            NaiveFormula(
                value: "0.5*x*(1 + tanh(0.7978845608*x*(1 + 0.044715*x*x)))",
                derivative: "0.5*(1 + tanh(0.7978845608*x*(1 + 0.044715*x*x)))"
                    + " + 0.5*x*(1 - tanh(0.7978845608*x*(1 + 0.044715*x*x))^2)*0.7978845608*(1 + 0.134145*x*x)"
            )
        },
        makeKernel: { _ in TanhApproximateGELU(form: .truncated) })
}
