import ActivationCore
import Testing

@testable import ActivationPlot

/// The automatic y range: quantiles, local extrema within ten spans, f's share of the height,
/// and the marks where a curve leaves the frame.
@Suite("Automatic y range")
struct AxisRangeTests {
    func figure(_ spec: String, range: ClosedRange<Double>, samples: Int = 1201, derivative: Bool = true)
        throws -> Figure
    {
        let f = try Catalog.activation(spec)
        return Figure(
            functions: [(name: spec, function: f)],
            sampling: Sampling(from: range.lowerBound, to: range.upperBound, count: samples),
            derivative: derivative)
    }

    /// One curve through the given values on [0, 1].
    func curve(_ y: [Double]) -> Figure {
        let x = y.indices.map { Double($0) / Double(y.count - 1) }
        return Figure(
            title: "", series: [.init(name: "c", function: 0, role: .value, x: x, y: y)], xRange: 0...1)
    }

    @Test("log on [−2, 4]: f′ = 1/x no longer takes the axis; log keeps 40 % of it, and f′ is marked")
    func logKeepsItsShare() throws {
        var f = try figure("log(x)", range: -2...4)
        let range = f.yRange
        let values = try #require(f.series.first { $0.role == .value }).y.filter(\.isFinite)
        let shown = values.filter { range.contains($0) }
        let share = ((shown.max() ?? 0) - (shown.min() ?? 0)) / (range.upperBound - range.lowerBound)
        #expect(range.upperBound < 20, "\(range)")
        #expect(share >= 0.4 / 1.08, "log takes \(share) of the height")
        f.markExits()
        let exits = f.exits.filter { $0.upward }
        #expect(exits.count == 1 && abs((exits.first?.x ?? 9) - 0.05) < 0.1, "\(f.exits)")
        #expect(f.notes.contains { $0.text.hasPrefix("log(x)′ leaves the plot near x = 0.") }, "\(f.notes)")
    }

    @Test(
        "tan over six poles: the range is the curve's, not a pole's one-sided limit, and each pole is marked")
    func tanPoles() throws {
        var f = try figure("tan(x)", range: -10...10, derivative: false)
        let range = f.yRange
        #expect(range.upperBound < 1000 && range.lowerBound > -1000, "\(range)")
        f.markExits()
        let poles = (-3...2).map { (Double($0) + 0.5) * Double.pi }
        for pole in poles {
            #expect(f.exits.contains { abs($0.x - pole) < 0.05 && $0.upward }, "no upward exit at \(pole)")
            #expect(f.exits.contains { abs($0.x - pole) < 0.05 && !$0.upward }, "no downward exit at \(pole)")
        }
        let note = try #require(f.notes.first { $0.text.contains("leaves the plot") })
        #expect(note.text.contains("-7.9, -4.7, -1.6 and 3 more places"), "\(note.text)")
    }

    @Test("a one-sample peak within ten spans widens the range; one beyond them is cut off and marked")
    func extrema() throws {
        let base = (0..<1001).map { sin(Double($0) / 100) }
        var near = base
        near[500] = 15
        #expect(curve(near).automaticYRange?.upperBound == 15)
        var far = base
        far[500] = 100
        var spiked = curve(far)
        let top = try #require(spiked.automaticYRange?.upperBound)
        #expect(top < 1.01, "\(top)")
        spiked.markExits()
        #expect(spiked.exits.count == 1 && spiked.exits.first?.x == 0.5 && spiked.exits.first?.upward == true)
        #expect(spiked.notes.map(\.text) == ["c leaves the plot near x = 0.5"])
    }

    @Test("the interval's ends count as extrema: a steep monotone curve keeps its last samples")
    func ends() throws {
        let f = try figure("exponential", range: -5...10, samples: 401, derivative: false)
        let top = try #require(f.series.first?.y.last)
        #expect(top > 22026 && f.automaticYRange?.upperBound == top)
        var g = f
        g.markExits()
        #expect(g.exits.isEmpty && g.notes.allSatisfy { !$0.text.contains("leaves") })
    }

    @Test("a fixed range and every ordinary activation: nothing is cut off")
    func ordinary() throws {
        for spec in ["gelu", "sigmoid", "relu", "mish", "elu", "hardswish", "softplus", "tanh", "selu"] {
            var f = try figure(spec, range: -6...6, samples: 401)
            f.markExits()
            #expect(f.exits.isEmpty, "\(spec): \(f.notes.map(\.text))")
        }
    }

    @Test("σ′ beside σ ≈ 1 on [4, 8]: f keeps its share, and σ′, wholly below, is named with its range")
    func whollyOutside() throws {
        var f = try figure("sigmoid", range: 4...8, samples: 401)
        f.markExits()
        let note = try #require(f.notes.first { $0.text.contains("lies below the plot") })
        #expect(
            note.text == "sigmoid′ lies below the plot (0.000335 … 0.0177): draw it on a scale of its own")
        #expect(f.exits.count == 1 && f.exits.first?.x == 4 && f.exits.first?.upward == false)
    }
}
