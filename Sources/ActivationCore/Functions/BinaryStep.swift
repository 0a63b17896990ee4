/// The Heaviside step: 1 for x > 0, 0 for x < 0, `atZero` at 0.
///
/// ```
/// f = 1[x > 0] (+ atZero·1[x = 0])    f′ = 0    f″ = 0
/// ```
/// The derivative is 0 everywhere, 0 included: the jump carries no finite slope.
struct BinaryStep: ScalarKernel {
    var atZero: Double

    @inline(__always)
    func value(at x: Double) -> Double {
        x > 0 ? 1 : x < 0 ? 0 : x == 0 ? atZero : x
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        x.isNaN ? Jet(nan: x) : Jet(value: value(at: x), derivative: 0, secondDerivative: 0)
    }
}

extension CatalogEntry {
    /// The Heaviside step, with its value at 0 as a parameter.
    static let binaryStep: CatalogEntry = {
        let atZero = Parameter.real("at_zero", 0, .finite, "the value at x = 0")
        return CatalogEntry(
            name: "binary_step", family: .step, aliases: ["step", "heaviside"],
            formula: "f(x) = 1 if x > 0, 0 if x < 0, at_zero at 0", parameters: [atZero],
            notes: """
                The perceptron's threshold unit. Its derivative is 0 wherever it exists, so \
                it cannot be trained by gradient descent; useful for teaching and as a \
                hard decision at inference.
                """,
            smoothness: { _ in .discontinuous }, corners: { _ in [0] },
            makeKernel: { a in BinaryStep(atZero: a[atZero]) })
    }()
}
