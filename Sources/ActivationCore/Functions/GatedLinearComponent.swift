/// a·σ(g) from the gate's pair `s` = LogisticPair(g), without rounding σ(g) to a subnormal
/// first: for g < −700, σ(g) = e^g to double precision, and a·e^g is formed with one final
/// rounding (745·σ(−745) is 2.105e-321, not the 3.68e-321 that 745 times the rounded σ gives).
@inline(__always)
func gatedProduct(_ a: Double, gate g: Double, _ s: LogisticPair) -> Double {
    g < -700 ? scaledExp(g, times: a) : a * s.positive
}

/// a·σ(g)·σ(−g), the gate's slope times a, likewise: for |g| > 700 it is a·e^{−|g|}.
@inline(__always)
func gatedSlope(_ a: Double, gate g: Double, _ s: LogisticPair) -> Double {
    abs(g) > 700 ? scaledExp(-abs(g), times: a) : a * s.derivative
}

/// The first output of GLU as a function of the first input, the gate input held fixed.
///
/// ```
/// f = x·σ(g)    f′ = σ(g)    f″ = 0
/// ```
/// For GLU on [x, o₁, …, o_{n−1}] (n even) the gate of output 0 is input n/2.
struct GatedLinearComponent: ScalarKernel {
    var gate: Double
    /// σ(gate) and σ(−gate), computed once.
    private let pair: LogisticPair

    init(gate: Double) {
        self.gate = gate
        self.pair = LogisticPair(gate)
    }

    @inline(__always)
    func value(at x: Double) -> Double { gatedProduct(x, gate: gate, pair) }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        x.isNaN
            ? Jet(nan: x) : Jet(value: value(at: x), derivative: pair.positive, secondDerivative: 0)
    }
}

extension CatalogEntry {
    /// GLU, plotted as output 0 over its input 0 with the gate input fixed.
    public static let glu = CatalogEntry(
        name: "glu", family: .vector, aliases: ["gated_linear_unit"],
        formula: "x = [a, b] (halves); f(x) = a * sigmoid(b)",
        notes: """
            Gated linear unit (Dauphin et al. 2017): half the inputs gate the other half; \
            the parent of SwiGLU and GeGLU in transformer feed-forward layers. The input \
            length must be even.
            """,
        vector: .gatedLinear, smoothness: { _ in .smooth },
        naive: { a in
            let inputs = [0] + a.others
            let gate = NaiveFormula.literal(inputs.count >= 2 ? inputs[inputs.count / 2] : 0)
            return NaiveFormula(value: "x*(1/(1 + exp(-\(gate))))", derivative: "1/(1 + exp(-\(gate)))")
        },
        makeKernel: { a in
            let inputs = [0] + a.others
            let gate = inputs.count >= 2 ? inputs[inputs.count / 2] : 0
            return GatedLinearComponent(gate: gate)
        })
}

extension VectorFunction {
    /// GLU: a ⊙ σ(b) for x = [a, b] (even length), J = [diag(σ(b)) | diag(a ⊙ σ(b) ⊙ σ(−b))].
    static let gatedLinear = VectorFunction(lengthRule: .even) { x in
        let n = x.count / 2
        var output = [Double](repeating: 0, count: n)
        var jacobian = [[Double]](repeating: [Double](repeating: 0, count: x.count), count: n)
        for i in 0..<n {
            let gate = LogisticPair(x[n + i])
            output[i] = gatedProduct(x[i], gate: x[n + i], gate)
            jacobian[i][i] = gate.positive
            jacobian[i][n + i] = gatedSlope(x[i], gate: x[n + i], gate)
        }
        return VectorEvaluation(output: output, jacobian: jacobian)
    }
}
