import ActivationCore
import Foundation
import Testing

/// `ActivationComparison` against `Fixtures/comparison.tsv` (Scripts/make-comparison-reference.py).
@Suite("Comparing two functions")
struct ComparisonTests {
    struct Case: Sendable, CustomStringConvertible {
        let first: String
        let second: String
        let range: ClosedRange<Double>
        let samples: Int
        let derivative: Bool
        let maximum: Double
        let location: Double
        let mean: Double
        let rootMeanSquare: Double
        var description: String {
            "\(first) vs \(second), \(derivative ? "f′" : "f"), \(samples) points"
        }
    }

    static let cases: [Case] = {
        fixtureLines("comparison").map { line in
            let f = line.split(separator: "\t").map(String.init)
            let n = f.map { Double($0) ?? .nan }
            return Case(
                first: f[0], second: f[1], range: n[2]...n[3], samples: Int(f[4]) ?? 0,
                derivative: f[5] == "derivative", maximum: n[6], location: n[7], mean: n[8],
                rootMeanSquare: n[9])
        }
    }()

    @Test("max, mean and RMS of f − g and f′ − g′ match the 40-digit reference", arguments: cases)
    func statistics(_ c: Case) throws {
        let f = try Catalog.activation(c.first)
        let g = try Catalog.activation(c.second)
        let comparison = ActivationComparison(f, g, over: c.range, samples: c.samples)
        let d = c.derivative ? comparison.derivative : comparison.value
        let difference = { (x: Double) in
            c.derivative ? f.derivative(at: x) - g.derivative(at: x) : f.value(at: x) - g.value(at: x)
        }
        #expect(abs(d.maximum - c.maximum) <= 1e-9 * c.maximum, "max \(d.maximum) vs \(c.maximum)")
        // The maximum is where it is claimed, and (for these even differences) at ±location.
        #expect(abs(abs(difference(d.location)) - d.maximum) <= 1e-15)
        if c.first == "gelu" {
            #expect(abs(abs(d.location) - abs(c.location)) < 1e-6, "at \(d.location) vs ±\(c.location)")
        }
        #expect(abs(d.mean - c.mean) <= 1e-9 * c.mean, "mean \(d.mean) vs \(c.mean)")
        #expect(abs(d.rootMeanSquare - c.rootMeanSquare) <= 1e-9 * c.rootMeanSquare)
    }

    @Test("gelu vs its tanh form: max |f − g| = 4.7324e-4 near x = ±2.70")
    func headline() throws {
        let c = ActivationComparison(
            try Catalog.activation("gelu"), try Catalog.activation("gelu:approximate=tanh"), over: -5...5)
        #expect(String(format: "%.4e", c.value.maximum) == "4.7324e-04")
        #expect(abs(abs(c.value.location) - 2.70) < 0.005)
        #expect(c.corners.isEmpty && c.conventionCorners.isEmpty)
    }

    @Test("corners are found exactly; convention differences only where the shapes agree")
    func corners() throws {
        let hard = ActivationComparison(
            try Catalog.activation("torch.hardsigmoid"), try Catalog.activation("dl4j.hardsigmoid"),
            over: -5...5)
        #expect(hard.corners == [-3, -2.5, 2.5, 3])
        #expect(hard.conventionCorners.isEmpty)

        let leaky = ActivationComparison(
            try Catalog.activation("torch.leaky_relu"), try Catalog.activation("jax.leaky_relu"),
            over: -4...4,
            samples: 801)
        #expect(leaky.corners == [0])
        let corner = try #require(leaky.conventionCorners.first)
        #expect(corner.x == 0 && corner.first.derivative == 0.01 && corner.second.derivative == 1)
        #expect(corner.sides.left == 0.01 && corner.sides.right == 1)

        let hardtanh = ActivationComparison(
            try Catalog.activation("hardtanh"), try Catalog.activation("hardtanh:kink=inclusive"),
            over: -3...3)
        #expect(hardtanh.conventionCorners.map(\.x) == [-1, 1])

        // A corner off the grid (x = 0.3 between points 0.25 and 0.35) is still found exactly.
        let shifted = ActivationComparison(
            try Catalog.activation("relu:threshold=0.3"), try Catalog.activation("relu"), over: -1.05...0.95,
            samples: 21)
        #expect(shifted.corners == [0, 0.3])
    }

    @Test("a function compared with itself: all zero")
    func identical() throws {
        let f = try Catalog.activation("mish")
        let c = ActivationComparison(f, f, over: -10...10)
        #expect(c.value.maximum == 0 && c.derivative.maximum == 0 && c.value.rootMeanSquare == 0)
    }
}
