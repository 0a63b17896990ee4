import Testing

@testable import ActivationCore

/// f′ and f″ against high-order central differences of f (and of f′), for every function,
/// at random points away from corners: an independent check of the analytic derivatives.
@Suite("Finite-difference cross-check")
struct FiniteDifferenceTests {
    /// Deterministic points in (−8, 8).
    static let points: [Double] = {
        var state: UInt64 = 0xD1B5_4A32_D192_ED03
        return (0..<120).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return -8 + 16 * Double(state >> 11) / Double(1 << 53)
        }
    }()

    /// The derivative of g at x by the 8th-order central difference.
    static func centralDifference(_ g: (Double) -> Double, at x: Double, step h: Double) -> Double {
        let c: [(Double, Double)] = [(1, 4.0 / 5), (2, -1.0 / 5), (3, 4.0 / 105), (4, -1.0 / 280)]
        var sum = 0.0
        for (k, w) in c { sum += w * (g(x + k * h) - g(x - k * h)) }
        return sum / h
    }

    static let specs =
        Catalog.all.map(\.name) + [
            "leaky_relu:alpha=0.2", "elu:alpha=0.5", "celu:alpha=2", "softplus:beta=3",
            "gelu:approximate=tanh",
            "gelu:approximate=sigmoid", "silu:beta=0.5", "squareplus:b=1",
            "hard_sigmoid:slope=0.3,offset=0.4",
        ]

    @Test("f′ and f″ agree with central differences", arguments: specs)
    func agree(spec: String) throws {
        let f = try Catalog.activation(spec)
        let h = 1e-3
        for x in Self.points {
            // Skip points within 5 steps of a corner of f, f′ or f″ (a difference would straddle it).
            if f.corners.contains(where: { abs(x - $0) < 5 * h }) { continue }
            // and points where the stencil leaves the function's domain (log1mexp below 0)
            if !(f.value(at: x - 4 * h).isFinite && f.value(at: x + 4 * h).isFinite) { continue }
            let d1 = Self.centralDifference(f.value(at:), at: x, step: h)
            let d2 = Self.centralDifference(f.derivative(at:), at: x, step: h)
            let jet = f.jet(at: x)
            #expect(
                abs(jet.derivative - d1) <= 1e-9 * Swift.max(1, abs(d1)),
                "\(spec)′(\(x)) = \(jet.derivative), FD \(d1)")
            #expect(
                abs(jet.secondDerivative - d2) <= 1e-8 * Swift.max(1, abs(d2)),
                "\(spec)″(\(x)) = \(jet.secondDerivative), FD \(d2)")
        }
    }
}
