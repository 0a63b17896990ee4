import ActivationCore
import ActivationPlot
import ArgumentParser

extension Actplot {
    /// `actplot FUNCTION... [options]`: a terminal chart (default) or a CSV table.
    struct Plot: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Plot functions and their derivatives (the default command).",
            discussion: """
                Draws f (solid) and f′ (dotted) of each FUNCTION as a braille chart sized to the \
                terminal, or writes them as CSV. Several functions share one chart.

                Examples:
                  actplot relu --range -5:5
                  actplot gelu silu mish --second-derivative
                  actplot leaky_relu:alpha=0.2 --samples 11 --format csv
                  actplot tanh --range -4:4 -o tanh.csv
                """
        )

        @Argument(
            help: ArgumentHelp("Functions: catalog names, specs or framework presets.", valueName: "FUNCTION")
        )
        var functions: [String] = []

        @Option(parsing: .unconditional, help: ArgumentHelp("The x interval.", valueName: "MIN:MAX"))
        var range: String = "-5:5"

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Number of points, ends included (default: one per dot column; CSV 101).", valueName: "N"))
        var samples: Int?

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Spacing of the points instead of --samples.", valueName: "H"))
        var step: String?

        @Option(
            help: ArgumentHelp(
                "chart, csv, png or svg (default: from --output's extension, else chart).",
                valueName: "FORMAT"))
        var format: String?

        @Option(
            name: [.short, .long], help: ArgumentHelp("Write to FILE ('-' for stdout).", valueName: "FILE"))
        var output: String?

        @Flag(help: "Leave out f′.")
        var noDerivative = false

        @Flag(help: "Add f″.")
        var secondDerivative = false

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Chart width in characters (default: the terminal's, else 80).", valueName: "W"))
        var width: Int?

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Chart height in lines (default: the terminal's, else 24).", valueName: "H"))
        var height: Int?

        @Option(help: "The title (default: the functions' names).")
        var title: String?

        @Option(
            help: ArgumentHelp(
                "auto, always or never (auto: a terminal, NO_COLOR unset, TERM not dumb).", valueName: "WHEN")
        )
        var color: String = "auto"

        @Flag(help: "Plain 7-bit ASCII chart (also chosen when the locale is not UTF-8).")
        var ascii = false

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp(
                "Significant digits in CSV (1-17; default: shortest round-trip).", valueName: "N"))
        var precision: Int?

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Fixed other inputs of vector functions.", valueName: "O1,O2,..."))
        var others: String?

        /// The most points a chart samples, and the most rows a CSV streams.
        static let chartSampleLimit = 10_000_000
        static let tableRowLimit = 10_000_000_000

        enum Format: String { case chart, csv, png, svg }

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("Pixel density of PNG/SVG (2 = hi-DPI).", valueName: "S"))
        var scale: Double = 1

        func validate() throws {
            if functions.isEmpty {
                throw ValidationError(
                    "give at least one function, e.g. actplot relu --range -5:5 (actplot list shows them)")
            }
            try Describe.validate(precision: precision)
            if samples != nil && step != nil {
                throw ValidationError("give '--samples' or '--step', not both")
            }
            if let samples, samples < 2 {
                throw ValidationError(
                    "'--samples' needs at least 2 points (both ends of the range), got \(samples)")
            }
            if !(scale.isFinite && scale >= 0.25 && scale <= 8) {
                throw ValidationError("'--scale' must be 0.25 to 8, got \(shortestText(scale))")
            }
            let largest = Figure.maximumPixels
            if let width, width < TerminalChart.minimumSize.width || width > largest {
                throw ValidationError(
                    "'--width' must be \(TerminalChart.minimumSize.width) to \(largest) (characters or pixels), got \(width)"
                )
            }
            if let height, height < TerminalChart.minimumSize.height || height > largest {
                throw ValidationError(
                    "'--height' must be \(TerminalChart.minimumSize.height) to \(largest) (lines or pixels), got \(height)"
                )
            }
            if !["auto", "always", "never"].contains(color) {
                throw ValidationError("'--color' must be auto, always or never, got '\(color)'")
            }
        }

        func run() throws {
            guard let interval = RangeArgument(argument: range) else { throw rangeError(range) }
            let format = try resolvedFormat()
            let otherInputs = try others.map { try NumberList.list($0, for: "--others") } ?? [0]
            let resolved = try functions.map { spec in
                let f = try Catalog.activation(spec, others: otherInputs)
                return (name: f.name, function: f)
            }
            let toStandardOutput = output == nil || output == "-"
            switch format {
            case .csv:
                let sampling = try makeSampling(interval, default: 101, limit: Self.tableRowLimit)
                let table = CSVTable(
                    functions: resolved, sampling: sampling, derivative: !noDerivative,
                    secondDerivative: secondDerivative, precision: precision)
                try emit(toStandardOutput) { table.write(to: &$0) }
            case .chart:
                let most = TerminalChart.maximumSize
                if let width, width > most.width {
                    throw ValidationError(
                        "'--width' of a chart must be at most \(most.width) characters, got \(width)")
                }
                if let height, height > most.height {
                    throw ValidationError(
                        "'--height' of a chart must be at most \(most.height) lines, got \(height)")
                }
                let terminal = TerminalEnvironment.size()
                let chart = TerminalChart(
                    width: width ?? terminal.map {
                        clamp($0.columns, TerminalChart.minimumSize.width, most.width)
                    } ?? 80,
                    height: height ?? terminal.map {
                        clamp($0.lines - 1, TerminalChart.minimumSize.height, most.height)
                    } ?? 24,
                    color: color == "always"
                        || (color == "auto" && toStandardOutput && TerminalEnvironment.colourByDefault),
                    ascii: ascii || !TerminalEnvironment.unicode)
                var figure = Figure(
                    functions: resolved,
                    sampling: Sampling(from: interval.lower, to: interval.upper, count: 2),
                    derivative: !noDerivative, secondDerivative: secondDerivative, title: title)
                let sampling = try makeSampling(
                    interval, default: chart.samples(for: figure), limit: Self.chartSampleLimit)
                figure = Figure(
                    functions: resolved, sampling: sampling, derivative: !noDerivative,
                    secondDerivative: secondDerivative, title: title)
                try emit(toStandardOutput) { chart.render(figure, to: &$0) }
            case .png, .svg:
                let (w, h) = (width ?? 1200, height ?? 800)
                let (pw, ph) = (Double(w) * scale, Double(h) * scale)
                guard pw <= Double(Figure.maximumPixels), ph <= Double(Figure.maximumPixels) else {
                    throw ValidationError(
                        "a \(Int(pw))×\(Int(ph)) image is too large: at most \(Figure.maximumPixels) pixels a side after --scale"
                    )
                }
                if format == .png && toStandardOutput && TerminalEnvironment.standardOutputIsTerminal {
                    throw ValidationError(
                        "refusing to write PNG bytes to a terminal; use -o plot.png or redirect stdout")
                }
                let sampling = try makeSampling(
                    interval, default: Swift.max(2, Int(pw)), limit: Self.chartSampleLimit)
                let figure = Figure(
                    functions: resolved, sampling: sampling, derivative: !noDerivative,
                    secondDerivative: secondDerivative, title: title)
                if format == .svg {
                    try emit(toStandardOutput) { figure.svg(width: w, height: h, scale: scale, to: &$0) }
                } else {
                    let command = (["actplot"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
                    let bytes: [UInt8]
                    do {
                        bytes = try figure.png(width: w, height: h, scale: scale, comment: command)
                    } catch {
                        throw OutputError.write(error.description)
                    }
                    try emit(toStandardOutput) { $0.write(bytes) }
                }
            }
        }

        private func resolvedFormat() throws -> Format {
            if let format {
                guard let known = Format(rawValue: format.lowercased()) else {
                    throw ValidationError("'--format' must be chart, csv, png or svg, got '\(format)'")
                }
                return known
            }
            guard let output, output != "-" else { return .chart }
            let name = output.split(separator: "/").last.map(String.init) ?? output
            guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return .chart }
            switch name[name.index(after: dot)...].lowercased() {
            case "csv": return .csv
            case "txt", "text": return .chart
            case "png": return .png
            case "svg": return .svg
            case let other:
                throw ValidationError(
                    "cannot tell the format from the extension '.\(other)' of '\(output)'; use --format chart|csv|png|svg"
                )
            }
        }

        private func makeSampling(_ interval: RangeArgument, default count: Int, limit: Int) throws
            -> Sampling
        {
            if let step {
                guard let h = parseNumber(step.trimmed), h.isFinite, h > 0 else {
                    throw ValidationError(
                        "'--step' must be a positive finite number, e.g. --step 0.1, got '\(step)'")
                }
                let intervals = (interval.upper - interval.lower) / h
                guard intervals < Double(limit) else {
                    throw ValidationError(
                        "'--step \(step)' gives \(NumberText.format(intervals + 1, significantDigits: 3)) points over \(interval); at most \(limit) are allowed"
                    )
                }
                guard let sampling = Sampling(from: interval.lower, to: interval.upper, step: h) else {
                    throw ValidationError(
                        "'--step \(step)' is larger than the range \(interval): it gives fewer than 2 points")
                }
                return sampling
            }
            let n = samples ?? count
            guard n <= limit else {
                throw ValidationError("'--samples' must be at most \(limit) for this output, got \(n)")
            }
            return Sampling(from: interval.lower, to: interval.upper, count: n)
        }

        /// Writes through `body` to stdout, or to the output file atomically.
        private func emit(_ toStandardOutput: Bool, _ body: (inout FileDescriptorStream) -> Void) throws {
            if toStandardOutput {
                var out = FileDescriptorStream(descriptor: 1)
                body(&out)
                if let reason = out.failed { throw OutputError.write(reason) }
                return
            }
            let file = try OutputFile(path: output ?? "")
            body(&file.stream)
            try file.commit()
        }
    }
}

/// `value` limited to `low...high`.
func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { Swift.min(high, Swift.max(low, value)) }
