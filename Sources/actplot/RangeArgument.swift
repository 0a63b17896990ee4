import ActivationCore
import ArgumentParser

/// `--range MIN:MAX`: a finite interval with MIN < MAX (`-5:5`, `-1e3:0x1p4`).
struct RangeArgument: ExpressibleByArgument, Sendable {
    let lower: Double
    let upper: Double

    var closedRange: ClosedRange<Double> { lower...upper }

    init(lower: Double, upper: Double) {
        self.lower = lower
        self.upper = upper
    }

    init?(argument: String) {
        guard let colon = argument.dropFirst().firstIndex(of: ":"),
            let lower = DecimalText.parse(String(argument[..<colon]).trimmed),
            let upper = DecimalText.parse(String(argument[argument.index(after: colon)...]).trimmed),
            lower.isFinite, upper.isFinite, lower < upper, (upper - lower).isFinite
        else { return nil }
        self.init(lower: lower, upper: upper)
    }

    static var defaultCompletionKind: CompletionKind { .default }
}

extension RangeArgument: CustomStringConvertible {
    var description: String { "\(DecimalText.shortest(lower)):\(DecimalText.shortest(upper))" }
}

/// The message for a `--range` that does not read.
func rangeError(_ text: String) -> ValidationError {
    ValidationError(
        "'--range' needs MIN:MAX with MIN < MAX, both finite and MAX - MIN below 1.8e308, "
            + "e.g. --range -5:5 (got '\(text)')")
}
