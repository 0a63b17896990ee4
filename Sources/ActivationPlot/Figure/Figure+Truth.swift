import ActivationCore

/// What a sampled curve would hide: jumps drawn as if they were steep lines, stretches where the
/// function is ±∞ or NaN, and curves that lie exactly on top of one another.
extension Figure {
    /// The most jumps looked for in one curve: beyond them a curve is noise, not a function.
    static let jumpSearchLimit = 2000

    /// The curve with a break at every jump: where f (or f′, f″) changes between two samples by
    /// more than its rate allows, the jump is located by bisection down to adjacent doubles
    /// (``ActivationComparison/jump(from:to:of:)``, as compare finds corners), and
    /// the curve ends at its one-sided values there instead of joining them with a vertical.
    ///
    /// A continuous function's change between adjacent doubles is a few ulps, so a steep but
    /// continuous stretch survives the bisection unbroken; only a step, a corner of f′ or a pole
    /// keeps its size.
    /// - Parameters:
    ///   - series: The sampled curve.
    ///   - rate: Its derivative at the samples (f′ for f, f″ for f′), or nil (f″), when jumps
    ///     are looked for where one step is far larger than both neighbouring steps.
    ///   - corners: Where the function's kernel says f, f′ or f″ may jump.
    ///   - evaluate: The curve's function.
    static func breakingJumps(
        _ series: Series, rate: [Double]?, corners: [Double] = [], evaluate: (Double) -> Double
    ) -> Series {
        let (x, y) = (series.x, series.y)
        guard x.count >= 2 else { return series }
        let finite = y.filter(\.isFinite)
        let span = (finite.max() ?? 0) - (finite.min() ?? 0)
        guard span > 0, span.isFinite else { return series }
        var candidates = Set<Int>()
        for i in 0..<(x.count - 1) where y[i].isFinite && y[i + 1].isFinite {
            let step = abs(y[i + 1] - y[i])
            guard step > 1e-6 * span else { continue }
            let h = x[i + 1] - x[i]
            if let rate {
                let allowed = 4 * h * Swift.max(abs(rate[i]), abs(rate[i + 1]))
                // Moving against the rate at both ends, as across tan's poles, also needs a look.
                let against = rate[i] * rate[i + 1] > 0 && (y[i + 1] - y[i]) * rate[i] < 0
                if !(step <= allowed) || against { candidates.insert(i) }
            } else {
                let before = i > 0 ? abs(y[i] - y[i - 1]) : 0
                let after = i + 2 < y.count ? abs(y[i + 2] - y[i + 1]) : 0
                if !(step <= 4 * Swift.max(before, after)) { candidates.insert(i) }
            }
            if candidates.count > jumpSearchLimit { return series }
        }
        for corner in corners where corner >= x[0] && corner <= x[x.count - 1] {
            // The interval holding the corner (both, when it is a sample).
            var low = 0
            var high = x.count - 1
            while high - low > 1 {
                let mid = (low + high) / 2
                if x[mid] <= corner { low = mid } else { high = mid }
            }
            candidates.insert(low)
            if x[low] == corner && low > 0 { candidates.insert(low - 1) }
        }
        var out = series
        (out.x, out.y) = ([], [])
        out.x.reserveCapacity(x.count + 3 * candidates.count)
        out.y.reserveCapacity(x.count + 3 * candidates.count)
        for i in 0..<x.count {
            out.x.append(x[i])
            out.y.append(y[i])
            guard candidates.contains(i), y[i].isFinite, y[i + 1].isFinite else { continue }
            guard
                let jump = ActivationComparison.jump(
                    from: (x[i], y[i]), to: (x[i + 1], y[i + 1]), of: evaluate)
            else { continue }
            out.x += [jump.left.x, jump.left.x, jump.right.x]
            out.y += [jump.left.y, .nan, jump.right.y]
        }
        return out
    }

    /// What is said of a stretch where a curve is not finite: `exponential` `= +∞ for x > 709.78`.
    struct NonFinite {
        let subject: String
        let claim: String
        let function: Int
        let x: Double?
    }

    /// Notes for the stretches where the curves are not finite, one per claim with the curves
    /// it holds for: `exponential, exponential′ = +∞ for x > 709.78`.
    static func notes(merging found: [NonFinite]) -> [Note] {
        var claims: [String] = []
        var subjects: [String: [String]] = [:]
        var first: [String: NonFinite] = [:]
        for item in found {
            let key = "\(item.function) \(item.claim)"
            if subjects[key] == nil {
                claims.append(key)
                first[key] = item
            }
            subjects[key, default: []].append(item.subject)
        }
        return claims.compactMap { key in
            guard let item = first[key], let names = subjects[key] else { return nil }
            return Note(names.joined(separator: ", ") + " " + item.claim, function: item.function, x: item.x)
        }
    }

    /// What to say of the stretches where the curve is not finite: `exponential = +∞ for
    /// x > 709.78`, `log′ = +∞ at x = 0`, `log = NaN for x < 0`, each edge located by bisection
    /// between the samples on either side of it.
    /// - Parameters:
    ///   - series: The sampled curve.
    ///   - evaluate: The curve's function.
    static func nonFinite(_ series: Series, evaluate: (Double) -> Double) -> [NonFinite] {
        let y = series.y
        var notes: [NonFinite] = []
        var i = 0
        while i < y.count {
            let kind = Kind(y[i])
            guard kind != .finite else {
                i += 1
                continue
            }
            var end = i
            while end + 1 < y.count && Kind(y[end + 1]) == kind { end += 1 }
            notes.append(nonFiniteNote(series, run: i...end, kind: kind, evaluate: evaluate))
            i = end + 1
        }
        return notes
    }

    /// Where a curve as a narrow format computes it is ±∞ or NaN though the true value is
    /// finite, so that it is not drawn: on each side of 0, the sample nearest 0 where that
    /// happens (`= +∞ from the sample at x = 11.1 (not drawn)`).
    /// - Parameters:
    ///   - series: The computed curve.
    ///   - exact: The true values at its samples.
    static func nonFinite(_ series: Series, exact: [Double]) -> [NonFinite] {
        let (x, y) = (series.x, series.y)
        var starts: [String] = []
        for positive in [false, true] {
            let side = x.indices.filter { x[$0] != 0 && (x[$0] > 0) == positive }
            let outwards = positive ? side : side.reversed()
            if let i = outwards.first(where: { Kind(y[$0]) != .finite && exact[$0].isFinite }) {
                starts.append("\(Kind(y[i]).rawValue) from the sample at x = \(edgeText(x[i]))")
            }
        }
        guard !starts.isEmpty else { return [] }
        let claim = "= " + starts.joined(separator: ", ") + " (not drawn)"
        return [NonFinite(subject: series.name, claim: claim, function: series.function, x: nil)]
    }

    /// What a value is, for the notes: finite, +∞, −∞ or NaN.
    enum Kind: String {
        case finite = "finite", plusInfinity = "+∞", minusInfinity = "−∞", nan = "NaN"

        init(_ v: Double) {
            self = v.isFinite ? .finite : v.isNaN ? .nan : v > 0 ? .plusInfinity : .minusInfinity
        }
    }

    /// The note for samples `run` of `series`, all of one non-finite kind.
    private static func nonFiniteNote(
        _ series: Series, run: ClosedRange<Int>, kind: Kind, evaluate: (Double) -> Double
    ) -> NonFinite {
        let (x, y) = (series.x, series.y)
        let claim = "= " + kind.rawValue
        /// The edge between sample `outside` (not of the kind) and `inside`, by bisection.
        func edge(_ outside: Int, _ inside: Int) -> Double {
            var (a, b) = (x[outside], x[inside])
            while true {
                let mid = a + (b - a) / 2
                guard mid != a && mid != b else { break }
                if Kind(evaluate(mid)) == kind { b = mid } else { a = mid }
            }
            return ActivationComparison.snap(Swift.min(a, b), Swift.max(a, b))
        }
        let left = run.lowerBound > 0 ? edge(run.lowerBound - 1, run.lowerBound) : nil
        let right = run.upperBound < y.count - 1 ? edge(run.upperBound + 1, run.upperBound) : nil
        let text: String
        switch (left, right) {
        case (nil, nil): text = "\(claim) over the whole range"
        case (let a?, nil): text = "\(claim) for x > \(edgeText(a))"
        case (nil, let b?): text = "\(claim) for x < \(edgeText(b))"
        case (let a?, let b?):
            text =
                run.count == 1 && edgeText(a) == edgeText(b)
                ? "\(claim) at x = \(edgeText(x[run.lowerBound]))"
                : "\(claim) for \(edgeText(a)) < x < \(edgeText(b))"
        }
        return NonFinite(subject: series.name, claim: text, function: series.function, x: left ?? right)
    }

    /// An edge's x with 5 significant digits, minus signs typographic.
    private static func edgeText(_ x: Double) -> String {
        String(NumberText.format(x + 0, significantDigits: 5).map { $0 == "-" ? "−" : $0 })
    }

    /// The series with ``Series/coveredBy`` filled in: a curve of one function whose samples all
    /// lie within a billionth of the y span of a later curve of the same role (drawn on top of
    /// it) names that curve.
    static func markingCoincidences(_ series: [Series]) -> [Series] {
        var out = series
        let finite = series.flatMap(\.y).filter(\.isFinite)
        let tolerance = 1e-9 * Swift.max((finite.max() ?? 0) - (finite.min() ?? 0), 1e-300)
        for i in out.indices {
            for j in out.indices where j > i {
                let (a, b) = (out[i], out[j])
                guard a.function != b.function, a.role == b.role, a.x == b.x else { continue }
                let same = zip(a.y, b.y).allSatisfy { p, q in
                    p == q || (p.isNaN && q.isNaN) || abs(p - q) <= tolerance
                }
                if same { out[i].coveredBy.append(b.name) }
            }
        }
        return out
    }
}
