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

    @Test("one notation per axis: if a label needs an exponent, every non-zero label has one")
    func oneNotation() {
        for (lower, upper, target) in [(-1e6, 1e6, 9), (0.0, 2e6, 5), (-3e-5, 3e-5, 7), (1e5, 1.2e6, 6)] {
            let labels = TickEngine.ticks(from: lower, to: upper, target: target).map(\.label)
            let scientific = labels.filter { $0 != "0" }.map { $0.contains("e") }
            #expect(Set(scientific).count == 1, "\(labels)")
            for label in labels { #expect(Double(label) != nil) }
        }
        #expect(TickEngine.ticks(from: -1e6, to: 1e6, target: 9).map(\.label).contains("-5e5"))
        // Positional labels stay positional.
        #expect(TickEngine.ticks(from: -5, to: 5, target: 5).map(\.label) == ["-5", "-2.5", "0", "2.5", "5"])
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
        #expect(partial?.count == 4 && partial?.upper == 0.9 && partial?[1] == 0.3 && partial?[2] == 0.6)
        #expect(Sampling(from: 0, to: 1, step: 2) == nil)
        // Thirds are not decimals: the nearest doubles to 1/3 and 7e20/3.
        #expect(Sampling(from: 0, to: 1, count: 4)[1] == 0.3333333333333333)
        #expect(Sampling(from: 1e20, to: 3e20, count: 4)[2] == 2.3333333333333334e20)
        // Decimals too wide for 128 bits fall back to the double formula.
        #expect(Sampling(from: -1e-300, to: 1e300, count: 3)[1] == 5e299)
    }

    /// a·10^e as text, from integers only.
    static func decimal(_ a: Int, _ e: Int) -> String { "\(a)e\(e)" }

    @Test("x_i is the double nearest the exact decimal, over random decimal ranges, steps and counts")
    func cleanDecimals() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            // lower = a·10^e, step = h·10^e, n intervals: x_i = (a + i·h)·10^e exactly.
            let e = Int.random(in: -15...5, using: &generator)
            let a = Int.random(in: -99_999...99_999, using: &generator)
            let h = Int.random(in: 1...9_999, using: &generator)
            let n = Int.random(in: 1...400, using: &generator)
            let lower = try #require(Double(Self.decimal(a, e)))
            let upper = try #require(Double(Self.decimal(a + n * h, e)))
            let step = try #require(Double(Self.decimal(h, e)))
            let expected = try (0...n).map { try #require(Double(Self.decimal(a + $0 * h, e))) }
            let byStep = try #require(Sampling(from: lower, to: upper, step: step))
            #expect(Array(byStep) == expected, "\(lower):\(upper) by \(step)")
            #expect(Array(Sampling(from: lower, to: upper, count: n + 1)) == expected)
            // A range that is not a whole number of steps ends at the last step inside it.
            let longer = try #require(Double(Self.decimal(a + n * h + h / 2, e)))
            if h >= 2, let partial = Sampling(from: lower, to: longer, step: step) {
                #expect(Array(partial) == expected, "\(lower):\(longer) by \(step)")
            }
        }
    }
}

/// Log and symlog axes: positions and their inverse, and ticks written as values.
@Suite("Axis scales")
struct AxisScaleTests {
    @Test("a log axis has minor ticks at 2…9 times each decade, none past 12 decades or off log")
    func minorTicks() {
        let ticks = AxisScale.log.minorTicks(from: -3, to: 3)
        #expect(ticks.count == 48 && ticks.first.map { abs($0 - (-3 + log10(2))) < 1e-12 } == true)
        #expect(ticks.allSatisfy { $0 > -3 && $0 < 3 && $0 != $0.rounded() })
        #expect(AxisScale.log.minorTicks(from: -20, to: 20).isEmpty)
        #expect(AxisScale.linear.minorTicks(from: 0, to: 1).isEmpty)
        #expect(AxisScale.symlog(threshold: 1).minorTicks(from: 0, to: 3).isEmpty)
    }

    @Test("position and value are inverse; log has no place for y ≤ 0; symlog is odd and linear near 0")
    func inverse() {
        for scale in [AxisScale.log, .symlog(threshold: 0.01), .symlog(threshold: 3)] {
            for v in [1e-300, 1e-5, 0.3, 1, 7, 1e10, 1e300] {
                let back = scale.value(at: scale.position(v))
                #expect(abs(back - v) <= 1e-12 * v, "\(scale) at \(v): \(back)")
            }
        }
        #expect(AxisScale.log.position(0).isNaN && AxisScale.log.position(-1).isNaN)
        #expect(AxisScale.log.position(1000) == 3)
        let symlog = AxisScale.symlog(threshold: 2)
        #expect(symlog.position(-5) == -symlog.position(5) && symlog.position(0) == 0)
        // Linear near 0: log₁₀(1 + v/t) ≈ v/(t·ln 10).
        #expect(abs(symlog.position(1e-9) / (1e-9 / 2 / 2.302585092994046) - 1) < 1e-9)
    }

    @Test("log ticks sit on decades (every fifth of 300), labelled as powers of ten")
    func decades() {
        let few = AxisScale.log.ticks(from: -3.2, to: 2.5, target: 9) { _ in true }
        #expect(few.map(\.value) == [-3, -2, -1, 0, 1, 2])
        #expect(few.map(\.label) == ["0.001", "0.01", "0.1", "1", "10", "100"])
        let many = AxisScale.log.ticks(from: -1, to: 308, target: 9) { _ in true }
        #expect(many.allSatisfy { $0.value.truncatingRemainder(dividingBy: 50) == 0 })
        #expect(many.contains { $0.label == "1e300" })
        let narrow = AxisScale.log.ticks(from: 0.3, to: 0.7, target: 5) { _ in true }
        #expect(narrow.count >= 2 && narrow.allSatisfy { $0.value >= 0.3 && $0.value <= 0.7 })
    }
}
