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

/// f and f′ without f″ (the fast paths) give the scalar jet's bits.
@Suite("Batch evaluation without f″")
struct SlopeBatchTests {
    @Test(
        "batch values and derivatives alone equal the scalar jet's bit for bit",
        arguments: Catalog.all.map(\.name))
    func sameAsJet(name: String) throws {
        let f = try Catalog.activation(name)
        let xs = BatchTests.xs + (0..<4001).map { -20 + 0.01 * Double($0) }
        var values = [Double](repeating: 0, count: xs.count)
        var derivatives = values
        xs.withUnsafeBufferPointer { input in
            values.withUnsafeMutableBufferPointer { v in
                derivatives.withUnsafeMutableBufferPointer { d in f.evaluate(input, values: v, derivatives: d)
                }
            }
        }
        for (i, x) in xs.enumerated() {
            let jet = f.jet(at: x)
            #expect(values[i].bitPattern == jet.value.bitPattern, "\(name) at \(x)")
            #expect(derivatives[i].bitPattern == jet.derivative.bitPattern, "\(name)′ at \(x)")
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

/// GELU's batch kernel hands points beyond |x| = 37.5, ±∞ and NaN back to the scalar code,
/// and uses a series near gelu′'s zero: mixed into one block, every point still gets what it
/// gets alone.
@Suite("GELU's batch kernel")
struct GELUBatchKernelTests {
    static let specials: [Double] = [
        .nan, .infinity, -.infinity, 37.5, -37.5, 37.5.nextUp, (-37.5).nextDown, 40, -40, -38.6, 0, -0.0,
        .leastNonzeroMagnitude, RootSeries.geluDerivative.interval.lowerBound,
        RootSeries.geluDerivative.interval.upperBound, RootSeries.geluDerivative.root.hi, 8.125, -8.125,
    ]

    @Test("a block mixing kernel points, scalar points and series points equals the scalar jets")
    func mixedBlock() throws {
        let f = try Catalog.activation("gelu")
        // Specials scattered through 1,000 ordinary points, so that every block holds some.
        var xs = (0..<1000).map { -9 + 18 * Double($0) / 999 }
        for (k, x) in Self.specials.enumerated() { xs.insert(x, at: (k * 131) % xs.count) }
        let (values, slopes, curvatures) = f.jets(xs)
        let plain = f.values(xs)
        func same(_ a: Double, _ b: Double) -> Bool { a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN) }
        for (i, x) in xs.enumerated() {
            let jet = f.jet(at: x)
            #expect(same(values[i], jet.value), "f(\(x))")
            #expect(same(slopes[i], jet.derivative), "f′(\(x))")
            #expect(same(curvatures[i], jet.secondDerivative), "f″(\(x))")
            #expect(same(plain[i], f.value(at: x)), "values() at \(x)")
        }
        let nan = try #require(xs.firstIndex { $0.isNaN })
        #expect(values[nan].isNaN && slopes[nan].isNaN && plain[nan].isNaN)
    }
}
