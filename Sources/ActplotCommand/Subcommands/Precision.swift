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
                every input, and so does float32 named with --dtype: all 2^32 − 2^24 − 2 finite \
                non-zero inputs on every core, in minutes, with a progress bar when stderr is a \
                terminal. The overview of all formats samples float32 every 2^14 patterns and \
                narrows each threshold by bisection; --stride 2^K samples any format, \
                --exhaustive visits every input. Ctrl-C stops at once (exit 130).

                Examples:
                  actplot precision sigmoid
                  actplot precision gelu:approximate=tanh --dtype bf16
                  actplot precision softplus --dtype f16 --arith naive --json
                  actplot precision sigmoid --dtype f32 --arith exact
                  actplot precision gelu --dtype f32 --stride 2^8
                """
        )

        @Argument(help: .function, completion: .functionNames)
        var function: String

        @OptionGroup var precision: PrecisionOptions

        @OptionGroup var survey: SurveyOptions

        @OptionGroup var others: OthersOption

        @Flag(help: "Print JSON instead of tables.")
        var json = false

        /// Which inputs a survey visits unless told: float32 named with --dtype, every one of its
        /// 2^32 (minutes, with a progress bar); the overview of all formats samples it.
        static func defaultCoverage(_ named: NumberFormat?) -> FormatSurvey.Coverage {
            named?.bitWidth == 32 ? .every : .standard
        }

        func run(on console: inout Console) throws {
            let f = try others.activations([function])[0]
            let named = try precision.format()
            let formats = named.map { [$0] } ?? NumberFormat.common
            let fallback = Self.defaultCoverage(named)
            let (arithmetics, coverage) = (
                try precision.arithmetics(for: [f], in: formats),
                try survey.coverage(fallback, formats: formats)
            )
            let (progress, isa) = (SurveyProgress(), try precision.instructionSet())
            let label = "\(f.name) in \(named?.name ?? "every format")"
            let report = ProgressBar.run(progress, label: label, in: console.environment) {
                SurveyReport(
                    of: f, in: formats, arithmetics: arithmetics, coverage: coverage, threads: survey.threads,
                    progress: progress, isa: isa)
            }
            try console.print(report, json: json)
        }
    }
}
