/// ONNX's Hardmax: 1 at the first largest input, 0 elsewhere.
///
/// ```
/// f(x)_i = 1 if i = argmax(x) (the first, on ties), else 0    J = 0
/// ```
/// Plotted over input 0 with the others fixed, output 0 is a step at m = max(others): 1 for
/// x ≥ m (a tie goes to input 0, the first), 0 below; the derivative is 0 everywhere.
extension CatalogEntry {
    /// Hardmax, plotted as output 0 over input 0.
    public static let hardmax = CatalogEntry(
        name: "hardmax", family: .vector, aliases: ["hard_max", "argmax"],
        formula: "f(x)_i = 1 if i is the first index of max(x), else 0",
        notes: """
            ONNX's Hardmax: the one-hot vector of the largest input, the limit of softmax as \
            its temperature goes to 0. Ties go to the first index. It has no useful gradient \
            (0 everywhere), so it is an inference-time operator.
            """,
        vector: .hardmax, smoothness: { _ in .discontinuous },
        corners: { a in [a.others.max() ?? 0] },
        naive: { a in
            let m = NaiveFormula.literal(a.others.max() ?? 0)
            return NaiveFormula(value: "1 - max(sign(\(m) - x), 0)", derivative: "0")
        },
        makeKernel: { a in BinaryStep(threshold: a.others.max() ?? 0, atThreshold: 1) })
}

extension VectorFunction {
    /// Hardmax: one-hot at the first largest input (NaN everywhere if any input is NaN), J = 0.
    static let hardmax = VectorFunction(lengthRule: .any) { x in
        let jacobian = [[Double]](repeating: [Double](repeating: 0, count: x.count), count: x.count)
        if x.contains(where: \.isNaN) {
            return VectorEvaluation(output: [Double](repeating: .nan, count: x.count), jacobian: jacobian)
        }
        var first = 0
        for i in x.indices where x[i] > x[first] { first = i }
        var output = [Double](repeating: 0, count: x.count)
        output[first] = 1
        return VectorEvaluation(output: output, jacobian: jacobian)
    }
}
