import ActivationCore
import Testing

/// The byte formatter against the standard library's `description`, which is the contract.
@Suite("DecimalText: shortest round-trip text in bytes")
struct DecimalTextTests {
    /// `description` without a trailing `.0`, the text DecimalText promises.
    static func expected(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        return text
    }

    static func text(_ value: Double) -> String {
        var bytes: [UInt8] = []
        DecimalText.append(value, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static let specialValues: [Double] = [
        0, -0.0, 1, -1, 0.1, 0.5, 100, 1e-4, 9e-5, 0.00012345, 1e15, 9_999_999_999_999_998, 1e16, 1.5e16,
        18_014_398_509_481_984, 1e17, 1e22, 1e23, 123.456, 12_345_678.9, .leastNonzeroMagnitude,
        .leastNormalMagnitude, .leastNormalMagnitude.nextDown, .greatestFiniteMagnitude, 2.5e-5,
        -1.4332578593959695e-06, 4.9999989999999, 0.3, 2.0 / 3, 1e-300, 5e-310, .pi, 9007199254740993,
        4_503_599_627_370_496.5, .infinity, -.infinity, .nan,
    ]

    @Test("special values, boundaries and notation switches", arguments: specialValues)
    func special(_ value: Double) {
        #expect(Self.text(value) == Self.expected(value))
    }

    @Test("every power of two and of ten, and their neighbours")
    func powers() {
        var mismatches: [Double] = []
        for e in -1074...1023 {
            let v = Double(sign: .plus, exponent: e, significand: 1)
            for x in [v, v.nextUp, v.nextDown, -v] where Self.text(x) != Self.expected(x) {
                mismatches.append(x)
            }
        }
        for e in -323...308 {
            let v = Double("1e\(e)")!
            for x in [v, v.nextUp, v.nextDown] where Self.text(x) != Self.expected(x) { mismatches.append(x) }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5).map { ($0, Self.text($0), Self.expected($0)) })")
    }

    @Test("a million random bit patterns, and every decade of random decimals")
    func random() {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            var z = state
            z = (z ^ (z >> 33)) &* 0xFF51_AFD7_ED55_8CCD
            return z ^ (z >> 33)
        }
        var mismatches: [Double] = []
        for _ in 0..<1_000_000 {
            let x = Double(bitPattern: next())
            if Self.text(x) != Self.expected(x) { mismatches.append(x) }
        }
        for e in -12...18 {
            for _ in 0..<2_000 {
                // Short decimals such as 0.123 and 4.5e7, where the shortest text is short.
                let digits = Double(next() % 100_000)
                let x = Double("\(Int(digits))e\(e - 5)")!
                if Self.text(x) != Self.expected(x) { mismatches.append(x) }
            }
        }
        #expect(
            mismatches.isEmpty, "\(mismatches.count): \(mismatches.prefix(5).map { ($0, Self.text($0)) })")
    }
}
