/// The header of a NumPy `.npy` file (versions 1.0, 2.0 and 3.0), read without trusting it.
///
/// The magic string, the version, the header's length, and the dict literal with `descr`,
/// `fortran_order` and `shape`. Whatever is malformed or unsupported is a ``DumpError`` that
/// says what was found.
struct NPYHeader {
    /// An element type: a NumPy type string's kind, width and byte order.
    struct Element: Equatable {
        /// `u` unsigned, `i` signed, `f` float, `V` opaque bytes (ml_dtypes' types), `b` bool.
        let kind: Character
        /// Bytes.
        let width: Int
        /// Whether the bytes are most significant first (`>`).
        let bigEndian: Bool

        /// NumPy's spelling: `<u2`, `>f4`, `|V1`.
        var spelling: String { (width == 1 ? "|" : bigEndian ? ">" : "<") + String(kind) + String(width) }
    }

    /// A field of a structured array.
    struct Field {
        let name: String
        let element: Element
        /// The field's offset in the record.
        let offset: Int
    }

    /// The element type of a plain array; nil for a structured one.
    let element: Element?
    /// The fields of a structured array (empty for a plain one).
    let fields: [Field]
    /// Bytes per element or record.
    let itemSize: Int
    /// Elements in all (the product of the shape).
    let count: Int
    /// The shape.
    let shape: [Int]
    /// Whether the array is stored in Fortran order.
    let fortranOrder: Bool
    /// Where the data starts.
    let dataOffset: Int

    /// The longest header read: NumPy writes a few hundred bytes; this bounds a hostile length.
    static let longestHeader = 1 << 20

    /// Reads the header from the first bytes of a file.
    /// - Parameters:
    ///   - prefix: The file's first bytes.
    ///   - atEnd: Whether `prefix` is the whole file.
    ///   - path: The file's name, for errors.
    /// - Returns: The header, or nil when `prefix` is too short to hold it and more may come.
    /// - Throws: ``DumpError`` for what is not a `.npy` header this reader takes.
    static func parse(_ prefix: [UInt8], atEnd: Bool, path: String) throws(DumpError) -> NPYHeader? {
        guard let needed = try needed(prefix, atEnd: atEnd, path: path) else { return nil }
        guard prefix.count >= needed else {
            if atEnd {
                throw DumpError(
                    path, "the .npy file ends inside its header (\(prefix.count) of \(needed) bytes)")
            }
            return nil
        }
        let start = prefix[6] == 1 ? 10 : 12
        guard let text = String(validating: prefix[start..<needed], as: UTF8.self) else {
            throw DumpError(path, "the .npy header is not UTF-8 text")
        }
        var parser = PythonLiteral(text: text, path: path)
        let dict = try parser.dictionary()
        return try NPYHeader(dict, dataOffset: needed, path: path)
    }

    /// The bytes up to the data's start, once the first 12 are there; nil before (more may come).
    static func needed(_ prefix: [UInt8], atEnd: Bool, path: String) throws(DumpError) -> Int? {
        let magic: [UInt8] = [0x93] + Array("NUMPY".utf8)
        guard prefix.prefix(6).elementsEqual(magic.prefix(Swift.min(6, prefix.count))) else {
            throw DumpError(
                path, "not a .npy file (it does not start with \\x93NUMPY); for raw bytes give --raw-layout")
        }
        guard prefix.count >= 12 else {
            if atEnd {
                throw DumpError(path, "the file ends after \(prefix.count) bytes, inside the .npy header")
            }
            return nil
        }
        guard [1, 2, 3].contains(prefix[6]), prefix[7] == 0 else {
            throw DumpError(
                path, "unknown .npy version \(prefix[6]).\(prefix[7]); NumPy writes 1.0, 2.0 and 3.0")
        }
        if prefix[6] == 1 { return 10 + (Int(prefix[8]) | Int(prefix[9]) << 8) }
        let length = (8..<12).reduce(0) { $0 | Int(prefix[$1]) << (8 * ($1 - 8)) }
        guard length <= longestHeader else {
            throw DumpError(path, "the .npy header claims \(length) bytes; NumPy's are a few hundred")
        }
        return 12 + length
    }

    /// The header from its dict.
    private init(_ dict: [String: PythonLiteral.Value], dataOffset: Int, path: String) throws(DumpError) {
        self.dataOffset = dataOffset
        guard case .bool(let fortran)? = dict["fortran_order"] else {
            throw DumpError(path, "the .npy header has no fortran_order")
        }
        guard case .tuple(let dimensions)? = dict["shape"] else {
            throw DumpError(path, "the .npy header has no shape")
        }
        var shape: [Int] = []
        for dimension in dimensions {
            guard case .integer(let n) = dimension, n >= 0 else {
                throw DumpError(path, "the .npy shape holds something other than sizes")
            }
            shape.append(n)
        }
        self.shape = shape
        fortranOrder = fortran && shape.filter { $0 != 1 }.count > 1
        var total = 1
        for n in shape {
            let (product, overflow) = total.multipliedReportingOverflow(by: n)
            guard !overflow else { throw DumpError(path, "the .npy shape \(shape) holds too many elements") }
            total = product
        }
        count = total
        switch dict["descr"] {
        case .string(let type)?:
            let element = try Self.element(type, path: path)
            self.element = element
            fields = []
            itemSize = element.width
        case .list(let entries)?:
            element = nil
            (fields, itemSize) = try Self.fields(entries, path: path)
        default:
            throw DumpError(path, "the .npy header has no descr")
        }
    }

    /// An element type from NumPy's spelling (`<u2`, `|V1`, `float32` is not one).
    static func element(_ type: String, path: String) throws(DumpError) -> Element {
        let characters = Array(type)
        guard characters.count >= 3, "<>|=".contains(characters[0]), "uifVb".contains(characters[1]),
            let width = Int(String(characters[2...])), [1, 2, 4, 8, 16].contains(width)
        else {
            throw DumpError(
                path,
                "the .npy type '\(type)' is not one check reads (unsigned or signed integers, floats, |V1/<V2)"
            )
        }
        return Element(kind: characters[1], width: width, bigEndian: characters[0] == ">")
    }

    /// The fields of a structured dtype's list: (name, type) pairs, packed.
    private static func fields(_ entries: [PythonLiteral.Value], path: String) throws(DumpError) -> (
        [Field], Int
    ) {
        var fields: [Field] = []
        var offset = 0
        for entry in entries {
            guard case .tuple(let parts) = entry, parts.count == 2, case .string(let name) = parts[0],
                case .string(let type) = parts[1]
            else {
                throw DumpError(path, "a field of the .npy dtype is not a (name, type) pair")
            }
            let element = try element(type, path: path)
            fields.append(Field(name: name, element: element, offset: offset))
            offset += element.width
        }
        guard !fields.isEmpty else { throw DumpError(path, "the .npy dtype has no fields") }
        return (fields, offset)
    }
}

/// The Python literals of a `.npy` header: dicts, lists, tuples, strings, integers, booleans.
struct PythonLiteral {
    /// A literal.
    indirect enum Value {
        case string(String)
        case integer(Int)
        case bool(Bool)
        case tuple([Value])
        case list([Value])
        case dictionary([String: Value])
    }

    private let characters: [Character]
    private var index = 0
    private let path: String
    /// How deep the literals nest, bounded so that a hostile header cannot exhaust the stack.
    private var depth = 0

    init(text: String, path: String) {
        characters = Array(text)
        self.path = path
    }

    /// The header's dict, and nothing but spaces after it.
    mutating func dictionary() throws(DumpError) -> [String: Value] {
        guard case .dictionary(let dict) = try value() else { throw failure("the .npy header is not a dict") }
        skipSpace()
        guard index == characters.count else { throw failure("text after the .npy header's dict") }
        return dict
    }

    private func failure(_ reason: String) -> DumpError { DumpError(path, reason) }

    private mutating func skipSpace() {
        while index < characters.count && characters[index].isWhitespace { index += 1 }
    }

    private mutating func value() throws(DumpError) -> Value {
        skipSpace()
        guard index < characters.count else { throw failure("the .npy header ends early") }
        depth += 1
        defer { depth -= 1 }
        guard depth < 32 else { throw failure("the .npy header nests too deeply") }
        switch characters[index] {
        case "'", "\"": return .string(try string())
        case "(": return .tuple(try sequence(closing: ")"))
        case "[": return .list(try sequence(closing: "]"))
        case "{": return .dictionary(try dict())
        default: return try word()
        }
    }

    private mutating func string() throws(DumpError) -> String {
        let quote = characters[index]
        index += 1
        var text = ""
        while index < characters.count && characters[index] != quote {
            text.append(characters[index])
            index += 1
        }
        guard index < characters.count else { throw failure("a string in the .npy header is not closed") }
        index += 1
        return text
    }

    private mutating func sequence(closing: Character) throws(DumpError) -> [Value] {
        index += 1
        var items: [Value] = []
        while true {
            skipSpace()
            guard index < characters.count else { throw failure("a list in the .npy header is not closed") }
            if characters[index] == closing {
                index += 1
                return items
            }
            items.append(try value())
            skipSpace()
            if index < characters.count && characters[index] == "," { index += 1 }
        }
    }

    private mutating func dict() throws(DumpError) -> [String: Value] {
        index += 1
        var dict: [String: Value] = [:]
        while true {
            skipSpace()
            guard index < characters.count else { throw failure("the .npy header's dict is not closed") }
            if characters[index] == "}" {
                index += 1
                return dict
            }
            guard case .string(let key) = try value() else {
                throw failure("a key of the .npy header is not a string")
            }
            skipSpace()
            guard index < characters.count && characters[index] == ":" else {
                throw failure("the .npy header's dict lacks a ':'")
            }
            index += 1
            dict[key] = try value()
            skipSpace()
            if index < characters.count && characters[index] == "," { index += 1 }
        }
    }

    private mutating func word() throws(DumpError) -> Value {
        let start = index
        while index < characters.count
            && (characters[index].isLetter || characters[index].isNumber || characters[index] == "-")
        {
            index += 1
        }
        let word = String(characters[start..<index])
        if word == "True" { return .bool(true) }
        if word == "False" { return .bool(false) }
        if let n = Int(word.hasSuffix("L") ? String(word.dropLast()) : word) { return .integer(n) }
        throw failure(
            word.isEmpty
                ? "unexpected '\(characters[index])' in the .npy header"
                : "unexpected '\(word)' in the .npy header")
    }
}
