/// Adaptive Gauss–Kronrod quadrature (7-point Gauss, 15-point Kronrod) of several integrands
/// at once over [a, b], split at given breakpoints.
///
/// The integrands share their nodes: one evaluation of the function gives every component
/// (E[f], E[f²], E[f′], … of one activation). The segment whose worst component has the largest
/// error estimate (QUADPACK's) is halved until every component is within its tolerance,
/// `relative·max(|I|, floor·∫|g|)`: relative, or absolute against ∫|g| for an integral near 0
/// (E[tanh(Z)]), which rounding alone keeps at about 1e-14·∫|g|.
struct GaussKronrod {
    /// Kronrod nodes on [−1, 1], the positive half (QUADPACK's `xgk`); the last is 0.
    static let nodes: [Double] = [
        0.991455371120812639206854697526329, 0.949107912342758524526189684047851,
        0.864864423359769072789712788640926, 0.741531185599394439863864773280788,
        0.586087235467691130294144845693013, 0.405845151377397166906606412076961,
        0.207784955007898467600689403773245, 0,
    ]
    /// Kronrod weights for ``nodes``.
    static let kronrodWeights: [Double] = [
        0.022935322010529224963732008058970, 0.063092092629978553290700663189204,
        0.104790010322250183839876322541518, 0.140653259715525918745189590510238,
        0.169004726639267902826583426598550, 0.190350578064785409913256402421014,
        0.204432940075298892414161999234649, 0.209482141084727828012999174891714,
    ]
    /// Gauss weights for the odd-numbered ``nodes`` (1, 3, 5) and the centre.
    static let gaussWeights: [Double] = [
        0.129484966168869693270611432679082, 0.279705391489276667901467771423780,
        0.381830050505118944950369775488975, 0.417959183673469387755102040816327,
    ]

    /// One segment: its ends, each component's K15 estimate and error, and ∫|g|.
    struct Segment {
        var a: Double
        var b: Double
        var integrals: [Double]
        var errors: [Double]
        var magnitudes: [Double]
    }

    /// The result: each component's integral and error estimate, and the evaluations used.
    struct Result {
        var integrals: [Double]
        var errors: [Double]
        /// ∫|g| of each component.
        var magnitudes: [Double]
        var evaluations: Int
        /// False when the segment budget ran out before every tolerance was met.
        var converged: Bool
        /// False when the integrand was NaN or infinite somewhere.
        var finite: Bool
    }

    let components: Int
    let integrand: (Double, inout [Double]) -> Void

    /// Integrates `integrand`, which writes its `components` values at t into the array.
    init(components: Int, integrand: @escaping (Double, inout [Double]) -> Void) {
        self.components = components
        self.integrand = integrand
    }

    /// The K15 and G7 estimates over [a, b], with QUADPACK's error estimate
    /// resasc·min(1, (200·|K15 − G7|/resasc)^1.5), resasc = ∫|g − mean g| by the K15 rule: the
    /// plain |K15 − G7| is the error of G7, far above that of K15 on smooth integrands.
    func segment(_ a: Double, _ b: Double, scratch: inout [Double]) -> (Segment, finite: Bool) {
        let (centre, half) = (0.5 * (a + b), 0.5 * (b - a))
        var kronrod = [Double](repeating: 0, count: components)
        var gauss = kronrod
        var magnitude = kronrod
        var values = [Double](repeating: 0, count: 15 * components)
        var finite = true
        var point = 0
        for (i, node) in Self.nodes.enumerated() {
            for x in node == 0 ? [centre] : [centre - half * node, centre + half * node] {
                integrand(x, &scratch)
                for k in 0..<components {
                    let g = scratch[k]
                    if !g.isFinite { finite = false }
                    values[15 * k + point] = g
                    kronrod[k] += Self.kronrodWeights[i] * g
                    magnitude[k] += Self.kronrodWeights[i] * abs(g)
                    if i % 2 == 1 { gauss[k] += Self.gaussWeights[i / 2] * g }
                }
                point += 1
            }
        }
        var errors = [Double](repeating: 0, count: components)
        for k in 0..<components {
            let average = 0.5 * kronrod[k]
            var spread = 0.0
            point = 0
            for (i, node) in Self.nodes.enumerated() {
                for _ in 0..<(node == 0 ? 1 : 2) {
                    spread += Self.kronrodWeights[i] * abs(values[15 * k + point] - average)
                    point += 1
                }
            }
            let (raw, resasc) = (abs((kronrod[k] - gauss[k]) * half), spread * half)
            errors[k] = resasc > 0 && raw > 0 ? resasc * min(1, pow(200 * raw / resasc, 1.5)) : raw
            // Below the rounding of the sum itself no estimate means anything (QUADPACK's 50·ε).
            errors[k] = max(errors[k], 50 * Double.ulpOfOne * magnitude[k] * half)
        }
        let segment = Segment(
            a: a, b: b, integrals: kronrod.map { $0 * half }, errors: errors,
            magnitudes: magnitude.map { $0 * half })
        return (segment, finite)
    }

    /// ∫ over [breakpoints.first, breakpoints.last], the breakpoints increasing.
    func integrate(
        breakpoints: [Double], relative: Double = 1e-13, floor: Double = 0.5, maximumSegments: Int = 2000
    ) -> (Result, [Segment]) {
        var scratch = [Double](repeating: 0, count: components)
        var segments: [Segment] = []
        var finite = true
        for (a, b) in zip(breakpoints, breakpoints.dropFirst()) where b > a {
            let (s, ok) = segment(a, b, scratch: &scratch)
            segments.append(s)
            finite = finite && ok
        }
        var evaluations = 15 * segments.count
        // Running totals, updated as segments are replaced (a sum over 4000 segments per step
        // would cost more than the integrand).
        var (i, e, m) = (
            [Double](repeating: 0, count: components), [Double](repeating: 0, count: components),
            [Double](repeating: 0, count: components)
        )
        func add(_ s: Segment, _ sign: Double) {
            for k in 0..<components {
                i[k] += sign * s.integrals[k]
                e[k] += sign * s.errors[k]
                m[k] += sign * s.magnitudes[k]
            }
        }
        for s in segments { add(s, 1) }
        let converged = refine(
            &segments, &i, &e, &m, &evaluations, &finite, relative: relative, floor: floor,
            maximumSegments: maximumSegments, scratch: &scratch)
        // Sums again from the segments, so that the running totals' rounding does not stay.
        (i, e, m) = (
            [Double](repeating: 0, count: components), [Double](repeating: 0, count: components),
            [Double](repeating: 0, count: components)
        )
        for s in segments { add(s, 1) }
        let result = Result(
            integrals: i, errors: e, magnitudes: m, evaluations: evaluations, converged: converged,
            finite: finite)
        return (
            result,
            segments
        )
    }

    /// Halves the worst segment until every tolerance is met (true) or the budget runs out.
    private func refine(
        _ segments: inout [Segment], _ i: inout [Double], _ e: inout [Double], _ m: inout [Double],
        _ evaluations: inout Int, _ finite: inout Bool, relative: Double, floor: Double, maximumSegments: Int,
        scratch: inout [Double]
    ) -> Bool {
        func add(_ s: Segment, _ sign: Double) {
            for k in 0..<components {
                i[k] += sign * s.integrals[k]
                e[k] += sign * s.errors[k]
                m[k] += sign * s.magnitudes[k]
            }
        }
        while finite {
            let tolerance = (0..<components).map { relative * max(abs(i[$0]), floor * m[$0], 1e-300) }
            let excess = (0..<components).map { e[$0] / tolerance[$0] }
            if excess.allSatisfy({ $0 <= 1 }) {
                return true
            }
            guard segments.count < maximumSegments else { return false }
            // Halve the segment that contributes most to the worst component's error.
            let worst = excess.indices.max { excess[$0] < excess[$1] } ?? 0
            let index = segments.indices.max { segments[$0].errors[worst] < segments[$1].errors[worst] } ?? 0
            let s = segments[index]
            let middle = 0.5 * (s.a + s.b)
            guard middle > s.a && middle < s.b else { return false }
            let (left, okLeft) = segment(s.a, middle, scratch: &scratch)
            let (right, okRight) = segment(middle, s.b, scratch: &scratch)
            add(s, -1)
            add(left, 1)
            add(right, 1)
            segments[index] = left
            segments.append(right)
            evaluations += 30
            finite = okLeft && okRight
        }
        return false
    }
}
