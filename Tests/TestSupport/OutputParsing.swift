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
/// would hide (or invent) last-bit differences; numbers are therefore read with `Double(String)`.
public func parseJSON(_ text: String) throws -> Any {
    let marker = "~number~"
    let number = /(?<lead>[:\[,]\s*)(?<number>-?[0-9][0-9.eE+\-]*)(?=\s*[,\]\}])/
    let quoted = text.replacing(number) { match in "\(match.lead)\"\(marker)\(match.number)\"" }
    let object = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: [.fragmentsAllowed])
    func convert(_ value: Any) -> Any {
        if let s = value as? String, s.hasPrefix(marker) {
            return Double(s.dropFirst(marker.count)) ?? Double.nan
        }
        if let a = value as? [Any] { return a.map(convert) }
        if let d = value as? [String: Any] { return d.mapValues(convert) }
        return value
    }
    return convert(object)
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
