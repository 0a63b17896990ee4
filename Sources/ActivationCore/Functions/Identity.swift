/// The identity, f(x) = x.
///
/// ```
/// f = x    f′ = 1    f″ = 0
/// ```
struct Identity: ScalarKernel {
    @inline(__always)
    func value(at x: Double) -> Double { x }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        x.isNaN ? Jet(nan: x) : Jet(value: x, derivative: 1, secondDerivative: 0)
    }
}

extension CatalogEntry {
    /// The identity, x.
    public static let identity = CatalogEntry(
        name: "identity", family: .linear, aliases: ["linear"], formula: "f(x) = x",
        notes: """
            The output layer of a regression network, or no activation at all. A network \
            of linear layers with identity activations is one linear map.
            """,
        smoothness: { _ in .smooth }, torchGain: { _ in (1, "'linear'") },
        naive: { _ in NaiveFormula(value: "x", derivative: "1") }, makeKernel: { _ in Identity() })
}

extension CatalogEntry {
    /// Dropout: the identity at evaluation, with its training band of 0 or x/(1 − p).
    public static let dropout: CatalogEntry = {
        let p = Parameter.real(.p, 0.5, .nonNegative, "the probability that an output is zeroed in training")
        return CatalogEntry(
            name: "dropout", family: .linear, aliases: [],
            formula: "f(x) = x at evaluation; in training 0 (probability p) or x/(1 - p)",
            parameters: [p],
            notes: """
                Dropout (Srivastava et al. 2014) is a regulariser, not a nonlinearity: in \
                training each output is zeroed with probability p and the rest are scaled by \
                1/(1 − p) (inverted dropout, as PyTorch, Keras and JAX's Flax do), so the \
                expected output is x; at evaluation it is the identity, which is what is \
                computed here. Plots draw the training band between 0 and x/(1 − p): the two \
                values an output can take, not a range it fills.
                """,
            smoothness: { _ in .smooth },
            validate: { a throws(ActivationError) in try a.require(a[p] < 1, p, "a number in [0, 1)") },
            trainingBand: { a in
                let scale = 1 / (1 - a[p])
                guard a[p] > 0 else { return nil }
                return TrainingBand(quantity: "outputs", range: 0...scale, summary: "0 or x/(1 − p)") { x in
                    let kept = x * scale
                    return (Swift.min(0, kept), Swift.max(0, kept))
                }
            },
            naive: { _ in NaiveFormula(value: "x", derivative: "1") }, makeKernel: { _ in Identity() })
    }()
}
