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

    /// Reads `MIN:MAX`, each in any Swift/C float syntax, for `--range`.
    /// - Throws: A `ValidationError` that says what a range must be, with an example.
    init(parsing text: String) throws {
        try self.init(parsing: text, option: "--range", example: "-5:5")
    }

    /// Reads `MIN:MAX` for `option` (`--ylim`), whose messages use `example`.
    /// - Throws: A `ValidationError` that says what a range must be, with an example.
    init(parsing text: String, option: String, example: String) throws {
        let expected = "'\(option)' needs MIN:MAX with MIN < MAX, both finite and MAX - MIN below 1.8e308"
        for separator in ["..", ",", " to "] where !text.contains(":") && text.contains(separator) {
            let parts = text.components(separatedBy: separator)
            throw ValidationError(
                "'\(option)' takes MIN:MAX with a colon, not '\(separator.trimmingWhitespace)': "
                    + "\(option) \(parts.map(\.trimmingWhitespace).joined(separator: ":"))")
        }
        guard let colon = text.dropFirst().firstIndex(of: ":"),
            let lower = DecimalText.parse(text[..<colon].trimmingWhitespace),
            let upper = DecimalText.parse(text[text.index(after: colon)...].trimmingWhitespace)
        else {
            throw ValidationError("\(expected), e.g. \(option) \(example) (got '\(text)')")
        }
        if lower > upper && lower.isFinite && upper.isFinite {
            let swapped = "\(DecimalText.shortest(upper)):\(DecimalText.shortest(lower))"
            throw ValidationError(
                "'\(option) \(text)' runs backwards (MIN > MAX); did you mean \(option) \(swapped)?")
        }
        if lower == upper {
            throw ValidationError(
                "'\(option) \(text)' is a single point; give MIN < MAX, e.g. \(option) \(example)")
        }
        guard lower.isFinite, upper.isFinite, lower < upper, (upper - lower).isFinite else {
            throw ValidationError("\(expected), e.g. \(option) \(example) (got '\(text)')")
        }
        self.init(lower: lower, upper: upper)
    }

    /// The interval.
    var closedRange: ClosedRange<Double> { lower...upper }

    /// `MIN:MAX` in shortest text.
    var description: String { "\(DecimalText.shortest(lower)):\(DecimalText.shortest(upper))" }
}
