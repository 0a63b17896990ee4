/// The sums behind softmax, log-softmax and softmin at one input vector, computed once and
/// read per component: the one code path of the whole-vector and the one-component evaluation,
/// so that the two cannot disagree.
///
/// ```
/// m = max xⱼ    dᵢ = xᵢ − m    eᵢ = e^{dᵢ}    S = Σ eⱼ
/// sᵢ = eᵢ/S    1 − sᵢ = (S − eᵢ)/S    log sᵢ = dᵢ − log1p(S − 1)
/// ```
/// dᵢ is exact (a two-sum), eᵢ its double-double exponential, and S, S − eᵢ and S − 1 are
/// double-doubles, so neither 1 − sᵢ nor log S is ever a difference of rounded numbers:
/// log_softmax([−3.5, 0.25, 7, −0.001])₂ is −0.002107164977223765, not the …6014 that
/// x − log(Σ e^x) gives, and 1 − s₀ of [710, −710, 0.5, −0.5] is 1.0095e-308, not 0. A single
/// +∞ takes all the weight (the limit; frameworks give NaN), several +∞ or only −∞ give NaN.
struct SoftmaxTerms {
    /// The largest input.
    let largest: Double
    /// How many inputs are +∞.
    let infinities: Int
    /// S = Σ e^{xⱼ − m}, at least 1 (the largest input's term) when the inputs are finite.
    let total: DoubleDouble

    /// The sums over `first` followed by `rest`: the same additions, in the same order, for a
    /// whole vector and for one component with the others fixed.
    init(first: Double, rest: some Collection<Double>) {
        var largest = first
        var infinities = first == .infinity ? 1 : 0
        for v in rest {
            if v > largest || v.isNaN { largest = v }
            if v == .infinity { infinities += 1 }
        }
        self.largest = first.isNaN ? first : largest
        self.infinities = infinities
        var total = DoubleDouble(0)
        if infinities == 0 {
            total = total.plus(Self.term(first, largest: self.largest))
            for v in rest { total = total.plus(Self.term(v, largest: self.largest)) }
        }
        self.total = total
    }

    /// xᵢ − m, exactly.
    @inline(__always)
    static func offset(_ x: Double, largest: Double) -> DoubleDouble { DoubleDouble.sum(x, -largest) }

    /// e^{xᵢ − m} in double-double, the offset's low part included.
    @inline(__always)
    static func term(_ x: Double, largest: Double) -> DoubleDouble {
        let d = offset(x, largest: largest)
        if d.hi > -708 { return DoubleDouble.exp(d) }
        let e = exp(d.hi)
        return DoubleDouble(d.lo == 0 || e == 0 ? e : e * (1 + d.lo))
    }

    /// sᵢ, 1 − sᵢ, log sᵢ and (1 − sᵢ) − sᵢ of the component whose input is x, each rounded
    /// once from double-double.
    func component(_ x: Double) -> (share: Double, rest: Double, logShare: Double, balance: Double) {
        if infinities > 0 || !largest.isFinite {
            // One +∞ has all the weight; otherwise (several +∞, all −∞, a NaN) nothing is defined.
            guard infinities == 1, !largest.isNaN else { return (.nan, .nan, .nan, .nan) }
            return x == .infinity ? (1, 0, 0, -1) : (0, 1, -.infinity, 1)
        }
        let e = Self.term(x, largest: largest)
        let others = total.minus(e)
        let logShare = Self.offset(x, largest: largest).minus(DoubleDouble.log1p(total.plus(-1)))
        let scale = total.reciprocal
        let balance = others.minus(e).times(scale)
        return (e.times(scale).value, others.times(scale).value, logShare.value, balance.value)
    }
}

/// One output of softmax, log-softmax or softmin as a function of its own input, the
/// other inputs held fixed: how `actplot` plots a vector activation over x.
///
/// ```
/// softmax:  f = s, f′ = s(1 − s), f″ = s(1 − s)(1 − 2s)
/// log:      f = log s, f′ = 1 − s, f″ = −s(1 − s)
/// softmin:  f = s(−x; −o), f′ = −s(1 − s), f″ = s(1 − s)(1 − 2s)
/// ```
/// s, 1 − s, log s and (1 − s) − s come from ``SoftmaxTerms``, as the whole vector's do.
/// With others = [0], softmax is σ(x).
struct SoftmaxComponent: ScalarKernel {
    enum Variant: Sendable { case softmax, logSoftmax, softmin }

    var others: [Double]
    var variant: Variant

    init(others: [Double], variant: Variant) {
        self.variant = variant
        self.others = variant == .softmin ? others.map { -$0 } : others
    }

    @inline(__always)
    private func component(_ x: Double) -> (share: Double, rest: Double, logShare: Double, balance: Double) {
        SoftmaxTerms(first: x, rest: others).component(x)
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if x.isNaN { return x }
        switch variant {
        case .softmax: return component(x).share
        case .logSoftmax: return component(x).logShare
        case .softmin: return component(-x).share
        }
    }

    @inline(__always)
    func jet(at x: Double) -> Jet {
        if x.isNaN { return Jet(nan: x) }
        let input = variant == .softmin ? -x : x
        let (s, r, logShare, sums) = component(input)
        let slope = s * r
        let curvature = slope * sums
        switch variant {
        case .softmax: return Jet(value: s, derivative: slope, secondDerivative: curvature)
        case .logSoftmax: return Jet(value: logShare, derivative: r, secondDerivative: -slope)
        case .softmin: return Jet(value: s, derivative: -slope, secondDerivative: curvature)
        }
    }
}

extension SoftmaxComponent {
    /// The textbook formula, e^x over the sum of the exponentials, without the largest input
    /// subtracted (so it overflows where e^x does); f′ from the stored output: y·(1 − y),
    /// −y·(1 − y) for softmin, and 1 − e^y for log_softmax.
    static func naive(others: [Double], variant: Variant) -> NaiveFormula {
        let sign = variant == .softmin ? "-" : ""
        let terms =
            ["exp(\(sign)x)"] + others.map { "exp(\(NaiveFormula.literal(variant == .softmin ? -$0 : $0)))" }
        let sum = terms.joined(separator: " + ")
        switch variant {
        case .softmax: return NaiveFormula(value: "exp(x)/(\(sum))", derivative: "y*(1 - y)")
        case .logSoftmax: return NaiveFormula(value: "x - log(\(sum))", derivative: "1 - exp(y)")
        case .softmin: return NaiveFormula(value: "exp(-x)/(\(sum))", derivative: "-y*(1 - y)")
        }
    }
}

extension CatalogEntry {
    /// Softmax, plotted as output 0 over x with the other inputs fixed.
    public static let softmax = CatalogEntry(
        name: "softmax", family: .vector, formula: "f(x)_i = e^(x_i)/sum_j e^(x_j)",
        notes: """
            Turns scores into a probability distribution: the output layer of a \
            classifier, and attention weights. Computed with the largest input \
            subtracted. Plotted as output 0 over x with the other inputs fixed.
            """,
        vector: .softmax, smoothness: { _ in .smooth },
        naive: { a in SoftmaxComponent.naive(others: a.others, variant: .softmax) },
        makeKernel: { a in SoftmaxComponent(others: a.others, variant: .softmax) })

    /// Log-softmax.
    public static let logSoftmax = CatalogEntry(
        name: "log_softmax", family: .vector, aliases: ["logsoftmax"],
        formula: "f(x)_i = x_i - log(sum_j e^(x_j))",
        notes: """
            The log of softmax, computed without forming softmax: the input to \
            negative log-likelihood (cross-entropy) losses.
            """,
        vector: .logSoftmax, smoothness: { _ in .smooth },
        naive: { a in SoftmaxComponent.naive(others: a.others, variant: .logSoftmax) },
        makeKernel: { a in SoftmaxComponent(others: a.others, variant: .logSoftmax) })

    /// Softmin, softmax(−x).
    public static let softmin = CatalogEntry(
        name: "softmin", family: .vector, formula: "f(x) = softmax(-x)",
        notes: "PyTorch's Softmin: a distribution that favours the smallest inputs.",
        vector: .softmin, smoothness: { _ in .smooth },
        naive: { a in SoftmaxComponent.naive(others: a.others, variant: .softmin) },
        makeKernel: { a in SoftmaxComponent(others: a.others, variant: .softmin) })
}

extension VectorFunction {
    /// softmax: sᵢ = e^{xᵢ−m}/Σⱼ e^{xⱼ−m} (m the largest input), J = diag(s) − s·sᵀ.
    static let softmax = VectorFunction(lengthRule: .any) { x in
        let parts = components(x)
        return VectorEvaluation(output: parts.map(\.share), jacobian: softmaxJacobian(parts, sign: 1))
    }

    /// log_softmax: xᵢ − m − log Σⱼ e^{xⱼ−m}, J = I − 1·sᵀ (its diagonal 1 − sᵢ, never a difference).
    static let logSoftmax = VectorFunction(lengthRule: .any) { x in
        let parts = components(x)
        let jacobian = parts.indices.map { i in
            parts.indices.map { j in i == j ? parts[j].rest : -parts[j].share }
        }
        return VectorEvaluation(output: parts.map(\.logShare), jacobian: jacobian)
    }

    /// softmin: softmax(−x), J = −(diag(s) − s·sᵀ) with s = softmin(x).
    static let softmin = VectorFunction(lengthRule: .any) { x in
        let parts = components(x.map { -$0 })
        return VectorEvaluation(output: parts.map(\.share), jacobian: softmaxJacobian(parts, sign: -1))
    }

    /// Every component's s, 1 − s and log s, from one ``SoftmaxTerms``.
    private static func components(_ x: [Double]) -> [(share: Double, rest: Double, logShare: Double)] {
        guard let first = x.first else { return [] }
        let terms = SoftmaxTerms(first: first, rest: x.dropFirst())
        return x.map { v in
            let c = terms.component(v)
            return (c.share, c.rest, c.logShare)
        }
    }

    /// sign·(diag(s) − s·sᵀ), with sᵢ(1 − sᵢ) on the diagonal from 1 − sᵢ as computed.
    private static func softmaxJacobian(
        _ parts: [(share: Double, rest: Double, logShare: Double)], sign: Double
    ) -> [[Double]] {
        parts.indices.map { i in
            parts.indices.map { j in
                i == j ? sign * parts[i].share * parts[i].rest : -sign * parts[i].share * parts[j].share
            }
        }
    }
}
