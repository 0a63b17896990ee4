import Foundation
import Testing

@testable import ActivationCore

/// The fast paths of the sigmoid family against the double-double evaluation they replace:
/// where a fast path answers, its f and f′ are the double-double ones rounded, but for the rare
/// point where the double-double value itself sits within its own error of a midpoint.
@Suite("Fast paths")
struct FastPathTests {
    /// 400,001 points over [−40, 40], and a log-spaced sweep of both tails and of 0.
    static let xs: [Double] = {
        let grid: [Double] = (0...400_000).map { -40 + 0.0002 * Double($0) }
        let magnitudes: [Double] = (-3000...3000).map { Foundation.exp(Double($0) / 100) }
        return grid + magnitudes + magnitudes.map { -$0 }
    }()

    /// How the fast path did against the double-double one.
    struct Tally: CustomStringConvertible {
        var answered = 0
        var differing = 0
        var worst = 0.0
        let total: Int
        var description: String {
            "\(answered) of \(total) answered, \(differing) differ, worst \(worst) ulp"
        }

        mutating func add(_ fast: (value: Double, slope: Double)?, _ jet: Jet) {
            guard let fast else { return }
            answered += 1
            let error = Swift.max(ulpDistance(fast.value, jet.value), ulpDistance(fast.slope, jet.derivative))
            if error > 0 { differing += 1 }
            worst = Swift.max(worst, error)
        }

        /// At most 1 ulp from the double-double value, at no more than 1 point in 10⁵, and an
        /// answer at 98 % of the points where the path applies.
        func expectGood(_ name: String, applicable: Int) {
            if reportsRequested { print("fast path \(name): \(self), \(applicable) applicable") }
            #expect(worst <= 1 && differing * 100_000 <= total, "\(name): \(self)")
            #expect(answered * 100 >= applicable * 98, "\(name): \(self) (\(applicable) applicable)")
        }
    }

    @Test("sigmoid: the fast f and f′ are the double-double ones")
    func sigmoid() {
        var tally = Tally(total: Self.xs.count)
        let kernel = Sigmoid()
        let applicable = Self.xs.filter { abs($0) <= 650 }
        for x in applicable { tally.add(Sigmoid.fast(x), kernel.fullJet(at: x)) }
        tally.expectGood("sigmoid", applicable: applicable.count)
    }

    @Test("sigmoid, tanh and silu: f″ from the fast pieces is within 2 ulps of the double-double f″")
    func curvature() throws {
        let silu = try #require(try Catalog.activation("silu").kernel as? SigmoidLinear)
        let cases: [(String, (Double) -> Jet?, (Double) -> Jet)] = [
            ("sigmoid", { Sigmoid.fastJet($0, curvature: true) }, Sigmoid().fullJet),
            (
                "tanh", { abs($0) >= 0.5 && abs($0) <= 325 ? HyperbolicTangent.fastJet($0) : nil },
                HyperbolicTangent().fullJet
            ),
            (
                "silu", { abs($0) <= 650 ? silu.fastJet($0, silu.argument($0), curvature: true) : nil },
                silu.fullJet
            ),
        ]
        for (name, fast, full) in cases {
            var (answered, worst, at) = (0, 0.0, 0.0)
            for x in Self.xs where abs(x) <= 650 {
                guard let jet = fast(x) else { continue }
                answered += 1
                let error = ulpDistance(jet.secondDerivative, full(x).secondDerivative)
                if error > worst { (worst, at) = (error, x) }
            }
            #expect(worst <= 2 && answered > Self.xs.count / 2, "\(name): worst \(worst) ulp at \(at)")
        }
    }

    @Test("tanh: the fast f and f′ are the double-double ones")
    func tanh() {
        var tally = Tally(total: Self.xs.count)
        let kernel = HyperbolicTangent()
        let applicable = Self.xs.filter { abs($0) >= 0.5 && abs($0) <= 325 }
        for x in applicable { tally.add(HyperbolicTangent.fast(x), kernel.fullJet(at: x)) }
        tally.expectGood("tanh", applicable: applicable.count)
    }

    @Test(
        "softplus, log_sigmoid, elu, selu, celu, tanh-GELU and mish: the fast f and f′ are the double-double ones"
    )
    func logarithmsAndExponentialLinear() throws {
        let softplus = Softplus(beta: 1, threshold: .infinity)
        let logSigmoid = LogSigmoid()
        let elu = try #require(try Catalog.activation("elu").kernel as? ExponentialLinear)
        let selu = try #require(try Catalog.activation("selu").kernel as? ExponentialLinear)
        typealias Fast = (Double) -> (value: Double, slope: Double)?
        var cases: [(String, Fast, (Double) -> Jet, (Double) -> Bool)] = [
            ("softplus", softplus.fastValueAndSlope, softplus.fullJet, { abs($0) <= 40 }),
            ("log_sigmoid", logSigmoid.fastValueAndSlope, logSigmoid.fullJet, { abs($0) <= 40 }),
            ("elu", elu.fastValueAndSlope, elu.fullJet, { $0 <= -0.25 && $0 >= -650 }),
            ("selu", selu.fastValueAndSlope, selu.fullJet, { $0 <= -0.25 && $0 >= -650 }),
        ]
        let geluTanh = TanhApproximateGELU()
        let fastGELU = { (x: Double) in geluTanh.fast(x, geluTanh.argument(x)) }
        cases.append(("gelu:approximate=tanh", fastGELU, geluTanh.fullJet, { $0 != 0 && abs($0) <= 20 }))
        cases.append(("mish", Mish().fastValueAndSlope, Mish().fullJet, { $0 != 0 && abs($0) <= 40 }))
        for alpha in [1.0, 0.7, 3] {
            let celu = ContinuousExponentialLinear(alpha: alpha, kink: .exclusive)
            cases.append(
                (
                    "celu:alpha=\(alpha)", celu.fastValueAndSlope, celu.fullJet,
                    { $0 / alpha <= -0.25 && $0 / alpha >= -650 }
                ))
        }
        for (name, fast, full, applies) in cases {
            var tally = Tally(total: Self.xs.count)
            let applicable = Self.xs.filter(applies)
            for x in applicable { tally.add(fast(x), full(x)) }
            tally.expectGood(name, applicable: applicable.count)
        }
    }

    @Test(
        "silu, and x·σ(1.702x): the fast f and f′ are the double-double ones",
        arguments: [
            "silu", "gelu:approximate=sigmoid", "silu:beta=0.5",
        ])
    func silu(spec: String) throws {
        let f = try Catalog.activation(spec)
        let kernel = try #require(f.kernel as? SigmoidLinear)
        var tally = Tally(total: Self.xs.count)
        // Away from f′'s zero at v ≈ −1.28, where the series takes over by design.
        let applicable = Self.xs.filter { x in
            let v = kernel.beta.hi * x
            return abs(v) <= 650 && x != 0 && abs(v + 1.2785) > 0.01
        }
        for x in applicable {
            tally.add(kernel.fast(x, kernel.argument(x)), kernel.fullJet(at: x))
        }
        tally.expectGood(spec, applicable: applicable.count)
    }

    /// Every input the tests use, with both ends of the lanes' range, zeros, subnormals,
    /// infinities and NaN, in an odd count so that the batch has a tail.
    static let batchInputs: [Double] = {
        let specials: [Double] = [
            0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 650, -650, 650.0.nextUp,
            -650.0.nextUp, 700, -745, 1e300, -1e300, .infinity, -.infinity, .nan, 1.2785, -1.2785,
        ]
        return specials + xs + specials.reversed()
    }()

    @Test(
        "Batches on the lanes give the scalar path's bits at every point",
        arguments: [
            "sigmoid", "tanh", "log_sigmoid", "softplus", "softplus:beta=2", "torch.softplus", "silu",
            "gelu:approximate=sigmoid", "silu:beta=0.5", "silu:beta=3e300", "softmax", "softmin",
            "log_softmax",
            "softmax others 1 -2 3.5", "softmin others 700 -5", "softmax others 1e300",
        ])
    func lanes(spec: String) throws {
        let words = spec.split(separator: " ")
        let others = words.count > 2 ? words.dropFirst(2).compactMap { Double($0) } : nil
        let f = try Catalog.activation(String(words[0]), others: others)
        let input = Self.batchInputs
        var (values, slopes, alone) = (input, input, input)
        input.withUnsafeBufferPointer { x in
            values.withUnsafeMutableBufferPointer { v in
                slopes.withUnsafeMutableBufferPointer { d in f.evaluate(x, values: v, derivatives: d) }
            }
            alone.withUnsafeMutableBufferPointer { f.evaluate(x, values: $0) }
        }
        func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }
        var differing: [Double] = []
        for (i, x) in input.enumerated() {
            let (value, slope) = f.kernel.valueAndSlope(at: x)
            if !same(values[i], value) || !same(slopes[i], slope) || !same(alone[i], f.value(at: x)) {
                differing.append(x)
            }
        }
        #expect(
            differing.count == 0, "\(spec): \(differing.count) inputs differ, first \(differing.prefix(5))")
    }

    /// Softmax's and softmin's fast f and f′ (s = σ(±x − L) and ±s·(1 − s) from the rounded s
    /// and 1 − s) against the sums of ``SoftmaxTerms``, the kernel's other path and the whole
    /// vector's: the same bits.
    @Test(
        "softmax and softmin: the fast f and f′ are the double-double ones",
        arguments: [[0], [1, -2, 3.5], [700, -5], [-0.25]])
    func softmax(others: [Double]) throws {
        for name in ["softmax", "softmin"] {
            let f = try Catalog.activation(name, others: others)
            let kernel = try #require(f.kernel as? SoftmaxComponent)
            let l = try #require(kernel.logTotal)
            let sign = name == "softmin" ? -1.0 : 1.0
            let applicable = Self.xs.filter { abs(sign * $0 - l.hi) <= 600 }
            var tally = Tally(total: applicable.count)
            for x in applicable { tally.add(kernel.fastValueAndSlope(at: x), kernel.fullJet(at: x)) }
            tally.expectGood("\(name) \(others)", applicable: applicable.count)
        }
    }
}
