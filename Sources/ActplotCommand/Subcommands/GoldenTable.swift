import ActivationCore
import ArgumentParser

extension Actplot {
    /// `actplot table FUNCTION --dtype NAME`: the golden table a kernel's tests load.
    struct GoldenTable: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "table",
            abstract:
                "The correctly rounded f and f′ at every input of a format: a golden table for kernel tests.",
            discussion: """
                One row per input: every bit pattern of an 8- or 16-bit format from 0 upwards, NaN \
                patterns included; with --range, the format's values there in value order; for \
                float32, --every (every float32 in --range, or all 2^32 patterns) or --samples N. \
                Each value twice: its bits (x_bits, f_bits, df_bits as <u1/<u2/<u4/<u8) and its \
                value as float32, exact for every format up to 32 bits (float64 for float64). flags: \
                bit 0 f uncertain, bit 1 f′ uncertain, bit 2 f″ uncertain (where the double's margin \
                of error straddles a rounding boundary: flagged, never guessed).

                Formats: npy (a structured array np.load reads without ml_dtypes), csv (bits in \
                hexadecimal beside the values), columns (one .npy per column beside -o NAME.npy), \
                raw (one headerless little-endian file per column). Written a block at a time, in \
                constant memory.

                Examples:
                  actplot table sigmoid --dtype bf16 -o sigmoid-bf16.npy
                  actplot table gelu --dtype e4m3 --format csv
                  actplot table silu --dtype f32 --every --range 1:2 -o silu.npy --columns
                  actplot table sigmoid --dtype f32 --every -o - | wc -c
                """
        )

        @Argument(help: ArgumentHelp("The function.", valueName: "FUNCTION"), completion: .functionNames)
        var function: String

        @Option(
            help: ArgumentHelp(
                "npy, csv, columns or raw (default: from -o's extension, else npy; csv on a terminal).",
                valueName: "FORMAT"))
        var format: String?

        @Option(name: .shortAndLong, help: ArgumentHelp("Write to FILE ('-' for stdout).", valueName: "FILE"))
        var output: String?

        @OptionGroup var table: TableOptions

        @OptionGroup var others: OthersOption

        @OptionGroup var tableFormat: FormatOption

        @Flag(help: "Flush subnormal results to zero: the table of a kernel that does (FTZ/DAZ).")
        var ftz = false

        func run(on console: inout Console) throws {
            let f = try others.activation(function, for: "table")
            let dtype = try tableFormat.format(
                flushing: ftz, example: "actplot table \(function) --dtype bf16")
            let layout = try self.layout(on: console)
            let run = TableRun(
                function: f, format: dtype, inputs: try table.inputs(dtype, function: function),
                columns: try table.chosenColumns())
            let toStandardOutput = output == nil || output == "-"
            if layout.isPlanar {
                guard let output, !toStandardOutput else {
                    throw ValidationError(
                        "--format \(layout.rawValue) writes one file per column: give -o NAME.npy")
                }
                return try run.writeColumns(layout, to: run.columnPaths(beside: output, layout))
            }
            if layout == .npy && toStandardOutput && console.environment.standardOutputIsTerminal {
                throw ValidationError(
                    "refusing to write .npy bytes to a terminal; use -o table.npy or redirect stdout")
            }
            if toStandardOutput {
                return try run.write(layout) { bytes in
                    console.output.write(bytes)
                    try console.output.check()
                }
            }
            let file = try OutputFile(path: output ?? "", example: "table.\(layout.rawValue)")
            do {
                try run.write(layout) { file.stream.write($0) }
            } catch {
                file.discard()
                throw error
            }
            try file.commit()
        }

        /// The layout from --format, --columns and -o's extension; else npy, or CSV on a terminal.
        private func layout(on console: Console) throws -> TableRun.Layout {
            let implied = output.flatMap { $0.split(separator: ".").last.map(String.init)?.lowercased() }
            let byExtension = ["npy": "npy", "csv": "csv", "bin": "raw", "raw": "raw"]
            let terminal = (output == nil || output == "-") && console.environment.standardOutputIsTerminal
            let name =
                format ?? implied.flatMap { byExtension[$0] } ?? (terminal && !table.columns ? "csv" : "npy")
            guard var layout = TableRun.Layout(rawValue: name.lowercased()) else {
                throw ValidationError("'--format' of table must be npy, csv, columns or raw, got '\(name)'")
            }
            if table.columns {
                guard layout == .npy || layout == .columns else {
                    throw ValidationError("--columns writes .npy files; drop --format \(name) or --columns")
                }
                layout = .columns
            }
            return layout
        }
    }
}
