import ActivationCore
import ArgumentParser

extension Actplot {
    /// `actplot check FUNCTION --dtype NAME --output Y`: a kernel's dump against the correctly rounded values.
    struct Check: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check a kernel's results against the correctly rounded values, with a verdict for CI.",
            discussion: """
                Reads the kernel's inputs (--input; without it, the dump holds every bit pattern of the \
                format in order, from 0), its f (--output) and optionally its f′ (--derivative): .npy files \
                (bits as unsigned integers, ml_dtypes' |V1/<V2 as bits, or values as float16/32/64 that must \
                be exact in the format), CSV with one value per line (decimal, or 0x bits), or raw \
                little-endian files with --raw-layout. Reports, overall and by region, the error in ulps of \
                the format (|y − t| / ulp(t), t the exact value) and relative to the correctly rounded value, and counts apart false \
                zeros, non-finite and sign-of-zero mismatches, flushed subnormals and monotonicity violations.

                Exit status: 0 pass, 1 fail, 2 a dump that cannot be read or does not fit, 64 usage; one \
                summary line on stderr.

                Examples:
                  actplot check gelu --dtype bf16 --input x.npy --output y.npy --max-ulp 2
                  actplot check sigmoid --dtype bf16 --output y.npy --derivative dy.npy --json
                  actplot check silu --dtype f32 --input x.bin --output y.bin --raw-layout f32
                  actplot check gelu --dtype bf16 --output y.npy --plot errors.png
                """
        )

        @Argument(help: ArgumentHelp("The function.", valueName: "FUNCTION"), completion: .functionNames)
        var function: String

        @OptionGroup var files: CheckFiles

        @OptionGroup var bounds: CheckBounds

        @Flag(help: "Print the report as JSON.")
        var json = false

        @Flag(help: "Compare the wrong results with the textbook formulas in the format and in float32.")
        var explain = false

        @Option(
            help: ArgumentHelp(
                "What the dump is compared with: exact (the correctly rounded values, the default) or framework "
                    + "(what the preset's framework returns on CPU: jax.gelu as JAX computes it).",
                valueName: "MODE"))
        var arith: String?

        @Option(
            help: ArgumentHelp(
                "With --arith framework, the machine whose dispatch to follow: avx512 (the default) or avx2.",
                valueName: "ISA"),
            completion: .list(FrameworkKernel.InstructionSet.allCases.map(\.rawValue)))
        var isa: String?

        @OptionGroup var plot: CheckPlotOptions

        @OptionGroup var others: OthersOption

        @OptionGroup var dumpFormat: FormatOption

        func run(on console: inout Console) throws {
            let f = try others.activation(function, for: "check")
            let format = try dumpFormat.format(
                example: "actplot check \(function) --dtype bf16 --output y.npy")
            let columns = try files.open(format)
            var run = CheckRun(
                function: f, format: format, inputs: columns.inputs, outputs: columns.outputs,
                derivatives: columns.derivatives, expected: columns.expected,
                allowFlushToZero: bounds.allowFlushToZero, worstCount: bounds.worstCount)
            run.explain = explain
            run.arithmetic = try reference(f, format)
            run.instructionSet = try PrecisionOptions.instructionSet(
                isa, framework: run.arithmetic == .framework)
            let plotting = try plot.plot(json: json)
            run.profile = plotting != nil
            var report = CheckReport(
                function: function, format: format, against: files.expected, outcome: try run.run(),
                bounds: bounds.bounds,
                ignoreZeroSign: bounds.ignoreZeroSign)
            if run.arithmetic == .framework { report.framework = f.preset?.framework }
            try console.print(report, json: json)
            if let plotting, let profile = report.outcome.profile {
                try plotting.draw(
                    profile, title: "\(f.name) in \(format.name)", bounds: bounds.bounds, on: &console)
            }
            console.warn("actplot: check: \(report.summary)\n")
            if !report.failures.isEmpty { throw FailedVerdict(status: 1) }
        }

        /// The arithmetic of the reference: exact, or framework for a preset its framework has a
        /// kernel for (not beside a table, which is a reference of its own).
        private func reference(_ f: Activation, _ format: NumberFormat) throws -> FormatEvaluation.Arithmetic
        {
            switch arith?.lowercased() {
            case nil, "exact": return .exact
            case "framework":
                if files.expected != nil {
                    throw ValidationError(
                        "'--arith framework' and '--expected' both name what to compare with: give one of them"
                    )
                }
                if let reason = FrameworkKernel.unsupported(f, format: format) {
                    throw ValidationError(PrecisionOptions.frameworkMessage(reason, f, format))
                }
                return .framework
            default:
                throw ValidationError(
                    "'--arith' must be exact or framework (what the preset's framework returns), got '\(arith ?? "")'"
                )
            }
        }
    }
}
