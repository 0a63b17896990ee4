/// CReLU: [relu(x), relu(−x)], twice the input's length.
///
/// ```
/// f = [max(x, 0), max(−x, 0)]    J = [diag(1[x > 0]); −diag(1[x < 0])]
/// ```
/// Plotted over x, output 0 is relu(x) itself, so its kernel is ``Rectifier``'s; f′(0) follows
/// the kink convention (0 when exclusive, as in TensorFlow).
extension CatalogEntry {
    /// CReLU, plotted as output 0 (relu of input 0).
    public static let crelu = CatalogEntry(
        name: "crelu", family: .vector, aliases: ["concatenated_relu"],
        formula: "f(x) = [relu(x), relu(-x)] (twice the length)",
        notes: """
            Concatenated ReLU (Shang et al. 2016, TensorFlow's crelu): keeps both the \
            positive and the negative part, doubling the width.
            """,
        hasKinks: true, vector: .concatenatedRectifier, smoothness: { _ in .continuous },
        corners: { _ in [0] },
        naive: { _ in Rectifier.naive(negativeSlope: 0, maxValue: .infinity, threshold: 0) },
        makeKernel: { a in Rectifier(negativeSlope: 0, maxValue: .infinity, threshold: 0, kink: a.kink) })
}

extension VectorFunction {
    /// CReLU: [relu(x), relu(−x)] (length 2n), J = [diag(1[x > 0]); −diag(1[x < 0])].
    static let concatenatedRectifier = VectorFunction(lengthRule: .any) { x in
        let n = x.count
        var jacobian = [[Double]](repeating: [Double](repeating: 0, count: n), count: 2 * n)
        for i in 0..<n {
            jacobian[i][i] = x[i] > 0 ? 1 : 0
            jacobian[n + i][i] = x[i] < 0 ? -1 : 0
        }
        let output = x.map { Swift.max($0, 0) } + x.map { Swift.max(-$0, 0) }
        return VectorEvaluation(output: output, jacobian: jacobian)
    }
}
