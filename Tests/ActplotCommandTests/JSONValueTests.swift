import Testing

@testable import ActplotCommand

/// JSON text: numbers shortest, non-finite numbers as strings.
@Suite("JSON text")
struct JSONTextTests {
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
