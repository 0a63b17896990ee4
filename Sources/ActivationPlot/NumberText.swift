import ActivationCore

#if canImport(Glibc)
    import Glibc
#endif

/// Text for numbers in tables and JSON: shortest round-trip by default, or a fixed
/// number of significant digits.
///
/// Always `.` as the decimal separator, whatever the locale
/// (actplot never calls `setlocale`, so C formatting stays in the "C" locale).
public enum NumberText {
    /// A number as text.
    /// - Parameters:
    ///   - value: Any double.
    ///   - significantDigits: nil for the shortest text that reads back to the same double;
    ///     otherwise the value rounded to that many significant digits (1…17), printed
    ///     without trailing zeros.
    /// - Returns: `0.5`, `-1`, `1e-300`, `inf`, `nan`, …
    public static func format(_ value: Double, significantDigits: Int? = nil) -> String {
        guard let digits = significantDigits, value.isFinite, value != 0 else { return shortestText(value) }
        precondition((1...17).contains(digits), "significant digits must be 1 to 17")
        var buffer = [CChar](repeating: 0, count: 48)
        let length = buffer.withUnsafeMutableBufferPointer { pointer in
            withVaList([Int32(digits - 1), value]) {
                vsnprintf(pointer.baseAddress, pointer.count, "%.*e", $0)
            }
        }
        let text = String(decoding: buffer.prefix(Int(length)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return shortestText(Double(text) ?? value)
    }
}
