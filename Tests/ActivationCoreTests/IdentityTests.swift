import Testing

@testable import ActivationCore

/// Mathematical identities between catalog functions, on points spread over the line.
@Suite("Identities")
struct IdentityTests {
    /// ±0, tiny, moderate and huge magnitudes, and a deterministic sprinkle in between.
    static let points: [Double] = {
        var points: [Double] = [0, 1e-300, 1e-8, 0.1, 0.5, 1, 2, 3, 10, 30, 100, 700, 1e10]
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<200 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let u = Double(state >> 11) / Double(1 << 53)
            points.append(pow(10, -6 + 9 * u))
        }
        return points + points.map { -$0 }
    }()

    func f(_ spec: String) throws -> Activation { try Catalog.activation(spec) }

    /// Whether a and b differ by at most `ulps` units in the last place of `scale`
    /// (by default the larger of the two).
    func close(_ a: Double, _ b: Double, ulps: Double = 4, scale: Double? = nil) -> Bool {
        if a == b { return true }
        let reference = scale ?? Swift.max(abs(a), abs(b))
        return abs(a - b) <= ulps * reference.ulp
    }

    @Test("σ(−x) = 1 − σ(x) and σ′(x) = σ(x)σ(−x)")
    func sigmoidSymmetry() throws {
        let s = try f("sigmoid")
        for x in Self.points where abs(x) < 30 {
            // 1 − σ(x) is only good to an ulp of 1: that is the comparison's own error.
            #expect(close(s.value(at: -x), 1 - s.value(at: x), ulps: 2, scale: 1), "x = \(x)")
            #expect(close(s.derivative(at: x), s.value(at: x) * s.value(at: -x), ulps: 4), "x = \(x)")
        }
    }

    @Test("softplus(x) − softplus(−x) = x, log_sigmoid(x) = −softplus(−x)")
    func softplusSymmetry() throws {
        let sp = try f("softplus")
        let ls = try f("log_sigmoid")
        for x in Self.points {
            let difference = sp.value(at: x) - sp.value(at: -x)
            #expect(abs(difference - x) <= 4 * Swift.max(abs(x), sp.value(at: x)).ulp, "x = \(x)")
            #expect(ls.value(at: x) == -sp.value(at: -x), "x = \(x)")
        }
    }

    @Test(
        "odd functions are odd, ±0 kept",
        arguments: [
            "tanh", "softsign", "tanhshrink", "cube", "identity", "rational_tanh", "hardtanh", "softshrink",
            "hardshrink",
        ])
    func oddness(name: String) throws {
        let g = try f(name)
        for x in Self.points {
            #expect(g.value(at: -x) == -g.value(at: x), "\(name) at \(x)")
            #expect(g.derivative(at: -x) == g.derivative(at: x), "\(name)′ at \(x)")
        }
    }

    @Test("f′ is the sigmoid of the smooth ReLUs: softplus′ = σ, sparse_plus′ = sparse_sigmoid")
    func derivativeRelations() throws {
        let sp = try f("softplus")
        let s = try f("sigmoid")
        let spp = try f("sparse_plus")
        let ss = try f("sparse_sigmoid")
        for x in Self.points {
            #expect(close(sp.derivative(at: x), s.value(at: x), ulps: 1), "x = \(x)")
            #expect(spp.derivative(at: x) == ss.value(at: x), "x = \(x)")
        }
    }

    @Test("gelu sigmoid form is silu with β = 1.702; selu is λ·elu(α)")
    func familyRelations() throws {
        let gs = try f("gelu:approximate=sigmoid")
        let silu = try f("silu:beta=1.702")
        let selu = try f("selu")
        let elu = try f("elu:alpha=1.6732632423543772848170429916717")
        for x in Self.points where abs(x) < 300 {
            #expect(close(gs.value(at: x), silu.value(at: x), ulps: 8 + abs(x)), "x = \(x)")
            #expect(
                close(selu.value(at: x), ExponentialLinear.seluLambda * elu.value(at: x), ulps: 3), "x = \(x)"
            )
        }
    }

    @Test("softmax([x, 0]) is σ(x), log_softmax([x, 0]) is log σ(x), softmin([x, 0]) is σ(−x)")
    func vectorSlices() throws {
        let s = try f("sigmoid")
        let ls = try f("log_sigmoid")
        for x in Self.points {
            #expect(close(try f("softmax").value(at: x), s.value(at: x), ulps: 2), "x = \(x)")
            #expect(close(try f("log_softmax").value(at: x), ls.value(at: x), ulps: 2), "x = \(x)")
            #expect(close(try f("softmin").value(at: x), s.value(at: -x), ulps: 2), "x = \(x)")
        }
    }

    @Test("NaN in gives NaN out; ±∞ never gives NaN", arguments: Catalog.all.map(\.name))
    func nonFinite(name: String) throws {
        let g = try f(name)
        let j = g.jet(at: .nan)
        #expect(g.value(at: .nan).isNaN && j.value.isNaN && j.derivative.isNaN && j.secondDerivative.isNaN)
        for x in [Double.infinity, -.infinity, .greatestFiniteMagnitude, -.greatestFiniteMagnitude] {
            let jet = g.jet(at: x)
            if name == "snake" && x.isInfinite {
                // 1 + sin 2x and 2cos 2x oscillate for ever: no limit, NaN by design.
                #expect(jet.value == x && jet.derivative.isNaN && jet.secondDerivative.isNaN)
                continue
            }
            #expect(
                !g.value(at: x).isNaN && !jet.value.isNaN && !jet.derivative.isNaN
                    && !jet.secondDerivative.isNaN,
                "\(name) at \(x): \(jet)")
        }
    }

    @Test(
        "every finite input gives a finite result, except honest overflow", arguments: Catalog.all.map(\.name)
    )
    func finiteEverywhere(name: String) throws {
        let g = try f(name)
        let overflows = ["exponential", "cube", "log1mexp"]  // log1mexp: −∞ at its pole, 0
        for x in Self.points {
            let jet = g.jet(at: x)
            let values = [jet.value, jet.derivative, jet.secondDerivative]
            #expect(values.allSatisfy { !$0.isNaN }, "\(name) at \(x): \(jet)")
            if !overflows.contains(name) {
                #expect(values.allSatisfy { $0.isFinite }, "\(name) at \(x): \(jet)")
            }
        }
    }
}
