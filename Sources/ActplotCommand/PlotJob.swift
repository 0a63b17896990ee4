import ActivationCore
import ActivationPlot
import ArgumentParser

/// One run of `actplot FUNCTION...` or `actplot compare`: resolves the functions, builds the
/// figures and writes the chart, table or image, with difference statistics when comparing.
struct PlotJob {
    let specs: [String]
    let options: PlotOptions
    /// The layout when --layout is not given.
    let defaultLayout: PlotOptions.Layout
    /// Whether to report how each function differs from the first (compare, or --diff).
    let reportsDifferences: Bool

    /// The most points a chart or image samples, and the most rows a CSV streams.
    static let chartSampleLimit = 10_000_000
    static let tableRowLimit = 10_000_000_000
    /// Grid points of the difference statistics when neither --samples nor --step is given.
    static let statisticsSamples = 10_001

    /// What every output of one run shares.
    struct Plan {
        let functions: [(name: String, function: Activation)]
        /// With --dtype: each function as the format computes it.
        let evaluations: [FormatEvaluation]?
        let format: PlotOptions.Format
        let layout: PlotOptions.Layout
        let marks: [Double]
        let toStandardOutput: Bool
    }

    func run() throws {
        let o = options
        let plan = try self.plan()
        var report: ComparisonReport?
        if reportsDifferences && plan.functions.count >= 2 {
            let count =
                o.samples != nil || o.step != nil
                ? try o.sampling(o.interval, default: 0, limit: Self.chartSampleLimit).count
                : Self.statisticsSamples
            report = ComparisonReport(
                functions: plan.functions, range: o.interval.closedRange, samples: count,
                precision: o.numbers.precision, evaluations: plan.evaluations)
        }
        let chartOnStandardOutput = plan.toStandardOutput && plan.format == .chart
        if !(o.numbers.json && plan.toStandardOutput) {
            // Under a chart on stdout, the statistics share the terminal's height.
            let reserve =
                !o.numbers.json && chartOnStandardOutput ? (report.map { $0.lineCount + 1 } ?? 0) : 0
            try draw(plan, reserve: reserve)
        }
        guard let report else { return }
        if o.numbers.json {
            try writeToStandardOutput(report.json.text() + "\n")
        } else if chartOnStandardOutput {
            try writeText("\n" + report.text)
        } else {
            standardError.write(ASCIIText.forLocale(report.text))
        }
    }

    /// The functions and choices of the run, checked against each other.
    private func plan() throws -> Plan {
        let o = options
        let format = try o.resolvedFormat()
        let layout = o.layout.flatMap { PlotOptions.Layout(rawValue: $0.lowercased()) } ?? defaultLayout
        let marks = try o.markedPoints(in: o.interval)
        let functions = try o.others.activations(specs).map { (name: $0.name, function: $0) }
        if o.diff && functions.count < 2 {
            throw ValidationError("'--diff' needs two or more functions: the first minus each other one")
        }
        if format == .csv && (o.saturation || !marks.isEmpty) {
            throw ValidationError("'--saturation' and '--mark' draw on charts and images, not in CSV")
        }
        if o.numbers.json && !reportsDifferences {
            throw ValidationError("'--json' prints difference statistics: use it with compare or --diff")
        }
        let toStandardOutput = o.output == nil || o.output == "-"
        if o.numbers.json && toStandardOutput, let asked = o.format {
            throw ValidationError(
                "'--json' prints the statistics on standard output, so '--format \(asked)' has nowhere to go; "
                    + "add -o FILE for the \(asked), or drop --format")
        }
        return Plan(
            functions: functions, evaluations: try formatEvaluations(functions), format: format,
            layout: layout, marks: marks,
            toStandardOutput: toStandardOutput)
    }

    private func draw(_ plan: Plan, reserve: Int) throws {
        switch plan.format {
        case .csv:
            if let evaluations = plan.evaluations {
                try writeFormatTable(plan, evaluations)
            } else {
                try writeTable(plan)
            }
        case .chart: try drawChart(plan, reserve: reserve)
        case .png, .svg: try drawImage(plan)
        }
    }

    private func writeTable(_ plan: Plan) throws {
        let o = options
        let sampling = try o.sampling(o.interval, default: 101, limit: Self.tableRowLimit)
        var table = CSVTable(
            functions: plan.functions, sampling: sampling, derivative: !o.noDerivative,
            secondDerivative: o.secondDerivative, precision: o.numbers.precision)
        table.differences = o.diff
        try emit(plan) { out in table.write { out.write($0) } }
    }

    private func drawChart(_ plan: Plan, reserve: Int) throws {
        let o = options
        let most = TerminalChart.maximumSize
        if let width = o.width, width > most.width {
            throw ValidationError(
                "'--width' of a chart must be at most \(most.width) characters, got \(width)")
        }
        if let height = o.height, height > most.height {
            throw ValidationError("'--height' of a chart must be at most \(most.height) lines, got \(height)")
        }
        let terminal = TerminalEnvironment.size()
        let least = TerminalChart.minimumSize
        var chart = TerminalChart(
            width: o.width ?? terminal.map { Self.clamp($0.columns, least.width, most.width) } ?? 80,
            // The terminal's lines less one for the prompt and the statistics under the chart,
            // down to the smallest chart.
            height: o.height ?? Self.clamp((terminal?.lines ?? 25) - 1 - reserve, least.height, most.height),
            color: o.color == "always"
                || (o.color == "auto" && plan.toStandardOutput && TerminalEnvironment.colourByDefault),
            ascii: o.ascii || !TerminalEnvironment.unicode)
        chart.colors256 = TerminalEnvironment.colors256
        let probe = Figure(
            functions: plan.functions,
            sampling: Sampling(from: o.interval.lower, to: o.interval.upper, count: 2),
            derivative: !o.noDerivative, secondDerivative: o.secondDerivative, title: o.title)
        let sampling = try o.sampling(
            o.interval, default: chart.samples(for: probe), limit: Self.chartSampleLimit)
        let grid = figures(plan, sampling: sampling)
        try emit(plan) { chart.render(grid, to: &$0) }
    }

    private func drawImage(_ plan: Plan) throws {
        let o = options
        let (w, h) = (o.width ?? 1200, o.height ?? 800)
        let (pw, ph) = (Double(w) * o.scale, Double(h) * o.scale)
        guard pw <= Double(Figure.maximumPixels), ph <= Double(Figure.maximumPixels) else {
            throw ValidationError(
                "a \(Int(pw))×\(Int(ph)) image is too large: at most \(Figure.maximumPixels) pixels a side after --scale"
            )
        }
        guard pw.rounded() >= 16, ph.rounded() >= 16 else {
            throw ValidationError(
                "a \(Int(pw.rounded()))×\(Int(ph.rounded())) image is too small: at least 16 pixels a side after --scale"
            )
        }
        if plan.format == .png && plan.toStandardOutput && TerminalEnvironment.standardOutputIsTerminal {
            throw ValidationError(
                "refusing to write PNG bytes to a terminal; use -o plot.png or redirect stdout")
        }
        let sampling = try o.sampling(
            o.interval, default: Swift.max(2, Int(pw)), limit: Self.chartSampleLimit)
        let grid = figures(plan, sampling: sampling)
        if plan.format == .svg {
            try emit(plan) { grid.svg(width: w, height: h, scale: o.scale, to: &$0) }
            return
        }
        // Quoted for a shell, so that the command can be pasted back (`'x*tanh(x)'`).
        let command = ShellQuote.command(["actplot"] + CommandLine.arguments.dropFirst())
        let bytes: [UInt8]
        let missing: [Character]
        do {
            (bytes, missing) = try grid.renderPNG(width: w, height: h, scale: o.scale, comment: command)
        } catch {
            throw OutputError.write(error.description)
        }
        if !missing.isEmpty {
            let list = missing.map { c in
                "'\(c)' ("
                    + c.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
                    .joined(separator: " ") + ")"
            }
            standardError.write(
                ASCIIText.forLocale(
                    "actplot: warning: the PNG font has no glyph for \(list.joined(separator: ", ")); "
                        + "drawn as a box (SVG uses the viewer's fonts)\n"))
        }
        try emit(plan) { $0.write(bytes) }
    }

    /// The panels: one figure with every function (overlay) or one per function, plus the
    /// differences when --diff is given.
    private func figures(_ plan: Plan, sampling: Sampling) -> FigureGrid {
        let o = options
        let functions = plan.functions
        func decorate(_ figure: inout Figure, _ items: [(name: String, function: Activation)], first: Int) {
            if o.saturation { figure.addSaturation(of: items.map(\.function), firstFunction: first) }
            figure.addTrainingBands(of: items, firstFunction: first)
            figure.addMarks(at: plan.marks, of: items, firstFunction: first)
        }
        if plan.layout == .overlay || functions.count == 1 {
            var figure = Figure(
                functions: functions, sampling: sampling, derivative: !o.noDerivative,
                secondDerivative: o.secondDerivative, title: o.title)
            if o.diff {
                let differences = Figure.differences(
                    of: functions, sampling: sampling, derivative: !o.noDerivative,
                    secondDerivative: o.secondDerivative)
                figure.series += differences.series
                // Over the functions' title the differences need saying what f is.
                figure.notes +=
                    functions.count == 2 ? differences.notes : [Figure.Note("f = \(functions[0].name)")]
            }
            decorate(&figure, functions, first: 0)
            if let evaluations = plan.evaluations {
                figure = addingFormat(
                    figure, evaluations, names: functions.map(\.name), firstFunction: 0,
                    total: functions.count)
            }
            return FigureGrid(panels: [figure])
        }
        let panels = functions.enumerated().map { index, item in
            var figure = Figure(
                functions: [item], sampling: sampling, derivative: !o.noDerivative,
                secondDerivative: o.secondDerivative, firstFunction: index)
            decorate(&figure, [item], first: index)
            if let evaluations = plan.evaluations {
                figure = addingFormat(
                    figure, [evaluations[index]], names: [item.name], firstFunction: index,
                    total: functions.count)
            }
            return figure
        }
        var grid = FigureGrid(panels: panels, title: o.title ?? "")
        grid.arrangement = plan.layout.arrangement
        if !o.independentY { grid.shareYRange() }
        if o.diff {
            grid.panels.append(
                Figure.differences(
                    of: functions, sampling: sampling, derivative: !o.noDerivative,
                    secondDerivative: o.secondDerivative))
        }
        return grid
    }

    /// Writes through `body` to stdout, or to the output file atomically.
    func emit(_ plan: Plan, _ body: (inout FileDescriptorStream) -> Void) throws {
        if plan.toStandardOutput {
            var out = FileDescriptorStream(descriptor: 1)
            body(&out)
            if let reason = out.failed { throw OutputError.write(reason) }
            return
        }
        let example =
            switch plan.format {
            case .chart: "plot.txt"
            case .csv: "plot.csv"
            case .png: "plot.png"
            case .svg: "plot.svg"
            }
        let file = try OutputFile(path: options.output ?? "", example: example)
        body(&file.stream)
        try file.commit()
    }

    /// `value` limited to `low...high`.
    private static func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int {
        Swift.min(high, Swift.max(low, value))
    }
}
