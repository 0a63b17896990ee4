import ActivationCore
import ArgumentParser

/// `--range MIN:MAX`: a finite interval with MIN < MAX whose width is finite (`-5:5`,
/// `-1e3:0x1p4`).
struct RangeArgument: Sendable, CustomStringConvertible {
    let lower: Double
    let upper: Double

    /// The default, −5 to 5.
    static let standard = RangeArgument(lower: -5, upper: 5)

    init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    /// Reads `MIN:MAX`, each in any Swift/C float syntax.
    /// - Throws: A `ValidationError` that says what a range must be, with an example.
    init(parsing text: String) throws {
        guard let colon = text.dropFirst().firstIndex(of: ":"),
            let lower = DecimalText.parse(text[..<colon].trimmingWhitespace),
            let upper = DecimalText.parse(text[text.index(after: colon)...].trimmingWhitespace),
            lower.isFinite, upper.isFinite, lower < upper, (upper - lower).isFinite
        else {
            throw ValidationError(
                "'--range' needs MIN:MAX with MIN < MAX, both finite and MAX - MIN below 1.8e308, "
                    + "e.g. --range -5:5 (got '\(text)')")
        }
        self.init(lower: lower, upper: upper)
    }

    /// The interval.
    var closedRange: ClosedRange<Double> { lower...upper }

    /// `MIN:MAX` in shortest text.
    var description: String { "\(DecimalText.shortest(lower)):\(DecimalText.shortest(upper))" }
}
