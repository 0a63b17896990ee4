/// NumPy's `.npy` format, version 1.0, for a one-dimensional structured array: what
/// `np.load` reads without ml_dtypes.
///
/// The header is the magic string, the version, a little-endian length, and a Python dict
/// literal (`descr`, `fortran_order`, `shape`) padded with spaces and a newline so that the data
/// starts at a multiple of 64 bytes. The records follow, packed, little-endian.
struct NPYWriter {
    /// A field of the structured dtype: its name and NumPy's type string (`<u2`, `<f4`, `|u1`).
    struct Field {
        let name: String
        let type: String
    }

    /// The `descr` of a structured dtype: `[('x_bits', '<u2'), ('x', '<f4')]`.
    static func structured(_ fields: [Field]) -> String {
        "[" + fields.map { "('\($0.name)', '\($0.type)')" }.joined(separator: ", ") + "]"
    }

    /// The file's header for a one-dimensional array of `count` elements of `descr` (a type
    /// string in quotes, `'<u2'`, or a structured dtype's list).
    static func header(descr: String, count: Int) -> [UInt8] {
        var dict = "{'descr': \(descr), 'fortran_order': False, 'shape': (\(count),), }"
        // Magic (6) + version (2) + length (2) + dict + "\n", to a multiple of 64.
        let unpadded = 10 + dict.utf8.count + 1
        dict += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        let length = UInt16(dict.utf8.count)
        bytes += [UInt8(length & 0xFF), UInt8(length >> 8)]
        return bytes + Array(dict.utf8)
    }
}
