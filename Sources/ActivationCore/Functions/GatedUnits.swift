/// The GLU variants of transformer feed-forward layers: g(a)·b for x = [a, b], the gate a
/// through an activation g (Shazeer 2020, "GLU variants improve Transformer").
///
/// ```
/// swiglu: g = silu    geglu: g = gelu    reglu: g = relu    bilinear: g = identity
/// f = g(a) ⊙ b        J = [diag(g′(a) ⊙ b) | diag(g(a))]
/// ```
/// The gate is the first half, as LLaMA's `silu(gate_proj(x)) * up_proj(x)` and MLX write it;
/// torch's `F.glu` gates with the second half instead. Plotted over input 0 with b fixed (1 by
/// default), the slice is g(x)·b: g's kernel, scaled by b (exact for b = 1, one more rounding
/// otherwise).
struct GatedUnitComponent<Gate: ScalarKernel>: ScalarKernel {
    var gate: Gate
    /// The partner input b of input 0.
    var other: Double

    @inline(__always)
    func value(at x: Double) -> Double {
        if other == 1 { return gate.value(at: x) }
        if other == 0 { return x.isNaN ? x : 0 }
        return gatedProduct(gate.jet(at: x), x, other)
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        let j = gate.jet(at: x)
        if other == 1 { return j }
        if other == 0 { return x.isNaN ? j : Jet(value: 0, derivative: 0, secondDerivative: 0) }
        return Jet(
            value: gatedProduct(j, x, other), derivative: j.derivative * other,
            secondDerivative: j.secondDerivative * other)
    }

    /// The gate's precise jet scaled by b, where b = 1.
    func preciseJet(at x: Double) -> PreciseJet? {
        other == 1 ? gate.preciseJet(at: x) : nil
    }
}

/// g(a)·b, for the slice and the whole vector alike.
///
/// Where |a| < 2⁻⁵⁰⁰, g(a) = g′(a)·a to far below an ulp, and (a·b)·g′(a) keeps the bits a
/// subnormal g(a) would lose.
@inline(__always)
private func gatedProduct(_ g: Jet, _ a: Double, _ b: Double) -> Double {
    abs(a) < 0x1p-500 && a != 0 ? (a * b) * g.derivative : g.value * b
}

extension VectorFunction {
    /// g(a) ⊙ b for x = [a, b] (even length), with the gate's kernel: J = [diag(g′(a) b) | diag(g(a))].
    static func gatedUnit(_ gate: some ScalarKernel) -> VectorFunction {
        VectorFunction(lengthRule: .even) { x in
            let n = x.count / 2
            var output = [Double](repeating: 0, count: n)
            var jacobian = [[Double]](repeating: [Double](repeating: 0, count: x.count), count: n)
            for i in 0..<n {
                let g = gate.jet(at: x[i])
                output[i] = gatedProduct(g, x[i], x[n + i])
                jacobian[i][i] = g.derivative * x[n + i]
                jacobian[i][n + i] = g.value
            }
            return VectorEvaluation(output: output, jacobian: jacobian)
        }
    }
}

extension CatalogEntry {
    /// The partner b of input 0 in [x] + others: the input half the length on, 1 when there is none.
    private static func partner(_ a: Arguments) -> Double {
        let inputs = [0] + a.others
        return inputs.count >= 2 ? inputs[inputs.count / 2] : 1
    }

    /// SwiGLU, silu(a)·b (PaLM, LLaMA, Mistral, Qwen, DeepSeek).
    public static let swiglu = CatalogEntry(
        name: "swiglu", family: .vector, aliases: ["swi_glu"],
        formula: "x = [a, b] (halves); f(x) = silu(a) * b",
        notes: """
            SwiGLU (Shazeer 2020): the feed-forward gate of PaLM, LLaMA, Mistral, Qwen and \
            DeepSeek, silu(x·W)·(x·V). The gate is the first half here, as in LLaMA's \
            silu(gate)·up and MLX; torch's F.glu gates with the second half. Plotted with \
            b = 1 it is silu.
            """,
        vector: .gatedUnit(SigmoidLinear(beta: DoubleDouble(1))), defaultOthers: [1],
        smoothness: { _ in .smooth },
        naive: { a in
            let b = NaiveFormula.literal(partner(a))
            return NaiveFormula(
                value: "x/(1 + exp(-x))*\(b)",
                derivative: "1/(1 + exp(-x))*(1 + x*(1 - 1/(1 + exp(-x))))*\(b)")
        },
        makeKernel: { a in GatedUnitComponent(gate: SigmoidLinear(beta: DoubleDouble(1)), other: partner(a)) }
    )

    /// GeGLU, gelu(a)·b (T5 v1.1 with the tanh form, Gemma).
    public static let geglu: CatalogEntry = {
        let approximate = Parameter.choice(
            .approximate, GELUForm.none.rawValue, [GELUForm.none.rawValue, GELUForm.tanh.rawValue],
            "the gate's GELU: exact, or the tanh form")
        let tanh: @Sendable (Arguments) -> Bool = { a in a.choice(approximate) == GELUForm.tanh.rawValue }
        return CatalogEntry(
            name: "geglu", family: .vector, aliases: ["ge_glu"],
            formula: "x = [a, b] (halves); f(x) = gelu(a) * b", parameters: [approximate],
            notes: """
                GeGLU (Shazeer 2020): GELU-gated feed-forward layers, in T5 v1.1 ("gated-gelu", \
                with the tanh form) and Gemma. The gate is the first half. Plotted with b = 1 \
                it is gelu.
                """,
            vector: .gatedUnit(GaussianErrorLinear()),
            vectorForArguments: { a -> VectorFunction in
                tanh(a) ? .gatedUnit(TanhApproximateGELU()) : .gatedUnit(GaussianErrorLinear())
            },
            defaultOthers: [1], smoothness: { _ in .smooth },
            naive: { a in
                let b = NaiveFormula.literal(partner(a))
                guard
                    let gelu = CatalogEntry.gelu.naive(
                        Arguments(
                            function: CatalogEntry.gelu.name,
                            values: [(CatalogEntry.gelu.parameters[0], .choice(a.choice(approximate)))],
                            kink: .exclusive, others: []))
                else { return nil }
                return NaiveFormula(
                    value: "(\(gelu.value))*\(b)", derivative: "(\(gelu.derivative ?? "0"))*\(b)")
            },
            makeKernel: { a -> any ScalarKernel in
                if tanh(a) { return GatedUnitComponent(gate: TanhApproximateGELU(), other: partner(a)) }
                return GatedUnitComponent(gate: GaussianErrorLinear(), other: partner(a))
            })
    }()

    /// ReGLU, relu(a)·b.
    public static let reglu = CatalogEntry(
        name: "reglu", family: .vector, aliases: ["re_glu"],
        formula: "x = [a, b] (halves); f(x) = relu(a) * b",
        notes: """
            ReGLU (Shazeer 2020): a ReLU-gated feed-forward layer, the cheapest of the GLU \
            variants. The gate is the first half. Plotted with b = 1 it is relu; f′(0) follows \
            the kink convention.
            """,
        hasKinks: true,
        vector: .gatedUnit(Rectifier(negativeSlope: 0, maxValue: .infinity, threshold: 0, kink: .exclusive)),
        vectorForArguments: { a in
            .gatedUnit(Rectifier(negativeSlope: 0, maxValue: .infinity, threshold: 0, kink: a.kink))
        },
        defaultOthers: [1], smoothness: { _ in .continuous }, corners: { _ in [0] },
        naive: { a in
            let b = NaiveFormula.literal(partner(a))
            return NaiveFormula(value: "max(x, 0)*\(b)", derivative: "max(sign(x), 0)*\(b)")
        },
        makeKernel: { a in
            GatedUnitComponent(
                gate: Rectifier(negativeSlope: 0, maxValue: .infinity, threshold: 0, kink: a.kink),
                other: partner(a))
        })

    /// The bilinear GLU variant, a·b.
    public static let bilinear = CatalogEntry(
        name: "bilinear", family: .vector, aliases: ["bilinear_glu"],
        formula: "x = [a, b] (halves); f(x) = a * b",
        notes: """
            The bilinear layer (Shazeer 2020; Mnih and Hinton 2007): the GLU family with no \
            activation on the gate, a plain product of two projections. Plotted with b = 1 it \
            is the identity.
            """,
        vector: .gatedUnit(Identity()), defaultOthers: [1], smoothness: { _ in .smooth },
        naive: { a in
            let b = NaiveFormula.literal(partner(a))
            return NaiveFormula(value: "x*\(b)", derivative: b)
        },
        makeKernel: { a in GatedUnitComponent(gate: Identity(), other: partner(a)) })
}
