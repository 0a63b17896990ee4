import Foundation

/// A `.npy` file as the tests read it, by NumPy's format description alone (not through
/// actplot's reader): the header's dict, then the data, with fields taken by byte offset.
public struct NPYFile {
    /// The header's dict, as text.
    public let header: String
    /// The array's fields, in order, each with NumPy's type string (`<u2`); one unnamed field
    /// (`""`) for a plain array.
    public let fields: [(name: String, type: String)]
    /// The number of records.
    public let count: Int
    /// The data after the header.
    public let data: Data

    /// Reads version 1.0 `.npy` bytes.
    /// - Throws: ``TestFailure`` where the bytes are not such a file.
    public init(_ bytes: Data) throws {
        let b = [UInt8](bytes.prefix(10))
        guard b.count == 10, b[0] == 0x93, Data(b[1...5]) == Data("NUMPY".utf8), b[6] == 1 else {
            throw TestFailure("not a version 1 .npy file")
        }
        let length = Int(b[8]) | Int(b[9]) << 8
        guard (10 + length) % 64 == 0, bytes.count >= 10 + length else {
            throw TestFailure("the header of \(length) bytes does not end on a multiple of 64")
        }
        let header = String(decoding: bytes[10..<10 + length], as: UTF8.self)
        self.header = header
        data = bytes.subdata(in: 10 + length..<bytes.count)
        let pair = try NSRegularExpression(pattern: "\\('([a-z0-9_]+)', '([<|][uf][1248])'\\)")
        let range = NSRange(header.startIndex..., in: header)
        let named = pair.matches(in: header, range: range).map { match in
            let text = { (k: Int) in Range(match.range(at: k), in: header).map { String(header[$0]) } ?? "" }
            return (name: text(1), type: text(2))
        }
        if named.isEmpty {
            let plain = try NSRegularExpression(pattern: "'descr': '([<|][uf][1248])'")
            guard let match = plain.firstMatch(in: header, range: range) else {
                throw TestFailure("no descr in \(header)")
            }
            fields = [("", Range(match.range(at: 1), in: header).map { String(header[$0]) } ?? "")]
        } else {
            fields = named
        }
        let shape = try NSRegularExpression(pattern: "'shape': \\((\\d+),\\)")
        guard let match = shape.firstMatch(in: header, range: range),
            let digits = Range(match.range(at: 1), in: header), let n = Int(header[digits])
        else { throw TestFailure("no one-dimensional shape in \(header)") }
        count = n
    }

    /// The bytes of a record.
    public var recordSize: Int { fields.reduce(0) { $0 + Self.width($1.type) } }

    /// The bytes of a field of NumPy type `type` (`<u2`: 2).
    static func width(_ type: String) -> Int { Int(String(type.suffix(1))) ?? 0 }

    /// Field `name` of every record, as raw little-endian integers (a float's bit pattern).
    public func column(_ name: String) throws -> [UInt64] {
        guard let index = fields.firstIndex(where: { $0.name == name }) else {
            throw TestFailure("no field \(name) in \(fields.map(\.name))")
        }
        let offset = fields[..<index].reduce(0) { $0 + Self.width($1.type) }
        let width = Self.width(fields[index].type)
        let size = recordSize
        let bytes = [UInt8](data)
        return (0..<count).map { i in
            var word: UInt64 = 0
            for k in 0..<width { word |= UInt64(bytes[i * size + offset + k]) << UInt64(8 * k) }
            return word
        }
    }
}
