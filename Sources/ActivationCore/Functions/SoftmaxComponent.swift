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
    /// The first input's input and term, e^{x₀ − m}.
    let first: (input: Double, term: DoubleDouble)
    /// The sum of the other terms, Σⱼ₌₁ e^{xⱼ − m}: 1 − s₀ without a difference.
    let others: DoubleDouble

    /// The sums over `first` and `rest`.
    ///
    /// They are the same additions, in the same order, for a whole vector and for one
    /// component with the others fixed. The other terms are summed apart and the first's added
    /// last, so that the first component's 1 − s is their sum over S,
    /// not S minus its own term (which near s = 1 keeps only S's absolute accuracy, 2⁻¹⁰⁶).
    init(first: Double, rest: some Collection<Double>) {
        var largest = first
        var infinities = first == .infinity ? 1 : 0
        for v in rest {
            if v > largest || v.isNaN { largest = v }
            if v == .infinity { infinities += 1 }
        }
        self.largest = first.isNaN ? first : largest
        self.infinities = infinities
        var others = DoubleDouble(0)
        var term = DoubleDouble(0)
        if infinities == 0 {
            for v in rest { others = others.plus(Self.term(v, largest: self.largest)) }
            term = Self.term(first, largest: self.largest)
        }
        self.others = others
        self.first = (first, term)
        self.total = others.plus(term)
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

    /// The first component's s, 1 − s, log s and (1 − s) − s (``component(_:)``), its 1 − s
    /// from the other terms' own sum.
    func firstComponent() -> (share: Double, rest: Double, logShare: Double, balance: Double) {
        component(first.input, term: first.term, others: others)
    }

    /// sᵢ, 1 − sᵢ, log sᵢ and (1 − sᵢ) − sᵢ of the component whose input is x, each rounded
    /// once from double-double.
    func component(_ x: Double) -> (share: Double, rest: Double, logShare: Double, balance: Double) {
        guard infinities == 0 && largest.isFinite else {
            return component(x, term: DoubleDouble(0), others: others)
        }
        let e = Self.term(x, largest: largest)
        return component(x, term: e, others: total.minus(e))
    }

    /// ``component(_:)`` from the component's term and the sum of the others'.
    private func component(_ x: Double, term e: DoubleDouble, others: DoubleDouble) -> (
        share: Double, rest: Double, logShare: Double, balance: Double
    ) {
        if infinities > 0 || !largest.isFinite {
            // One +∞ has all the weight; otherwise (several +∞, all −∞, a NaN) nothing is defined.
            guard infinities == 1, !largest.isNaN else { return (.nan, .nan, .nan, .nan) }
            return x == .infinity ? (1, 0, 0, -1) : (0, 1, -.infinity, 1)
        }
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
/// With others = [0], softmax is σ(x). Softmax's and softmin's f and f′ take a fast path
/// first: s = σ(±x − L) and 1 − s, L = log Σ e^{oⱼ} of the others, formed once.
struct SoftmaxComponent: FastPathKernel {
    enum Variant: Sendable { case softmax, logSoftmax, softmin }

    var others: [Double]
    var variant: Variant
    /// L = log Σ e^{oⱼ} over the (sign-flipped, for softmin) others as hi + lo, for softmax
    /// and softmin when the others are finite, not empty, and |L| ≤ 2²⁰; else nil.
    let logTotal: DoubleDouble?

    init(others: [Double], variant: Variant) {
        self.variant = variant
        self.others = variant == .softmin ? others.map { -$0 } : others
        self.logTotal = variant == .logSoftmax ? nil : Self.logTotal(self.others)
    }

    /// log Σ e^{oⱼ} = m + log1p(S − 1) from ``SoftmaxTerms``' own sums (to about 2⁻¹⁰⁰
    /// relative), where it is finite and at most 2²⁰ in size.
    private static func logTotal(_ others: [Double]) -> DoubleDouble? {
        guard let first = others.first, others.allSatisfy(\.isFinite) else { return nil }
        let terms = SoftmaxTerms(first: first, rest: others.dropFirst())
        let l = DoubleDouble.log1p(terms.total.plus(-1)).plus(terms.largest)
        return abs(l.hi) <= 0x1p20 ? l : nil
    }

    @inline(__always)
    private func component(_ x: Double) -> (share: Double, rest: Double, logShare: Double, balance: Double) {
        SoftmaxTerms(first: x, rest: others).firstComponent()
    }

    @inline(__always)
    func value(at x: Double) -> Double {
        if let fast = fastValueAndSlope(at: x) { return fast.value }
        if x.isNaN { return x }
        switch variant {
        case .softmax: return component(x).share
        case .logSoftmax: return component(x).logShare
        case .softmin: return component(-x).share
        }
    }

    /// s = σ(v) and 1 − s = σ(−v) at v = ±x − L, where the fast path's bounds decide their
    /// rounding, and f′ = ±s·(1 − s) from the two rounded numbers, as ``fullJet(at:)`` and the
    /// whole vector's Jacobian form it: their bits, from one evaluation instead of a sum over
    /// the others.
    ///
    /// v is formed as hi + lo (the two-sum of ±x and −L, then of the parts), within 2⁻⁷⁵ of
    /// ±x − L for |L| ≤ 2²⁰, which moves σ by less than 2⁻⁷⁵ relatively: both stay within the
    /// 2⁻⁶² of ``FastPath/logistic(_:)-(DoubleDouble)``, checked with a factor of 2 to spare.
    @inline(__always)
    func fastValueAndSlope(at x: Double) -> (value: Double, slope: Double)? {
        guard let l = logTotal else { return nil }
        let sum = DoubleDouble.sum(variant == .softmin ? -x : x, -l.hi)
        guard abs(sum.hi) <= 650 else { return nil }
        let (s, n) = FastPath.logistic(DoubleDouble.sum(sum.hi, sum.lo - l.lo))
        guard let f = FastPath.decided(s.hi, s.lo, error: 0x1p-61 * s.hi),
            let rest = FastPath.decided(n.hi, n.lo, error: 0x1p-61 * n.hi)
        else { return nil }
        return (f, variant == .softmin ? -(f * rest) : f * rest)
    }

    @inline(__always)
    func fullJet(at x: Double) -> Jet {
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

extension SoftmaxComponent: LaneKernel {
    /// ``fastValueAndSlope(at:)`` per lane; no lane without L.
    @inline(__always)
    func fastLanes(_ x: Lanes, table: UnsafeBufferPointer<DoubleDouble>) -> (
        value: Lanes, slope: Lanes, decided: LaneMask
    ) {
        guard let l = logTotal else { return (x, x, LaneMask(repeating: false)) }
        let sum = FastLanes.twoSum(variant == .softmin ? -x : x, Lanes(repeating: -l.hi))
        let v = FastLanes.twoSum(sum.hi, sum.lo - l.lo)
        let (s, n) = FastLanes.logistic(v, table: table)
        let f = FastLanes.decided(s.hi, s.lo, error: 0x1p-61 * s.hi)
        let rest = FastLanes.decided(n.hi, n.lo, error: 0x1p-61 * n.hi)
        let slope = f.value * rest.value
        let inside = FastLanes.magnitude(sum.hi) .<= 650
        return (f.value, variant == .softmin ? -slope : slope, f.decided .& rest.decided .& inside)
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
        return x.enumerated().map { i, v in
            let c = i == 0 ? terms.firstComponent() : terms.component(v)
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
