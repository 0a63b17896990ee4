import ActivationCore
import ArgumentParser

/// Parsing of the numbers users type: points, vectors, `--others`.
enum NumberList {
    /// The most points or vector entries one command takes.
    static let limit = 1_000_000

    /// Reads one number in any Swift/C float syntax (`-1`, `.5`, `1e-300`, `0x1p-10`, `inf`).
    /// - Throws: A `ValidationError` naming the text and what was expected.
    static func number(_ text: String, for what: String) throws -> Double {
        if isOption(text) { throw ValidationError("unknown option '\(text)'") }
        guard let value = DecimalText.parse(text.trimmingWhitespace) else {
            throw ValidationError("\(what) '\(text)' is not a number (examples: -1, 0.5, 1e-3, 0x1p-10, inf)")
        }
        return value
    }

    /// Whether an argument is an option rather than a number: `--json`, `-x`, but not `-1`,
    /// `-.5`, `-inf` or `-nan`.
    static func isOption(_ text: String) -> Bool {
        text.hasPrefix("--")
            || (text.hasPrefix("-") && text.count > 1 && text.dropFirst().first?.isLetter == true
                && !text.lowercased().hasPrefix("-inf") && !text.lowercased().hasPrefix("-nan"))
    }

    /// Reads a comma-separated list such as `1,2,3` or `-1,0.5`.
    /// - Throws: A `ValidationError` for an empty list, a bad entry or more than ``limit`` entries.
    static func list(_ text: String, for option: String) throws -> [Double] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false)
        guard !text.trimmingWhitespace.isEmpty else {
            throw ValidationError("'\(option)' needs numbers separated by commas, e.g. \(option) 1,2,3")
        }
        guard items.count <= limit else {
            throw ValidationError("'\(option)' takes at most \(limit) numbers, got \(items.count)")
        }
        return try items.map { try number(String($0), for: "'\(option)' entry") }
    }
}
