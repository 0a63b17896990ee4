import Foundation
import Testing

@testable import ActivationCore

extension Tag {
    /// Prints figures instead of checking them; runs only when asked (`make accuracy`).
    @Tag static var report: Self
}

/// Every catalog function, parameter variant and framework preset against mpmath references
/// at ~140 points over the whole double line (Scripts/make-reference.py).
@Suite("Accuracy against mpmath")
struct AccuracyTests {
    /// The goal, in ulps of distance from the correctly rounded reference: f faithful (within
    /// 1 ulp, both `value(at:)` and `jet(at:)`), f′ within 2 ulp, f″ within 4.
    static let goal = Bounds(value: 1, derivative: 2, curvature: 4)

    /// Largest ulp distances allowed for f, f′ and f″.
    struct Bounds {
        var value, derivative, curvature: Double
    }

    /// The worst errors of one spec over the fixture.
    struct Errors {
        var value = 0.0
        var derivative = 0.0
        var curvatureUlps = 0.0
        var failures: [String] = []
    }

    static func measure(_ spec: String) throws -> Errors {
        let f = try Catalog.activation(spec)
        let bounds = Self.goal
        var errors = Errors()
        for row in ReferenceFixture.shared.rows[spec] ?? [] {
            let jet = f.jet(at: row.x)
            let fast = f.value(at: row.x)
            let valueError = Swift.max(ulpDistance(jet.value, row.value), ulpDistance(fast, row.value))
            let slopeError = ulpDistance(jet.derivative, row.derivative)
            let curvatureUlps = ulpDistance(jet.secondDerivative, row.secondDerivative)
            errors.value = Swift.max(errors.value, valueError)
            errors.derivative = Swift.max(errors.derivative, slopeError)
            errors.curvatureUlps = Swift.max(errors.curvatureUlps, curvatureUlps)
            if !(valueError <= bounds.value) {
                errors.failures.append("f(\(row.x)) = \(jet.value) / \(fast), reference \(row.value)")
            }
            if !(slopeError <= bounds.derivative) {
                errors.failures.append("f′(\(row.x)) = \(jet.derivative), reference \(row.derivative)")
            }
            if !(curvatureUlps <= bounds.curvature) {
                errors.failures.append(
                    "f″(\(row.x)) = \(jet.secondDerivative), reference \(row.secondDerivative)")
            }
        }
        return errors
    }

    @Test("f, f′ and f″ within bounds", arguments: ReferenceFixture.shared.specs)
    func withinBounds(spec: String) throws {
        let errors = try Self.measure(spec)
        let report = errors.failures.prefix(8).joined(separator: "\n")
        #expect(errors.failures.isEmpty, "\(spec): \(errors.failures.count) points out of bounds:\n\(report)")
    }

    @Test("the fixture covers every catalog function and every preset")
    func coverage() {
        let specs = Set(ReferenceFixture.shared.specs)
        for entry in Catalog.all {
            #expect(specs.contains(entry.name), "no references for \(entry.name)")
        }
        for preset in FrameworkPreset.all {
            let covered = specs.contains { spec in
                (try? Catalog.preset(named: spec)).map { $0 == preset } ?? false
            }
            #expect(covered, "no references for \(preset.qualifiedName)")
        }
        #expect(ReferenceFixture.shared.rows.values.map(\.count).min() ?? 0 >= 60)
    }
}

extension AccuracyTests {
    /// Prints the largest errors per spec: the figures behind `withinBounds`, which checks them.
    ///
    /// A report, not a test (it asserts nothing), so it runs only with ACTPLOT_REPORT set:
    /// `make accuracy`.
    @Test(
        "accuracy report", .tags(.report),
        .enabled(
            if: ProcessInfo.processInfo.environment["ACTPLOT_REPORT"] != nil, "set ACTPLOT_REPORT to print it"
        ))
    func accuracyReport() throws {
        var lines = ["spec\tmax f ulp\tmax f′ ulp\tmax f″ ulp"]
        for spec in ReferenceFixture.shared.specs {
            let e = try Self.measure(spec)
            lines.append("\(spec)\t\(Int(e.value))\t\(Int(e.derivative))\t\(Int(e.curvatureUlps))")
        }
        print(lines.joined(separator: "\n"))
    }
}
