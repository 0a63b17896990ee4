import Foundation
import Testing

@testable import ActivationCore

/// Gaussian statistics, extremes and mean-field maps against closed forms and mpmath.
@Suite("Gaussian statistics")
struct StatisticsTests {
    /// One row of Fixtures/statistics.tsv (Scripts/make-statistics.py).
    struct Row: Sendable, CustomTestStringConvertible {
        let spec: String
        let mean: Double
        let std: Double
        /// E f, E f², Var f, E f′, E f′²; nil where mpmath found them not finite.
        let values: [Double]?
        var testDescription: String { "\(spec) under N(\(mean), \(std)²)" }
    }

    static let rows: [Row] = fixtureLines("statistics").map { line in
        let fields = line.split(separator: "\t").map(String.init)
        let numbers = fields[3...].map { Double($0) ?? .nan }
        return Row(
            spec: fields[0], mean: Double(fields[1]) ?? 0, std: Double(fields[2]) ?? 1,
            values: numbers.contains { $0.isNaN } ? nil : numbers)
    }

    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        abs(a - b) <= tolerance * max(abs(b), 1e-300) || abs(a - b) <= 1e-15
    }

    @Test("every catalog function, variant and preset: the five moments to 1e-12 of mpmath", arguments: rows)
    func fixture(_ row: Row) throws {
        let f = try Catalog.activation(row.spec)
        let result = Result { () throws(GaussianStatistics.Failure) in
            try GaussianStatistics(of: f, mean: row.mean, standardDeviation: row.std)
        }
        guard let expected = row.values else {
            // mpmath found a moment not finite (log1mexp's E[f′²], a log's NaN half): so must we.
            #expect(throws: GaussianStatistics.Failure.self) { try result.get() }
            return
        }
        let s = try result.get()
        let found = [s.mean, s.secondMoment, s.variance, s.meanSlope, s.meanSquaredSlope]
        // Relative 1e-12, or absolute 1e-15 where the value is 0 (odd functions' means).
        for (name, (a, b)) in zip(["E f", "E f²", "Var f", "E f′", "E f′²"], zip(found, expected)) {
            #expect(Self.close(a, b), "\(row.spec) \(name): \(a), mpmath \(b)")
        }
        // The estimate is QUADPACK's, pessimistic; the values above meet 1e-12 against mpmath.
        #expect(s.errorEstimate <= 1e-10)
    }

    @Test("closed forms: relu, leaky relu, identity, gelu and silu")
    func closedForms() throws {
        let relu = try GaussianStatistics(of: try Catalog.activation("relu"))
        #expect(Self.close(relu.mean, 1 / (2 * Double.pi).squareRoot(), 1e-15))
        #expect(relu.secondMoment == 0.5 && Self.close(relu.forwardGain, 2.0.squareRoot(), 1e-15))
        for a in [0.01, 0.2, 0.3] {
            let leaky = try GaussianStatistics(of: try Catalog.activation("leaky_relu:alpha=\(a)"))
            #expect(Self.close(leaky.forwardGain, (2 / (1 + a * a)).squareRoot(), 1e-14), "\(a)")
        }
        let identity = try GaussianStatistics(of: try Catalog.activation("identity"))
        #expect(Self.close(identity.forwardGain, 1, 1e-15) && Self.close(identity.backwardGain, 1, 1e-15))
        let gelu = try GaussianStatistics(of: try Catalog.activation("gelu"))
        #expect(
            Self.close(gelu.mean, 1 / (2 * Double.pi.squareRoot()), 1e-14) && Self.close(gelu.meanSlope, 0.5))
        let silu = try GaussianStatistics(of: try Catalog.activation("silu"))
        #expect(Self.close(silu.meanSlope, 0.5, 1e-14))
    }

    @Test("exponential with a large σ overflows and says so, instead of a number")
    func divergence() throws {
        let f = try Catalog.activation("exponential")
        #expect(throws: GaussianStatistics.Failure.self) {
            try GaussianStatistics(of: f, mean: 0, standardDeviation: 40)
        }
        // E[e^{σZ}] = e^{σ²/2}: σ = 2 is fine.
        let s = try GaussianStatistics(of: f, mean: 0, standardDeviation: 2)
        #expect(Self.close(s.mean, Foundation.exp(2.0), 1e-13))
    }

    @Test("extremes and Lipschitz constants of gelu, silu, mish; relu's places")
    func extrema() throws {
        let gelu = ActivationExtrema(of: try Catalog.activation("gelu"))
        #expect(
            abs(gelu.lipschitz.value - 1.1289041) < 1e-7
                && abs((Double(gelu.lipschitz.at.description.dropFirst(4)) ?? 0) - 2.0.squareRoot()) < 1e-15)
        #expect(abs(gelu.minimum.value + 0.16997121) < 1e-8)
        let silu = ActivationExtrema(of: try Catalog.activation("silu"))
        #expect(
            abs(silu.minimum.value + 0.27846454) < 1e-8
                && silu.minimum.at.description.hasPrefix("x = -1.278464"))
        #expect(abs(silu.lipschitz.value - 1.0998393) < 1e-7)
        let mish = ActivationExtrema(of: try Catalog.activation("mish"))
        #expect(abs(mish.lipschitz.value - 1.0884982) < 1e-7 && abs(mish.minimum.value + 0.30884341) < 1e-8)
        let relu = ActivationExtrema(of: try Catalog.activation("relu"))
        #expect(relu.lipschitz.at.description == "x > 0" && relu.minimum.at.description == "x ≤ 0")
        #expect(relu.maximum.value == .infinity && relu.maximum.at == .limit(positive: true))
        let tanh = ActivationExtrema(of: try Catalog.activation("tanh"))
        #expect(tanh.minimum.value == -1 && tanh.minimum.at == .limit(positive: false))
        let step = ActivationExtrema(of: try Catalog.activation("binary_step"))
        #expect(step.lipschitz.value == .infinity)
    }

    @Test("moments that exist are computed when others overflow; an unsettled one is not called divergent")
    func partialMoments() throws {
        #expect {
            _ = try GaussianStatistics(of: try Catalog.activation("gelu"), mean: 0, standardDeviation: 1e300)
        } throws: { error in
            // E[gelu(Z)] = σ²/√(2π(1 + σ²)), σ/√(2π) to 1e-600 here; E[f²] ≈ σ²/2 overflows.
            guard case GaussianStatistics.Failure.partial(_, let m) = error, let mean = m[0], let slope = m[3]
            else {
                return false
            }
            return abs(mean / (1e300 / (2 * Double.pi).squareRoot()) - 1) < 1e-12 && m[1] == nil
                && m[2] == nil
                && abs(slope - 0.5) < 1e-12
        }
        #expect {
            _ = try GaussianStatistics(of: try Catalog.activation("sin(1/x)"))
        } throws: { error in
            if case GaussianStatistics.Failure.inaccurate = error { return true }
            return false
        }
    }

    @Test("a slope only one side has is approached, not reached; an unbounded one is said to be")
    func approachedSlopes() throws {
        let selu = ActivationExtrema(of: try Catalog.activation("selu"))
        #expect(selu.lipschitz.value == 1.7580993408473768)
        #expect(selu.lipschitz.at == .approach(0, side: -1) && selu.lipschitz.at.description == "x → 0⁻")
        // sin(1/x): the grid's largest |f′| (1.6e3 at x = −1/64) is no supremum.
        let wild = ActivationExtrema(of: try Catalog.activation("sin(1/x)"))
        #expect(wild.lipschitz.value == .infinity && wild.lipschitz.at.description == "x → 0")
        #expect(wild.maximum.value == 1)
        // A continuous slope at a corner is still reached there: relu's 1 is on x > 0.
        let elu = ActivationExtrema(of: try Catalog.activation("elu"))
        #expect(elu.lipschitz.value == 1)
    }

    @Test("mean field: tanh is critical at σw = 1, σb = 0 (q* = 0, χ₁ = 1); relu at √2")
    func meanField() throws {
        let tanh = try Catalog.activation("tanh")
        let critical = try MeanField(of: tanh, sigmaW: 1, sigmaB: 0)
        // q* → 0 (V(q) − q ≈ −2q² is lost in rounding below q ≈ 1e-16), and χ₁ = 1 there.
        #expect((critical.fixedPoint ?? 1) < 1e-12 && abs((critical.chi ?? 0) - 1) < 1e-12)
        #expect(abs((try MeanField(of: tanh, sigmaW: 0.5, sigmaB: 0).chi ?? 0) - 0.25) < 1e-14)
        // χ₁ − 1 is flat near σw = 1 (q* leaves 0 slowly): the edge is found to 1e-8.
        let sigmaW = try #require(try MeanField.criticalSigmaW(of: tanh, sigmaB: 0))
        #expect(abs(sigmaW - 1) < 1e-8)
        // relu's χ₁ is σw²/2 at every q, its limit at q* = 0 included.
        #expect(
            abs((try MeanField(of: try Catalog.activation("relu"), sigmaW: 0.5, sigmaB: 0).chi ?? 0) - 0.125)
                < 1e-14)
        let relu = try #require(try MeanField.criticalSigmaW(of: try Catalog.activation("relu"), sigmaB: 0))
        #expect(abs(relu - 2.0.squareRoot()) < 1e-12)
        // With a bias the fixed point is positive and χ₁ = 1 needs a larger σw.
        let biased = try #require(try MeanField.criticalSigmaW(of: tanh, sigmaB: 0.3))
        let atEdge = try MeanField(of: tanh, sigmaW: biased, sigmaB: 0.3)
        #expect(biased > 1 && abs((atEdge.chi ?? 0) - 1) < 1e-9 && (atEdge.fixedPoint ?? 0) > 0)
    }

    @Test("selu: N(0, 1) is its fixed point, E f = 0 and Var f = 1")
    func seluFixedPoint() throws {
        let s = try GaussianStatistics(of: try Catalog.activation("selu"))
        #expect(abs(s.mean) < 1e-15 && abs(s.variance - 1) < 1e-14 && abs(s.secondMoment - 1) < 1e-14)
    }
}
