import Testing

@testable import ActivationCore

/// Vector functions: outputs, Jacobians (against central differences), stability.
@Suite("Vector functions")
struct VectorTests {
    static let inputs: [[Double]] = [
        [1, 2, 3], [0.5, -1, 2, 0], [1000, 0, -1000], [-3, 7], [1e-9, -2e-9],
    ]

    static func numericalJacobian(_ f: VectorFunction, _ x: [Double]) -> [[Double]] {
        let h = 1e-6
        let n = f.evaluate(x).output.count
        var columns: [[Double]] = []
        for j in x.indices {
            var up = x, down = x
            up[j] += h
            down[j] -= h
            let a = f.evaluate(up).output, b = f.evaluate(down).output
            columns.append((0..<n).map { (a[$0] - b[$0]) / (2 * h) })
        }
        return (0..<n).map { i in x.indices.map { j in columns[j][i] } }
    }

    @Test(
        "Jacobians agree with central differences",
        arguments: ["softmax", "log_softmax", "softmin", "glu", "crelu"])
    func jacobians(name: String) throws {
        let f = try #require(Catalog.entry(named: name)?.vector)
        // Differences straddling crelu's corner at 0 measure nothing; keep away from it.
        let smooth = { (x: [Double]) in name != "crelu" || x.allSatisfy { abs($0) > 1e-3 } }
        for x in Self.inputs
        where f.problem(withLength: x.count) == nil && x.allSatisfy({ abs($0) < 100 }) && smooth(x) {
            let exact = f.evaluate(x).jacobian
            let numeric = Self.numericalJacobian(f, x)
            for (r1, r2) in zip(exact, numeric) {
                for (a, b) in zip(r1, r2) { #expect(abs(a - b) < 1e-7, "\(name) at \(x): \(a) vs \(b)") }
            }
        }
    }

    @Test("softmax sums to 1 and survives large inputs; log_softmax of [1000, 0, −1000]")
    func stability() throws {
        let softmax = try #require(Catalog.entry(named: "softmax")?.vector)
        let s = softmax.evaluate([1000, 0, -1000]).output
        #expect(s == [1, exp(-1000.0), 0])
        for x in Self.inputs {
            #expect(abs(softmax.evaluate(x).output.reduce(0, +) - 1) <= 2 * Double.ulpOfOne)
        }
        let logSoftmax = try #require(Catalog.entry(named: "log_softmax")?.vector)
        #expect(logSoftmax.evaluate([1000, 0, -1000]).output == [0, -1000, -2000])
    }

    static let references = VectorReference.all

    @Test("whole vectors against mpmath: outputs within 2 ulp, Jacobians within 6", arguments: references)
    func againstReferences(_ reference: VectorReference) throws {
        let f = try #require(Catalog.activation(reference.function).vector)
        let result = f.evaluate(reference.input)
        #expect(result.output.count == reference.output.count)
        for (i, (got, want)) in zip(result.output, reference.output).enumerated() {
            #expect(ulpDistance(got, want) <= 2, "output \(i): \(got), reference \(want)")
        }
        for (i, (row, want)) in zip(result.jacobian, reference.jacobian).enumerated() {
            for (j, (a, b)) in zip(row, want).enumerated() {
                #expect(ulpDistance(a, b) <= 6, "J[\(i)][\(j)] = \(a), reference \(b)")
            }
        }
    }

    /// The largest errors per function over the vector fixture; a report (`make accuracy`).
    @Test(
        "vector accuracy report", .tags(.report),
        .enabled(if: reportsRequested, "set ACTPLOT_REPORT to print it"))
    func accuracyReportOfVectors() throws {
        var worst: [String: (output: Double, jacobian: Double)] = [:]
        for reference in Self.references {
            let f = try #require(Catalog.activation(reference.function).vector)
            let result = f.evaluate(reference.input)
            var w = worst[reference.function] ?? (0, 0)
            for (a, b) in zip(result.output, reference.output) { w.output = max(w.output, ulpDistance(a, b)) }
            for (row, want) in zip(result.jacobian, reference.jacobian) {
                for (a, b) in zip(row, want) { w.jacobian = max(w.jacobian, ulpDistance(a, b)) }
            }
            worst[reference.function] = w
        }
        print("vector\tmax output ulp\tmax Jacobian ulp")
        for (name, w) in worst.sorted(by: { $0.key < $1.key }) {
            print("\(name)\t\(Int(w.output))\t\(Int(w.jacobian))")
        }
    }

    @Test("a one-component slice is the whole vector's component 0, bit for bit", arguments: references)
    func sliceIsComponent(_ reference: VectorReference) throws {
        guard ["softmax", "log_softmax", "softmin"].contains(reference.function) else { return }
        let x = reference.input[0]
        let slice = try Catalog.activation(reference.function, others: Array(reference.input.dropFirst()))
        let whole = try #require(Catalog.entry(named: reference.function)?.vector).evaluate(reference.input)
        let jet = slice.jet(at: x)
        #expect(
            jet.value.bitPattern == whole.output[0].bitPattern || (jet.value.isNaN && whole.output[0].isNaN))
        #expect(slice.value(at: x).bitPattern == jet.value.bitPattern || jet.value.isNaN)
        #expect(jet.derivative.bitPattern == whole.jacobian[0][0].bitPattern || jet.derivative.isNaN)
    }

    @Test("glu halves, crelu doubles; glu refuses odd lengths")
    func shapes() throws {
        let glu = try #require(Catalog.entry(named: "glu")?.vector)
        #expect(glu.evaluate([2, 0]).output == [1])
        #expect(glu.problem(withLength: 3) != nil)
        #expect(glu.problem(withLength: 0) != nil)
        let crelu = try #require(Catalog.entry(named: "crelu")?.vector)
        #expect(crelu.evaluate([1, -2, 0]).output == [1, 0, 0, 0, 2, 0])
    }

    @Test("a slice with other inputs matches the vector output component 0")
    func slices() throws {
        for name in ["softmax", "log_softmax", "softmin"] {
            let others = [0.5, -1, 2]
            let slice = try Catalog.activation(name, others: others)
            let vector = try #require(Catalog.entry(named: name)?.vector)
            for x in [-3.0, 0, 0.7, 4] {
                let full = vector.evaluate([x] + others)
                #expect(
                    abs(slice.value(at: x) - full.output[0]) <= 4 * abs(full.output[0]).ulp, "\(name) at \(x)"
                )
                #expect(abs(slice.derivative(at: x) - full.jacobian[0][0]) <= 1e-15, "\(name)′ at \(x)")
            }
        }
        let glu = try Catalog.activation("glu", others: [0, 1.5, -2])
        #expect(glu.value(at: 2) == 2 * (1 / (1 + exp(-1.5))))
    }
}

extension VectorReference: CustomTestStringConvertible {}
