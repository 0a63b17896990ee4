import ActivationCore
import Dispatch

/// One column of a kernel's dump (its inputs, outputs or derivatives), read a block at a time.
///
/// The column comes as bit patterns of the format, from a `.npy` (a plain array, or a field of a
/// structured one), raw little-endian bytes, or CSV with one value per line. Values given as
/// floats must be exact in the format; bits are taken as they are, NaN payloads included.
final class DumpColumn {
    /// How the column's elements are stored.
    enum Storage {
        /// Binary elements of `element`, at `offset` in records of `stride` bytes.
        case binary(element: NPYHeader.Element, offset: Int, stride: Int)
        /// One value per line.
        case csv
    }

    let path: String
    let format: NumberFormat
    let storage: Storage
    /// The number of elements, where the file says it before it is read (not for CSV).
    let count: Int?
    /// The file's bytes.
    private var reader: ByteReader
    /// Elements returned so far.
    private(set) var delivered = 0
    /// CSV: the line being read.
    private var line = 1
    /// CSV: the values of the last claim, as bits.
    private var csvBits: [UInt64] = []

    /// The column whose mapping of the file this one reads, if not its own.
    private let mappingOwner: DumpColumn?

    /// Opens a column.
    /// - Parameters:
    ///   - path: The file ('-' for standard input).
    ///   - format: The format its values are in.
    ///   - raw: For raw bytes, their element type (`<u2`, `<f4`); nil to read the file by its name.
    ///   - field: The field of a structured `.npy` to read (nil: a plain array).
    ///   - sibling: Another field's column of the same file, whose mapping this one shares (a
    ///     file mapped once is faulted into memory once).
    init(
        path: String, format: NumberFormat, raw: NPYHeader.Element? = nil, field: String? = nil,
        sharing sibling: DumpColumn? = nil
    ) throws(DumpError) {
        guard let descriptor = POSIX.openForReading(path) else { throw DumpError(path, POSIX.lastError) }
        self.path = path
        self.format = format
        var reader = ByteReader(descriptor: descriptor, path: path)
        let size = POSIX.regularFileSize(descriptor)
        if let raw {
            storage = .binary(element: raw, offset: 0, stride: raw.width)
            if let size, size % raw.width != 0 {
                throw DumpError(path, "\(size) bytes is not a whole number of \(raw.width)-byte elements")
            }
            count = size.map { $0 / raw.width }
        } else if path.lowercased().hasSuffix(".csv") || path.lowercased().hasSuffix(".txt") {
            storage = .csv
            count = nil
        } else {
            let header = try reader.npyHeader()
            (storage, count) = try Self.binary(header, field: field, path: path, fileSize: size)
        }
        var owner: DumpColumn?
        if case .binary = storage, let size {
            // A regular file's elements are read where the page cache holds them, not copied.
            if let sibling, sibling.path == path, let mapped = sibling.reader.mapped, mapped.count == size,
                reader.use(mapped)
            {
                owner = sibling
            } else {
                reader.map(size: size)
            }
        }
        mappingOwner = owner
        self.reader = reader
        if case .binary(let element, _, _) = storage { try Self.check(element, fits: format, path: path) }
    }

    deinit {
        if mappingOwner == nil, let mapped = reader.mapped { POSIX.unmap(mapped) }
        _ = POSIX.close(reader.descriptor)
    }

    /// The storage and length of a `.npy` column, checked against the file's size.
    private static func binary(
        _ header: NPYHeader, field: String?, path: String, fileSize: Int?
    ) throws(DumpError) -> (Storage, Int) {
        guard !header.fortranOrder else {
            throw DumpError(
                path, "the array \(header.shape) is in Fortran order; save it with np.ascontiguousarray")
        }
        let storage: Storage
        if let element = header.element {
            guard field == nil else {
                throw DumpError(path, "a plain array of \(element.spelling), not a table with \(field ?? "")")
            }
            storage = .binary(element: element, offset: 0, stride: element.width)
        } else {
            let name = field ?? ""
            guard let found = header.fields.first(where: { $0.name == name }) else {
                let names = header.fields.map(\.name).joined(separator: ", ")
                throw DumpError(
                    path,
                    "a structured array with fields \(names); it needs a plain array"
                        + (field.map { " or a field \($0)" } ?? ""))
            }
            storage = .binary(element: found.element, offset: found.offset, stride: header.itemSize)
        }
        if let fileSize {
            let (bytes, overflow) = header.count.multipliedReportingOverflow(by: header.itemSize)
            guard !overflow, fileSize == header.dataOffset + bytes else {
                throw DumpError(
                    path,
                    "the header says \(header.count) elements of \(header.itemSize) bytes, but the file has "
                        + "\(fileSize - header.dataOffset) bytes of data: truncated or not a .npy")
            }
        }
        return (storage, header.count)
    }

    /// Checks that elements of `element` can hold the format's values: its bits (an unsigned,
    /// signed or opaque type of the format's width, a byte for formats of 8 bits or fewer) or
    /// its values (float16, float32 or float64 at least as wide).
    private static func check(_ element: NPYHeader.Element, fits format: NumberFormat, path: String)
        throws(DumpError)
    {
        let patternBytes = (format.bitWidth + 7) / 8
        if "uiV".contains(element.kind) && element.width == patternBytes { return }
        let floats: [Int: NumberFormat] = [2: .float16, 4: .float32, 8: .float64]
        if element.kind == "f", let holder = floats[element.width] {
            // The float type holds every value of the format: as many fraction bits, as wide a range.
            let smallest = { (f: NumberFormat) in f.minimumExponent - f.fractionBits }
            if holder.fractionBits >= format.fractionBits && holder.maximumExponent >= format.maximumExponent
                && smallest(holder) <= smallest(format)
            {
                return
            }
            throw DumpError(
                path, "\(element.spelling) values cannot hold every \(format.name); give its bits or float32")
        }
        throw DumpError(
            path,
            "\(element.spelling) elements cannot hold \(format.name): give its bit patterns as "
                + "\(patternBytes == 1 ? "|u1" : "<u\(patternBytes)") or its values as float32")
    }

    /// Reads up to `bits.count` elements as the format's bit patterns.
    /// - Returns: How many were read; fewer only at the end.
    func next(into bits: UnsafeMutableBufferPointer<UInt64>) throws(DumpError) -> Int {
        let claim = try claim(upTo: bits.count)
        try read(0..<claim.count, of: claim, into: bits)
        return claim.count
    }

    /// Elements taken from the column in order, for ``read(_:of:into:)`` to read on any core.
    struct Claim {
        /// The first element's index in the column.
        let first: Int
        let count: Int
        /// Where its bytes begin (binary storage).
        let byteStart: Int
    }

    /// Takes the next elements, up to `limit`, in order; their bytes stay readable until the
    /// next claim.
    /// - Returns: The elements taken: fewer than `limit` only at the end.
    func claim(upTo limit: Int) throws(DumpError) -> Claim {
        let claim: Claim
        switch storage {
        case .binary(_, let offset, let stride):
            let wanted = Swift.min(limit, count.map { $0 - delivered } ?? limit)
            try reader.fill(minimum: wanted * stride)
            let n = Swift.min(wanted, reader.available / stride)
            if let count, n < wanted {
                throw DumpError(path, "the file ends after \(delivered + n) of its \(count) elements")
            }
            claim = Claim(first: delivered, count: n, byteStart: reader.start + offset)
            reader.start += n * stride
        case .csv:
            csvBits.removeAll(keepingCapacity: true)
            try csv(upTo: limit)
            claim = Claim(first: delivered, count: csvBits.count, byteStart: 0)
        }
        delivered += claim.count
        return claim
    }

    /// Reads elements `range` of a claim (counted from its first) into `bits[range]`.
    ///
    /// As the format's bit patterns; several cores may read one claim at once, each its own range.
    func read(_ range: Range<Int>, of claim: Claim, into bits: UnsafeMutableBufferPointer<UInt64>)
        throws(DumpError)
    {
        switch storage {
        case .binary(let element, _, let stride):
            reader.withBytes { raw in Self.load(range, element, raw, claim.byteStart, stride, into: bits) }
            try check(range, element, first: claim.first, in: bits)
        case .csv:
            for i in range { bits[i] = csvBits[i] }
        }
    }
}

/// Decoding elements into bit patterns.
extension DumpColumn {
    /// Checks the words loaded into `bits[range]` as the format's patterns.
    ///
    /// Bits must be within the format's width, floats exact in it (replaced by their bits).
    /// `first` is the index of the claim's first element, for the message.
    private func check(
        _ range: Range<Int>, _ element: NPYHeader.Element, first: Int,
        in bits: UnsafeMutableBufferPointer<UInt64>
    ) throws(DumpError) {
        let width = element.width
        if element.kind != "f" {
            // Elements no wider than the format's patterns hold nothing else.
            if width * 8 <= format.bitWidth { return }
            let limit: UInt64 = format.bitWidth >= 64 ? .max : (1 << UInt64(format.bitWidth)) - 1
            if let bad = range.first(where: { bits[$0] > limit }) {
                throw DumpError(
                    path,
                    "element \(first + bad) is 0x\(String(bits[bad], radix: 16)), not a \(format.name) bit pattern"
                )
            }
            return
        }
        if width * 8 == format.bitWidth && !format.flushesSubnormals { return }
        for i in range {
            let v: Double =
                switch width {
                case 2: Double(Float16(bitPattern: UInt16(truncatingIfNeeded: bits[i])))
                case 4: Double(Float(bitPattern: UInt32(truncatingIfNeeded: bits[i])))
                default: Double(bitPattern: bits[i])
                }
            bits[i] = try pattern(of: v, element: first + i)
        }
    }

    /// Loads elements `range` (counted from byte `first`, `stride` apart) into `bits[range]`.
    private static func load(
        _ range: Range<Int>, _ element: NPYHeader.Element, _ raw: UnsafeRawBufferPointer, _ first: Int,
        _ stride: Int, into bits: UnsafeMutableBufferPointer<UInt64>
    ) {
        let width = element.width
        // Little-endian words are loaded whole.
        if !element.bigEndian || width == 1 {
            switch width {
            case 1: load(UInt8.self, range, raw, first, stride, into: bits)
            case 2: load(UInt16.self, range, raw, first, stride, into: bits)
            case 4: load(UInt32.self, range, raw, first, stride, into: bits)
            default: load(UInt64.self, range, raw, first, stride, into: bits)
            }
            return
        }
        for i in range {
            var word: UInt64 = 0
            for k in 0..<width { word = word << 8 | UInt64(raw[first + i * stride + k]) }
            bits[i] = word
        }
    }

    /// Loads little-endian words of type `Word` for elements `range`, stepping a pointer
    /// through the bytes (the claim has checked that they are there).
    @inline(__always)
    private static func load<Word: FixedWidthInteger & UnsignedInteger>(
        _: Word.Type, _ range: Range<Int>, _ raw: UnsafeRawBufferPointer, _ first: Int, _ stride: Int,
        into bits: UnsafeMutableBufferPointer<UInt64>
    ) {
        guard !range.isEmpty, let base = raw.baseAddress else { return }
        var p = base + (first + range.lowerBound * stride)
        for i in range {
            bits[i] = UInt64(p.loadUnaligned(as: Word.self).littleEndian)
            p += stride
        }
    }

    /// The format's bit pattern of a value that must be one of the format's values.
    func pattern(of v: Double, element: Int) throws(DumpError) -> UInt64 {
        if v.isNaN { return format.bits(of: .nan) }
        let r = format.rounded(v)
        guard r == v else {
            throw DumpError(
                path,
                "element \(element) is \(DecimalText.shortest(v)), not a \(format.name) value (it would round to "
                    + "\(DecimalText.shortest(r))): store the kernel's results in the format, or give their bits"
            )
        }
        return format.bits(of: v)
    }

    /// Reads up to `limit` values from CSV lines into ``csvBits``: one per line, decimal or
    /// 0x-hexadecimal bits; blank lines, `#` comments and a first line of column names are skipped.
    func csv(upTo limit: Int) throws(DumpError) {
        while csvBits.count < limit {
            let newline = reader.pending[reader.start...].firstIndex(of: 10)
            if newline == nil && !reader.atEnd {
                try reader.fill(minimum: reader.available + 1 << 16)
                continue
            }
            let end = newline ?? reader.pending.count
            guard end > reader.start || newline != nil else { break }
            var text = Array(reader.pending[reader.start..<end]).filter { $0 != 13 && $0 != 32 && $0 != 9 }
            reader.start = end + (newline == nil ? 0 : 1)
            defer { line += 1 }
            if text.isEmpty || text.first == UInt8(ascii: "#") { continue }
            if text.contains(UInt8(ascii: ",")) {
                throw DumpError(path, "line \(line) has several fields; check reads one value per line")
            }
            if let pattern = try csvValue(&text) { csvBits.append(pattern) }
        }
    }

    /// One CSV field's bit pattern; nil for a first line of names.
    private func csvValue(_ text: inout [UInt8]) throws(DumpError) -> UInt64? {
        let word = String(decoding: text, as: UTF8.self)
        let lower = word.lowercased()
        if lower.hasPrefix("0x") && !lower.contains(".") && !lower.contains("p") {
            guard let pattern = UInt64(lower.dropFirst(2), radix: 16) else {
                throw DumpError(path, "line \(line): '\(word)' is not a hexadecimal bit pattern")
            }
            let limit: UInt64 = format.bitWidth >= 64 ? .max : (1 << UInt64(format.bitWidth)) - 1
            guard pattern <= limit else {
                throw DumpError(path, "line \(line): \(word) is not a \(format.name) bit pattern")
            }
            return pattern
        }
        guard let v = POSIX.double(reading: &text) else {
            if delivered == 0 && line == 1 { return nil }
            throw DumpError(path, "line \(line): '\(word)' is not a number")
        }
        return try pattern(of: v, element: delivered + line - 1)
    }
}

/// A file's bytes, read a chunk at a time: what has been read and not yet used.
struct ByteReader {
    let descriptor: Int32
    let path: String
    /// Bytes read, used up to `start`.
    var pending: [UInt8] = []
    var start = 0
    /// Whether the file has ended.
    private(set) var atEnd = false
    /// The whole file, mapped, once ``map(size:)`` has mapped it; `start` counts from its first
    /// byte then.
    private(set) var mapped: UnsafeRawBufferPointer?
    /// Bytes dropped from the front of `pending` so far.
    private var trimmed = 0

    init(descriptor: Int32, path: String) {
        self.descriptor = descriptor
        self.path = path
    }

    /// Bytes read and not yet used.
    var available: Int { (mapped?.count ?? pending.count) - start }

    /// Maps the file (`size` bytes, a regular file) to read its bytes in place.
    ///
    /// `start` keeps its place: the bytes read so far (a header) begin at the file's first byte,
    /// never trimmed.
    mutating func map(size: Int) {
        guard trimmed == 0, pending.count <= size, let bytes = POSIX.map(descriptor, size: size) else {
            return
        }
        _ = use(bytes)
    }

    /// Reads the file's bytes from a mapping of it made before (by another reader of the file).
    /// - Returns: Whether the bytes read so far allow it (nothing trimmed yet).
    mutating func use(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard trimmed == 0, pending.count <= bytes.count else { return false }
        mapped = bytes
        pending = []
        atEnd = true
        return true
    }

    /// Calls `body` with the bytes: the mapped file, or those read.
    func withBytes<R>(_ body: (UnsafeRawBufferPointer) -> R) -> R {
        if let mapped { return body(mapped) }
        return pending.withUnsafeBytes(body)
    }

    /// Reads more bytes until `minimum` are available or the file ends.
    mutating func fill(minimum: Int) throws(DumpError) {
        guard mapped == nil else { return }
        if start > 0 && start >= pending.count / 2 {
            pending.removeFirst(start)
            trimmed += start
            start = 0
        }
        var chunk = [UInt8](repeating: 0, count: Swift.max(1 << 16, minimum - available))
        while !atEnd && available < minimum {
            switch POSIX.read(descriptor, into: &chunk) {
            case .success(0): atEnd = true
            case .success(let n): pending.append(contentsOf: chunk[0..<n])
            case .failure(let failure): throw DumpError(path, failure.reason)
            }
        }
    }

    /// Reads the `.npy` header, leaving the bytes after it available.
    mutating func npyHeader() throws(DumpError) -> NPYHeader {
        while true {
            if let header = try NPYHeader.parse(pending, atEnd: atEnd, path: path) {
                start = header.dataOffset
                return header
            }
            try fill(minimum: pending.count + 4096)
        }
    }
}
