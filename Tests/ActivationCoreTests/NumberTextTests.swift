import Testing

@testable import ActivationCore

/// Number text: shortest round-trip by default, N significant digits on request.
@Suite("Number text")
struct NumberTextTests {
    @Test(
        "shortest text reads back to the same double",
        arguments: [
            0.1, -0.5, 1, 1e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 2.0 / 3, -0.0, 1e16,
            123456789.125,
        ])
    func roundTrip(value: Double) {
        let text = NumberText.format(value)
        #expect(Double(text)?.bitPattern == value.bitPattern)
        #expect(!text.hasSuffix(".0"))
    }

    @Test("non-finite values and fixed precision")
    func special() {
        #expect(NumberText.format(.infinity) == "inf")
        #expect(NumberText.format(-.infinity) == "-inf")
        #expect(NumberText.format(.nan) == "nan")
        #expect(NumberText.format(2.0 / 3, significantDigits: 4) == "0.6667")
        #expect(NumberText.format(123456, significantDigits: 2) == "120000")
        #expect(NumberText.format(1.5e-300, significantDigits: 1) == "2e-300")
        #expect(NumberText.format(0, significantDigits: 3) == "0")
    }
}
