/// Text for numbers in tables and JSON: shortest round-trip by default, or a fixed
/// number of significant digits.
///
/// Always `.` as the decimal separator, whatever the locale
/// (actplot never calls `setlocale`, so C formatting stays in the "C" locale).
package enum NumberText {
    /// A number as text.
    /// - Parameters:
    ///   - value: Any double.
    ///   - significantDigits: nil for the shortest text that reads back to the same double;
    ///     otherwise the value rounded to that many significant digits (1…17), printed
    ///     without trailing zeros.
    /// - Returns: `0.5`, `-1`, `1e-300`, `inf`, `nan`, …
    package static func format(_ value: Double, significantDigits: Int? = nil) -> String {
        guard let digits = significantDigits, value.isFinite, value != 0 else {
            return DecimalText.shortest(value)
        }
        precondition((1...17).contains(digits), "significant digits must be 1 to 17")
        let text = scientificText(value, significantDigits: digits)
        return DecimalText.shortest(Double(text) ?? value)
    }
}
