import Foundation

#if canImport(Testing)
    // Swift Testing exists where tests are built; `make release` also compiles this target.
    import Testing
#endif

// What the command tests and the end-to-end tests read actplot's output with.

/// A test's own failure, with what went wrong.
public struct TestFailure: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String
    /// A failure saying `description`.
    public init(_ description: String) { self.description = description }
}

/// Parses JSON text, with numbers as correctly rounded Doubles.
///
/// Foundation's JSONSerialization on Linux rounds some numbers to a neighbouring double, which
/// would hide (or invent) last-bit differences; numbers are therefore read with `Double(String)`,
/// by a small parser of its own: objects as `[String: Any]`, arrays as `[Any]`, every number a
/// `Double`, strings, `Bool`s and `NSNull`.
/// - Throws: ``TestFailure`` where the text is not JSON.
public func parseJSON(_ text: String) throws -> Any {
    var parser = JSONParser(bytes: Array(text.utf8))
    let value = try parser.value()
    parser.skipSpace()
    guard parser.index == parser.bytes.count else { throw parser.failure("text after the value") }
    return value
}

/// A recursive-descent JSON reader over UTF-8 bytes.
private struct JSONParser {
    let bytes: [UInt8]
    var index = 0

    mutating func skipSpace() {
        while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
    }

    func failure(_ what: String) -> TestFailure {
        TestFailure("not JSON at byte \(index): \(what)")
    }

    mutating func value() throws -> Any {
        skipSpace()
        guard index < bytes.count else { throw failure("the text ends") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return try string()
        case UInt8(ascii: "t"): return try word("true", true)
        case UInt8(ascii: "f"): return try word("false", false)
        case UInt8(ascii: "n"): return try word("null", NSNull())
        default: return try number()
        }
    }

    mutating func word(_ text: String, _ value: Any) throws -> Any {
        let word = Array(text.utf8)
        guard bytes.count - index >= word.count, Array(bytes[index..<index + word.count]) == word else {
            throw failure("expected \(text)")
        }
        index += word.count
        return value
    }

    mutating func number() throws -> Double {
        let start = index
        while index < bytes.count, "+-0123456789.eE".utf8.contains(bytes[index]) { index += 1 }
        guard let value = Double(String(decoding: bytes[start..<index], as: UTF8.self)) else {
            throw failure("expected a value")
        }
        return value
    }

    mutating func string() throws -> String {
        index += 1
        var out: [UInt8] = []
        while index < bytes.count, bytes[index] != UInt8(ascii: "\"") {
            if bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count {
                index += 1
                switch bytes[index] {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "u"):
                    let hex = String(
                        decoding: bytes[(index + 1)..<Swift.min(index + 5, bytes.count)], as: UTF8.self)
                    guard let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) else {
                        throw failure("a bad \\u escape")
                    }
                    out += Array(String(Character(scalar)).utf8)
                    index += 4
                default: out.append(bytes[index])
                }
            } else {
                out.append(bytes[index])
            }
            index += 1
        }
        guard index < bytes.count else { throw failure("an unterminated string") }
        index += 1
        return String(decoding: out, as: UTF8.self)
    }

    mutating func array() throws -> [Any] {
        index += 1
        var items: [Any] = []
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return items
        }
        while true {
            items.append(try value())
            skipSpace()
            guard index < bytes.count else { throw failure("an unterminated array") }
            index += 1
            if bytes[index - 1] == UInt8(ascii: "]") { return items }
            guard bytes[index - 1] == UInt8(ascii: ",") else { throw failure("expected , or ]") }
        }
    }

    mutating func object() throws -> [String: Any] {
        index += 1
        var members: [String: Any] = [:]
        skipSpace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return members
        }
        while true {
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
                throw failure("expected a key")
            }
            let key = try string()
            skipSpace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw failure("expected :") }
            index += 1
            members[key] = try value()
            skipSpace()
            guard index < bytes.count else { throw failure("an unterminated object") }
            index += 1
            if bytes[index - 1] == UInt8(ascii: "}") { return members }
            guard bytes[index - 1] == UInt8(ascii: ",") else { throw failure("expected , or }") }
        }
    }
}

/// Reads CSV text into a header and rows of numbers (no quoted numeric fields occur).
public func parseCSV(_ text: String) -> (header: [String], rows: [[Double]]) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #if canImport(Testing)
        #expect(lines.last == "", "CSV ends with a line end")
    #endif
    lines.removeLast()
    let header = splitFields(lines[0])
    let rows = lines.dropFirst().map { $0.split(separator: ",").map { Double($0) ?? .nan } }
    return (header, rows)
}

/// The fields of one CSV line, quotes removed (RFC 4180).
public func splitFields(_ line: String) -> [String] {
    var fields: [String] = []
    var current = ""
    var quoted = false
    var chars = Array(line)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" {
                    current.append("\""); chars.removeFirst()
                } else {
                    quoted = false
                }
            } else {
                current.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            fields.append(current); current = ""
        } else {
            current.append(c)
        }
    }
    fields.append(current)
    return fields
}
