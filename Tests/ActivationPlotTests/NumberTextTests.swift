import Testing

@testable import ActivationPlot

/// Number text: shortest round-trip by default, N significant digits on request.
@Suite("Number text and JSON")
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

    @Test("JSON: numbers shortest, non-finite as strings, strings escaped, order kept")
    func json() {
        let value = JSONValue.object([
            ("b", .number(1)),
            ("a", .array([.number(0.1), .number(.infinity), .number(-.infinity), .number(.nan)])),
            ("s", .string("quote \" backslash \\ newline \n tab \t bell \u{7}")), ("t", .bool(true)),
            ("n", .null),
        ])
        #expect(
            value.text(indent: 0)
                == #"{"b": 1, "a": [0.1, "inf", "-inf", "nan"], "s": "quote \" backslash \\ newline \n tab \t bell \u0007", "t": true, "n": null}"#
        )
    }
}

/// JSON values compare by content, as their text would show it.
@Suite("JSON values")
struct JSONValueTests {
    @Test("equal when the text is, without writing it")
    func equality() {
        let a = JSONValue.object([("x", .number(0.1)), ("y", .array([.number(.nan), .string("inf")]))])
        let b = JSONValue.object([("x", .number(0.1)), ("y", .array([.number(-.nan), .string("inf")]))])
        #expect(a == b && a.hashValue == b.hashValue)
        #expect(a.text() == b.text())
        #expect(
            JSONValue.number(0) != .number(-0.0)
                && JSONValue.number(0).text() != JSONValue.number(-0.0).text())
        #expect(JSONValue.object([("x", .null), ("y", .null)]) != .object([("y", .null), ("x", .null)]))
        #expect(JSONValue.bool(true) != .number(1))
    }
}
