import ActivationCore
import ArgumentParser

extension Actplot {
    /// `actplot table FUNCTION --dtype NAME`: the golden table a kernel's tests load.
    struct GoldenTable: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "table",
            abstract: "The correctly rounded f and f′ at every input of an 8- or 16-bit format.",
            discussion: """
                One row per bit pattern of the format, from 0 upwards, NaN patterns included: the \
                input, f and f′ rounded once from the exact values, each as its bits and as float32 \
                (exact for these formats), and flags (bit 0: f uncertain, bit 1: f′ uncertain; an \
                uncertain rounding sets both). As NumPy .npy (a structured array np.load reads \
                without ml_dtypes) or CSV with the bits in hexadecimal.

                Examples:
                  actplot table sigmoid --dtype bf16 -o sigmoid-bf16.npy
                  actplot table gelu --dtype e4m3 --format csv
                """
        )

        @Argument(help: ArgumentHelp("The function.", valueName: "FUNCTION"), completion: .functionNames)
        var function: String

        @Option(
            help: ArgumentHelp("npy or csv (default: from -o's extension, else csv).", valueName: "FORMAT"))
        var format: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE ('-' for stdout).", valueName: "FILE"))
        var output: String?

        @OptionGroup var range: RangeOption

        @Flag(help: "With --dtype f32: every float32 in --range.")
        var every = false

        @OptionGroup var others: OthersOption

        @OptionGroup var precision: PrecisionOptions

        func run(on console: inout Console) throws {
            let f = try others.activation(function, for: "table")
            guard let dtype = try precision.format() else {
                throw ValidationError(
                    "give the format with --dtype, e.g. actplot table \(function) --dtype bf16")
            }
            if precision.arith != nil {
                throw ValidationError("table holds the correctly rounded values: drop --arith")
            }
            let implied = output.flatMap { $0.split(separator: ".").last.map(String.init)?.lowercased() }
            let kind = (format ?? (implied == "npy" ? "npy" : "csv")).lowercased()
            guard ["npy", "csv"].contains(kind) else {
                throw ValidationError("'--format' of table must be npy or csv, got '\(format ?? kind)'")
            }
            let toStandardOutput = output == nil || output == "-"
            if kind == "npy" && toStandardOutput && console.environment.standardOutputIsTerminal {
                throw ValidationError(
                    "refusing to write .npy bytes to a terminal; use -o table.npy or redirect stdout")
            }
            let run = TableRun(function: f, format: dtype, output: kind, inputs: try inputs(dtype))
            if toStandardOutput {
                try run.write { bytes in
                    console.output.write(bytes)
                    try console.output.check()
                }
                return
            }
            let file = try OutputFile(path: output ?? "", example: "table.\(kind)")
            try run.write { file.stream.write($0) }
            try file.commit()
        }

        /// Every pattern of an 8- or 16-bit format; with --every, every float32 in --range.
        private func inputs(_ dtype: NumberFormat) throws -> TableRun.Inputs {
            if dtype.bitWidth <= 16 { return .everyPattern }
            guard dtype.bitWidth == 32 && every else {
                throw ValidationError(
                    "a table of \(dtype.name) takes --every (every float32 in --range); float64 is not yet done"
                )
            }
            return .everyFloat(lower: Float(range.range.lower), upper: Float(range.range.upper))
        }
    }
}
