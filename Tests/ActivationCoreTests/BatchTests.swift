import Testing

@testable import ActivationCore

/// The batch API gives exactly what the scalar API gives.
@Suite("Batch evaluation")
struct BatchTests {
    static let xs: [Double] =
        (0..<1001).map { -50 + 0.1 * Double($0) } + [0, -0, .infinity, -.infinity, 1e-300, 710]

    @Test(
        "batch values and derivatives equal the scalar ones bit for bit", arguments: Catalog.all.map(\.name))
    func sameAsScalar(name: String) throws {
        let f = try Catalog.activation(name)
        var values = [Double](repeating: 0, count: Self.xs.count)
        var derivatives = values
        var second = values
        Self.xs.withUnsafeBufferPointer { input in
            values.withUnsafeMutableBufferPointer { v in
                derivatives.withUnsafeMutableBufferPointer { d in
                    second.withUnsafeMutableBufferPointer { s in
                        f.evaluate(input, values: v, derivatives: d, secondDerivatives: s)
                    }
                }
            }
        }
        let plain = f.values(Self.xs)
        for (i, x) in Self.xs.enumerated() {
            let jet = f.jet(at: x)
            #expect(values[i].bitPattern == jet.value.bitPattern, "\(name) at \(x)")
            #expect(derivatives[i].bitPattern == jet.derivative.bitPattern, "\(name)′ at \(x)")
            #expect(second[i].bitPattern == jet.secondDerivative.bitPattern, "\(name)″ at \(x)")
            #expect(plain[i].bitPattern == f.value(at: x).bitPattern, "\(name) values() at \(x)")
        }
    }
}

/// Batches long enough to be split across cores give what one point at a time gives.
@Suite("Parallel batches")
struct ParallelBatchTests {
    @Test(
        "a 300,000-point batch equals the scalar jets", arguments: ["gelu", "relu", "x*tanh(log1p(exp(x)))"])
    func parallel(_ spec: String) throws {
        let f = try Catalog.activation(spec)
        let xs = (0..<300_000).map { -30 + 60 * Double($0) / 299_999 }
        var (v, d) = ([Double](repeating: 0, count: xs.count), [Double](repeating: 0, count: xs.count))
        xs.withUnsafeBufferPointer { x in
            v.withUnsafeMutableBufferPointer { v in
                d.withUnsafeMutableBufferPointer { d in f.evaluate(x, values: v, derivatives: d) }
            }
        }
        let mismatches = xs.indices.filter { i in
            let j = f.jet(at: xs[i])
            return v[i].bitPattern != j.value.bitPattern || d[i].bitPattern != j.derivative.bitPattern
        }
        #expect(
            mismatches.isEmpty,
            "\(mismatches.count) points differ, first at x = \(mismatches.first.map { xs[$0] } ?? 0)")
    }
}
