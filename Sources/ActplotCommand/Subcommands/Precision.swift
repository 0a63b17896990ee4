import ActivationCore
import ArgumentParser

extension Actplot {
    /// `actplot precision FUNCTION`: where the function breaks in each narrow format and
    /// arithmetic.
    struct Precision: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "precision",
            abstract:
                "Where a function overflows, flushes and lies in float32, bfloat16, float16 and float8.",
            discussion: """
                For each format and arithmetic — \(FormatEvaluation.Arithmetic.described) — \
                the first x on each side \
                of 0 where f or f′ becomes 0, subnormal, ±max, ±∞ or NaN though the true value \
                is not, reaches f = x or ±1, or moves against the true function; then the \
                largest error in ulps of the format on each side. 8- and 16-bit formats visit \
                every input; float32 is sampled every 2^14 patterns and each threshold narrowed \
                by bisection.

                Examples:
                  actplot precision sigmoid
                  actplot precision gelu:approximate=tanh --dtype bf16
                  actplot precision softplus --dtype f16 --arith naive --json
                """
        )

        @Argument(help: .function, completion: .functionNames)
        var function: String

        @OptionGroup var precision: PrecisionOptions

        @OptionGroup var others: OthersOption

        @Flag(help: "Print JSON instead of tables.")
        var json = false

        func run(on console: inout Console) throws {
            let f = try others.activations([function])[0]
            let formats = try precision.format().map { [$0] } ?? NumberFormat.all.filter { $0 != .float64 }
            let report = SurveyReport(of: f, in: formats, arithmetics: try precision.arithmetics())
            try console.print(report, json: json)
        }
    }
}
