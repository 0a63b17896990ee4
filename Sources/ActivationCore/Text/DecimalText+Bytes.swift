// The raw-pointer writer behind DecimalText, for the package's fast paths (the CSV writer
// formats millions of numbers straight into its buffers); not public API.

extension DecimalText {
    /// Writes the text of `value` at `destination`, which must have ``maximumLength`` bytes.
    /// - Parameters:
    ///   - value: Any double.
    ///   - destination: Where the bytes go.
    /// - Returns: How many bytes were written.
    @inline(__always)
    package static func write(_ value: Double, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        var p = destination
        if value.sign == .minus && !value.isNaN {
            p.pointee = UInt8(ascii: "-")
            p += 1
        }
        guard value.isFinite else {
            let text: StaticString = value.isNaN ? "nan" : "inf"
            p.update(from: text.utf8Start, count: text.utf8CodeUnitCount)
            return p - destination + text.utf8CodeUnitCount
        }
        if value == 0 {
            p.pointee = UInt8(ascii: "0")
            return p - destination + 1
        }
        var (digits, exponent) = shortestDecimal(value.magnitude)
        if digits % 100_000_000 == 0 {
            digits /= 100_000_000
            exponent += 8
        }
        while digits % 100 == 0 {
            digits /= 100
            exponent += 2
        }
        if digits % 10 == 0 {
            digits /= 10
            exponent += 1
        }
        let plain = value.magnitude <= 0x1p53
        return p - destination + format(digits: digits, exponent: exponent, plain: plain, to: p)
    }
}
