/// Sparsemax's threshold τ and support for one input vector (Martins and Astudillo 2016).
///
/// ```
/// fᵢ = max(zᵢ − τ, 0)    τ = (Σ_{j∈S} zⱼ − 1)/|S|    S = {i : zᵢ > τ}
/// ```
/// S is the k largest inputs for the largest k with Σ_{j≤k} (z₍ⱼ₎ − z₍ₖ₎) < 1 (z sorted
/// downwards); the sums are double-double, as are τ and each zᵢ − τ, so an output is rounded
/// once and the outputs sum to 1 even for [1e20, 0]. An input of +∞ takes all the weight (two
/// or more, or only −∞, or a NaN, give NaN, as softmax's do); −∞ gets none.
struct SparsemaxThreshold {
    /// τ, to about 106 bits (meaningless when ``isUndefined``).
    let tau: DoubleDouble
    /// |S|.
    let size: Int
    /// How many inputs are +∞.
    let infinities: Int
    /// Whether the vector has no sparsemax (a NaN, several +∞, or only −∞).
    let isUndefined: Bool

    /// The threshold of `first` followed by `rest` (the same for a whole vector and for one
    /// component with the others fixed).
    init(first: Double, rest: some Collection<Double>) {
        var sorted = [first] + rest
        let infinities = sorted.count(where: { $0 == .infinity })
        self.infinities = infinities
        let finite = sorted.filter(\.isFinite)
        isUndefined = sorted.contains { $0.isNaN } || infinities > 1 || (infinities == 0 && finite.isEmpty)
        sorted = finite.sorted(by: >)
        var sum = DoubleDouble(0)
        var size = 0
        for (index, z) in sorted.enumerated() {
            let k = Double(index + 1)
            let candidate = sum.plus(z)
            // Σ_{j≤k} zⱼ − k·z_k < 1: z_k is still above the threshold the first k would give
            guard infinities == 0, candidate.minus(DoubleDouble.product(k, z)).hi < 1 else { break }
            (sum, size) = (candidate, index + 1)
        }
        self.size = size
        tau = size == 0 ? DoubleDouble(.infinity) : sum.plus(-1).divided(by: Double(size))
    }

    /// fᵢ for the input zᵢ, and whether zᵢ is in the support.
    func output(_ z: Double) -> (value: Double, inSupport: Bool) {
        if isUndefined || z.isNaN { return (.nan, false) }
        if infinities == 1 { return z == .infinity ? (1, true) : (0, false) }
        if !z.isFinite { return (0, false) }
        let d = DoubleDouble.sum(z, -tau.hi).plus(-tau.lo)
        return d.hi > 0 ? (d.value, true) : (0, false)
    }

    /// ∂fᵢ/∂zᵢ: 1 − 1/|S| in the support, 0 outside.
    func slope(inSupport: Bool) -> Double {
        if isUndefined { return .nan }
        return inSupport && infinities == 0 ? 1 - 1 / Double(size) : 0
    }
}

/// Sparsemax's output 0 as a function of its own input, the other inputs held fixed: piecewise
/// linear, with f′ = 1 − 1/|S| on the support and f″ = 0.
///
/// With others = [0] it is (x + 1)/2 on [−1, 1], clipped to [0, 1]: sparse_sigmoid. f′ at a
/// corner is the side where x is not yet (or no longer) strictly above τ, as the support's
/// strict inequality gives it (Keras' rule too).
struct SparsemaxComponent: ScalarKernel {
    var others: [Double]

    @inline(__always)
    func value(at x: Double) -> Double { SparsemaxThreshold(first: x, rest: others).output(x).value }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let threshold = SparsemaxThreshold(first: x, rest: others)
        let (value, inSupport) = threshold.output(x)
        return Jet(value: value, derivative: threshold.slope(inSupport: inSupport), secondDerivative: 0)
    }

    /// x − τ in double-double where x is in the support, with its error bound: 0 where the
    /// sum of the support and its quotient by the support's size are exact (so that a value on a
    /// midpoint is a true tie), else 2⁻⁹⁸ of it.
    func preciseJet(at x: Double) -> PreciseJet? {
        let threshold = SparsemaxThreshold(first: x, rest: others)
        guard threshold.output(x).inSupport, threshold.infinities == 0 else { return nil }
        var sum = DoubleDouble(0)
        var exact = true
        for v in ([x] + others).sorted(by: >).prefix(threshold.size) {
            sum = sum.plus(DoubleDouble(v))
            exact = exact && sum.lo == 0
        }
        let tau = PreciseJet.quotient(sum.plus(DoubleDouble(-1)), Double(threshold.size))
        let d = DoubleDouble(x).minus(tau.value)
        let error = exact && tau.error == 0 && tau.value.lo == 0 ? 0 : 0x1p-98 * abs(d.hi) + tau.error
        let slope = threshold.slope(inSupport: true)
        return PreciseJet(value: d, derivative: DoubleDouble(slope), error: (error, 0))
    }

    /// Where the support changes as x grows: x enters it at the others' own threshold τₒ, then
    /// the smallest other input in it leaves each time τ reaches it, until x alone remains
    /// (beyond 1 + the largest other input).
    static func corners(others: [Double]) -> [Double] {
        let finite = others.filter(\.isFinite)
        guard !finite.isEmpty, finite.count == others.count else { return [] }
        let alone = SparsemaxThreshold(first: finite[0], rest: finite.dropFirst())
        var active = finite.filter { alone.output($0).inSupport }.sorted(by: >)
        var corners = [alone.tau.value]
        var sum = active.reduce(DoubleDouble(0)) { $0.plus($1) }
        while let smallest = active.last {
            // τ = (x + Σ_active − 1)/(1 + n) reaches the smallest active input
            let entering = DoubleDouble.product(smallest, Double(active.count + 1)).minus(sum).plus(1)
            corners.append(entering.value)
            sum = sum.minus(DoubleDouble(smallest))
            active.removeLast()
        }
        return corners
    }
}

extension CatalogEntry {
    /// Sparsemax, plotted as output 0 over x with the other inputs fixed.
    public static let sparsemax = CatalogEntry(
        name: "sparsemax", family: .vector,
        formula: "f(x)_i = max(x_i - tau, 0) with tau such that sum_i f(x)_i = 1",
        notes: """
            Martins and Astudillo's sparse alternative to softmax (keras.activations.sparsemax): \
            the Euclidean projection of the scores onto the probability simplex, so small \
            scores get exactly 0 and attention can ignore them. Piecewise linear: \
            J = diag(s) − s·sᵀ/|S| on the support S (s its indicator). Plotted as output 0 \
            over x with the other inputs fixed; with others [0] it is sparse_sigmoid.
            """,
        cornerRule: "the support's strict inequality",
        vector: .sparsemax, smoothness: { _ in .continuous },
        corners: { a in SparsemaxComponent.corners(others: a.others) },
        makeKernel: { a in SparsemaxComponent(others: a.others) })
}

extension VectorFunction {
    /// sparsemax: fᵢ = max(xᵢ − τ, 0), J = diag(s) − s·sᵀ/|S| (s the support's indicator).
    static let sparsemax = VectorFunction(lengthRule: .any) { x in
        let threshold = SparsemaxThreshold(first: x[0], rest: x.dropFirst())
        let outputs = x.map { threshold.output($0) }
        let size = Double(threshold.size)
        let jacobian = x.indices.map { i in
            x.indices.map { j -> Double in
                if threshold.isUndefined { return .nan }
                guard outputs[i].inSupport, outputs[j].inSupport, threshold.infinities == 0 else { return 0 }
                return (i == j ? 1 : 0) - 1 / size
            }
        }
        return VectorEvaluation(output: outputs.map(\.value), jacobian: jacobian)
    }
}
