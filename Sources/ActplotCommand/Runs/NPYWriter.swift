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

    /// The file's header for `count` records of `fields`.
    static func header(fields: [Field], count: Int) -> [UInt8] {
        let descr = fields.map { "('\($0.name)', '\($0.type)')" }.joined(separator: ", ")
        var dict = "{'descr': [\(descr)], 'fortran_order': False, 'shape': (\(count),), }"
        // Magic (6) + version (2) + length (2) + dict + "\n", to a multiple of 64.
        let unpadded = 10 + dict.utf8.count + 1
        dict += String(repeating: " ", count: (64 - unpadded % 64) % 64) + "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        let length = UInt16(dict.utf8.count)
        bytes += [UInt8(length & 0xFF), UInt8(length >> 8)]
        return bytes + Array(dict.utf8)
    }

    /// Appends `value`'s `width` low bytes, least significant first.
    static func append(_ value: UInt64, width: Int, to bytes: inout [UInt8]) {
        for k in 0..<width { bytes.append(UInt8(truncatingIfNeeded: value >> UInt64(8 * k))) }
    }
}
