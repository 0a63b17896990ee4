import ActivationCore
import ArgumentParser

/// `--exhaustive`, `--stride 2^K`, `--threads N`: which inputs a survey visits and on how many
/// cores (precision, info).
struct SurveyOptions: ParsableArguments {
    @Flag(help: "Visit every input of float32 too (the default of precision --dtype f32).")
    var exhaustive = false

    @Option(
        help: ArgumentHelp(
            "Visit every 2^K-th bit pattern on each side of 0 (2^14 or 16384; 1 visits every input).",
            valueName: "2^K"))
    var stride: String?

    @Option(help: "Cores to survey on (default: all; the result is the same for any number).")
    var threads: Int?

    /// The most inputs a side may have: float32's 2^31, which all cores visit in minutes.
    static let sideLimit = 31

    /// The coverage asked for, `fallback` when none is, checked against the formats surveyed.
    /// - Throws: `ValidationError` for a stride that is no power of two, both options at once,
    ///   or more float64 inputs than finish in minutes.
    func coverage(_ fallback: FormatSurvey.Coverage, formats: [NumberFormat]) throws -> FormatSurvey.Coverage
    {
        if exhaustive && stride != nil {
            throw ValidationError("'--exhaustive' visits every input and '--stride' samples them: give one")
        }
        if let threads, !(1...1024).contains(threads) {
            throw ValidationError("'--threads' must be a whole number from 1 to 1024, got \(threads)")
        }
        let coverage: FormatSurvey.Coverage =
            exhaustive ? .every : try stride.map { .stride(try Self.exponent($0)) } ?? fallback
        for format in formats where format.bitWidth > 32 {
            let k = coverage.exponent(for: format)
            let side = 63 - k
            if side > Self.sideLimit {
                let how = k == 0 ? "'--exhaustive'" : "'--stride 2^\(k)'"
                throw ValidationError(
                    "\(how) visits 2^\(side) \(format.name) inputs a side, too many to finish; "
                        + "give '--stride 2^\(63 - Self.sideLimit)' or more")
            }
        }
        return coverage
    }

    /// K of `2^K`, or of its value (16384), 0 to 62.
    static func exponent(_ text: String) throws -> Int {
        let spelled = String(text.filter { $0 != " " })
        if spelled.hasPrefix("2^"), let k = Int(spelled.dropFirst(2)), (0...62).contains(k) { return k }
        if let n = UInt64(spelled), n > 0, n & (n - 1) == 0 { return n.trailingZeroBitCount }
        throw ValidationError(
            "'--stride' takes a power of two, as 2^K or its value (2^14, 16384), got '\(text)'")
    }
}
