import Testing

@testable import ActivationPlot

/// The tick engine: nice steps, exact labels, tiny and huge ranges.
@Suite("Ticks")
struct TickTests {
    func labels(_ lower: Double, _ upper: Double, _ target: Int) -> [String] {
        TickEngine.ticks(from: lower, to: upper, target: target).map(\.label)
    }

    @Test("known inputs give known ticks")
    func known() {
        #expect(labels(-5, 5, 5) == ["-5", "-2.5", "0", "2.5", "5"])
        #expect(labels(-5, 5, 11) == ["-5", "-4", "-3", "-2", "-1", "0", "1", "2", "3", "4", "5"])
        #expect(labels(0, 1, 6) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        #expect(labels(8.1, 14.1, 4) == ["10", "12", "14"])
        #expect(labels(-0.17, 1.2, 5) == ["0", "0.4", "0.8", "1.2"])
        #expect(labels(-1e300, 1e300, 5) == ["-1e300", "-5e299", "0", "5e299", "1e300"])
        #expect(labels(123456, 123457, 5) == ["123456", "123456.25", "123456.5", "123456.75", "123457"])
        #expect(labels(1e-9, 3e-9, 5) == ["1e-9", "1.5e-9", "2e-9", "2.5e-9", "3e-9"])
        #expect(labels(0, 1e-300, 3) == ["0", "5e-301", "1e-300"])
    }

    static let ranges: [[Double]] = [
        [-5, 5], [0, 1e-300], [-1e300, 1e300], [1e-9, 3e-9], [0.1, 0.3], [123456, 123457], [-745, -700],
        [1 - 1e-12, 1 + 1e-12], [-3.7e-7, 2.2e-6],
    ]

    @Test(
        "every label reads back to its tick value exactly; ticks are inside the range, evenly spaced",
        arguments: Self.ranges)
    func labelsExact(bounds: [Double]) {
        let range = (bounds[0], bounds[1])
        for target in [2, 3, 5, 8, 12] {
            let ticks = TickEngine.ticks(from: range.0, to: range.1, target: target)
            #expect(ticks.count >= 2)
            for tick in ticks {
                #expect(Double(tick.label) == tick.value, "\(tick)")
                #expect(
                    tick.value >= range.0 - 1e-9 * (range.1 - range.0)
                        && tick.value <= range.1 + 1e-9 * (range.1 - range.0))
            }
            #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0.value < $1.value })
            let steps = zip(ticks, ticks.dropFirst()).map { $1.value - $0.value }
            if let first = steps.first {
                let slack = 4 * Swift.max(abs(ticks[0].value), abs(ticks[ticks.count - 1].value)).ulp
                #expect(steps.allSatisfy { abs($0 - first) <= 1e-9 * abs(first) + slack }, "uneven \(ticks)")
            }
        }
    }

    @Test("decimal text is exact")
    func decimal() {
        #expect(TickEngine.decimal(mantissa: 25, exponent: -1) == "2.5")
        #expect(TickEngine.decimal(mantissa: -3, exponent: -2) == "-0.03")
        #expect(TickEngine.decimal(mantissa: 4, exponent: 3) == "4000")
        #expect(TickEngine.decimal(mantissa: 1, exponent: -7) == "1e-7")
        #expect(TickEngine.decimal(mantissa: 25, exponent: 299) == "2.5e300")
        #expect(TickEngine.decimal(mantissa: 300, exponent: -1) == "30")
    }

    @Test("samples are clean decimals and end exactly at the bounds")
    func sampling() {
        let s = Sampling(from: -5, to: 5, count: 101)
        #expect(s[1] == -4.9 && s[50] == 0 && s[100] == 5 && s[99] == 4.9)
        #expect(s.map { $0 }.count == 101)
        let byStep = Sampling(from: -5, to: 5, step: 0.1)
        #expect(byStep?.count == 101 && byStep?[100] == 5)
        let partial = Sampling(from: 0, to: 1, step: 0.3)
        #expect(partial?.count == 4 && partial?.upper == 0.8999999999999999)
        #expect(Sampling(from: 0, to: 1, step: 2) == nil)
    }
}
