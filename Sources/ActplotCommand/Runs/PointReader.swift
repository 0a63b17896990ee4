import ArgumentParser

/// Numbers read from a file or standard input in blocks: split at spaces, tabs, commas and
/// line ends, each with the line and column where it starts, in constant memory.
struct PointReader {
    /// The bytes read per `read(2)`.
    static let chunkSize = 1 << 16

    /// Where the bytes come from.
    private enum Source {
        case descriptor(Int32)
        case bytes([UInt8], offset: Int)
    }

    private var source: Source
    private let path: String
    /// The input as errors name it: `standard input` or `'xs.txt'`.
    let name: String
    private var chunk = [UInt8](repeating: 0, count: PointReader.chunkSize)
    private var pending: [UInt8] = []
    private var start = (line: 1, column: 1)
    private var position = (line: 1, column: 1)
    private(set) var finished = false

    /// Opens `path`, or the console's standard input for "-".
    init(path: String, input: Console.Input) throws {
        switch (path, input) {
        case ("-", .bytes(let bytes)):
            source = .bytes(bytes, offset: 0)
        default:
            guard let descriptor = POSIX.openForReading(path) else {
                throw OutputError.read(path, POSIX.lastError)
            }
            source = .descriptor(descriptor)
        }
        self.path = path
        name = path == "-" ? "standard input" : "'\(path)'"
    }

    /// Up to `count` more numbers, appended to `points`; fewer only at the end of the input.
    mutating func read(_ count: Int, into points: inout [Double]) throws {
        let target = points.count + count
        while points.count < target && !finished {
            let read = try fill()
            if read == 0 {
                try flush(into: &points)
                finished = true
                return
            }
            for index in 0..<read {
                let byte = chunk[index]
                switch byte {
                case 0x20, 0x09, 0x2C, 0x0D:
                    try flush(into: &points)
                    position.column += 1
                case 0x0A:
                    try flush(into: &points)
                    position = (position.line + 1, 1)
                default:
                    if pending.isEmpty { start = position }
                    pending.append(byte)
                    position.column += 1
                    if pending.count > 400 { throw error(String(decoding: pending, as: UTF8.self)) }
                }
            }
        }
    }

    private mutating func fill() throws -> Int {
        switch source {
        case .bytes(let bytes, let offset):
            let count = Swift.min(chunk.count, bytes.count - offset)
            chunk.replaceSubrange(0..<count, with: bytes[offset..<offset + count])
            source = .bytes(bytes, offset: offset + count)
            return count
        case .descriptor(let descriptor):
            switch POSIX.read(descriptor, into: &chunk) {
            case .success(let count): return count
            case .failure(let failure): throw OutputError.read(path, failure.reason)
            }
        }
    }

    /// The pending token as a number, read as `Double(String)` reads it (C-locale strtod, so
    /// hexadecimal, inf and nan too) straight from its bytes.
    private mutating func flush(into points: inout [Double]) throws {
        guard !pending.isEmpty else { return }
        let value = POSIX.double(reading: &pending)
        guard let value else { throw error(String(decoding: pending, as: UTF8.self)) }
        pending.removeAll(keepingCapacity: true)
        points.append(value)
    }

    private func error(_ text: String) -> ValidationError {
        ValidationError(
            "'\(text)' at line \(start.line), column \(start.column) of \(name) is not a number "
                + "(examples: -1, 0.5, 1e-3, 0x1p-10, inf)")
    }

    /// Closes a file (not standard input).
    func close() {
        if case .descriptor(let descriptor) = source, descriptor != 0 { POSIX.close(descriptor) }
    }
}
