import ActivationCore

/// A JSON document, written with numbers in shortest round-trip form and non-finite
/// numbers as the strings "inf", "-inf" and "nan" (JSON has no literal for them).
package indirect enum JSONValue: Sendable, Hashable {
    /// A number.
    case number(Double)
    /// A string.
    case string(String)
    /// true or false.
    case bool(Bool)
    /// null.
    case null
    /// An array.
    case array([JSONValue])
    /// An object whose keys keep the given order.
    case object([(String, JSONValue)])

    /// The document as text.
    /// - Parameter indent: Spaces per level; 0 writes one line.
    /// - Returns: The JSON text, without a trailing newline.
    package func text(indent: Int = 2) -> String {
        var out = ""
        write(to: &out, indent: indent, level: 0)
        return out
    }

    private func write(to out: inout String, indent: Int, level: Int) {
        // The padding is made only for containers: a number is written a million times in eval.
        let newline = indent > 0 ? "\n" : ""
        var pad: String { String(repeating: " ", count: indent * (level + 1)) }
        var closePad: String { String(repeating: " ", count: indent * level) }
        switch self {
        case .number(let value):
            out += value.isFinite ? DecimalText.shortest(value) : "\"\(DecimalText.shortest(value))\""
        case .string(let text):
            Self.quote(text, into: &out)
        case .bool(let flag):
            out += flag ? "true" : "false"
        case .null:
            out += "null"
        case .array(let items):
            if items.isEmpty { out += "[]"; return }
            let scalar = items.allSatisfy { if case .number = $0 { true } else { false } }
            if scalar {
                out += "[" + items.map { $0.text(indent: 0) }.joined(separator: ", ") + "]"
                return
            }
            out += "[" + newline
            let pad = pad
            for (i, item) in items.enumerated() {
                out += pad
                item.write(to: &out, indent: indent, level: level + 1)
                out += (i < items.count - 1 ? (indent > 0 ? "," : ", ") : "") + newline
            }
            out += closePad + "]"
        case .object(let members):
            if members.isEmpty { out += "{}"; return }
            out += "{" + newline
            let pad = pad
            for (i, (key, value)) in members.enumerated() {
                out += pad
                Self.quote(key, into: &out)
                out += ": "
                value.write(to: &out, indent: indent, level: level + 1)
                out += (i < members.count - 1 ? (indent > 0 ? "," : ", ") : "") + newline
            }
            out += closePad + "}"
        }
    }

    private static func quote(_ text: String, into out: inout String) {
        // Keys and most strings need no escape: they go in whole.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\"") && $0 != UInt8(ascii: "\\") }) {
            out += "\"" + text + "\""
            return
        }
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// Equality by content, as the text would show it: numbers by their bits (−0 is not 0,
    /// every NaN is "nan"), object members in order.
    package static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): x.bitPattern == y.bitPattern || (x.isNaN && y.isNaN)
        case (.string(let x), .string(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.null, .null): true
        case (.array(let x), .array(let y)): x == y
        case (.object(let x), .object(let y)): x.elementsEqual(y) { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    /// Hashes the content, consistently with ``==(_:_:)``.
    package func hash(into hasher: inout Hasher) {
        switch self {
        case .number(let x): hasher.combine(x.isNaN ? Double.nan.bitPattern : x.bitPattern)
        case .string(let x): hasher.combine(x)
        case .bool(let x): hasher.combine(x)
        case .null: hasher.combine(0)
        case .array(let items): hasher.combine(items)
        case .object(let members):
            for (key, value) in members {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }
}

extension ParameterValue {
    /// The value as JSON: a number (or "inf"), or a string.
    package var json: JSONValue {
        switch self {
        case .real(let value): .number(value)
        case .choice(let word): .string(word)
        }
    }
}
