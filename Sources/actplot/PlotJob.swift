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

    func run() throws {
        let o = options
        let interval = try o.interval()
        let format = try o.resolvedFormat()
        let layout = o.layout.flatMap { PlotOptions.Layout(rawValue: $0.lowercased()) } ?? defaultLayout
        let marks = try o.markedPoints(in: interval)
        let otherInputs = try o.others.map { try NumberList.list($0, for: "--others") } ?? [0]
        let functions = try specs.map { spec in
            let f = try Catalog.activation(spec, others: otherInputs)
            return (name: f.name, function: f)
        }
        if o.diff && functions.count < 2 {
            throw ValidationError("'--diff' needs two or more functions: the first minus each other one")
        }
        if format == .csv && (o.saturation || !marks.isEmpty) {
            throw ValidationError("'--saturation' and '--mark' draw on charts and images, not in CSV")
        }
        let toStandardOutput = o.output == nil || o.output == "-"
        if o.json && !reportsDifferences {
            throw ValidationError("'--json' prints difference statistics: use it with compare or --diff")
        }
        var report: ComparisonReport?
        if reportsDifferences && functions.count >= 2 {
            let count =
                o.samples != nil || o.step != nil
                ? try o.sampling(interval, default: 0, limit: Self.chartSampleLimit).count
                : Self.statisticsSamples
            report = ComparisonReport(
                functions: functions, range: interval.lower...interval.upper, samples: count,
                precision: o.precision)
        }
        // Under a chart on stdout, the statistics share the terminal's height.
        let below =
            !o.json && toStandardOutput && format == .chart ? (report.map { $0.lineCount + 1 } ?? 0) : 0
        if !(o.json && toStandardOutput) {
            try draw(
                functions, format: format, layout: layout, interval: interval, marks: marks, reserve: below)
        }
        guard let report else { return }
        if o.json {
            try writeToStandardOutput(report.json.text() + "\n")
        } else if toStandardOutput && format == .chart {
            try writeToStandardOutput("\n" + report.text)
        } else {
            standardError.write(report.text)
        }
    }

    private func draw(
        _ functions: [(name: String, function: Activation)], format: PlotOptions.Format,
        layout: PlotOptions.Layout, interval: RangeArgument, marks: [Double], reserve: Int
    ) throws {
        let o = options
        let toStandardOutput = o.output == nil || o.output == "-"
        switch format {
        case .csv:
            let sampling = try o.sampling(interval, default: 101, limit: Self.tableRowLimit)
            var table = CSVTable(
                functions: functions, sampling: sampling, derivative: !o.noDerivative,
                secondDerivative: o.secondDerivative, precision: o.precision)
            table.differences = o.diff
            try emit(toStandardOutput) { out in table.write { out.write($0) } }
        case .chart:
            let most = TerminalChart.maximumSize
            if let width = o.width, width > most.width {
                throw ValidationError(
                    "'--width' of a chart must be at most \(most.width) characters, got \(width)")
            }
            if let height = o.height, height > most.height {
                throw ValidationError(
                    "'--height' of a chart must be at most \(most.height) lines, got \(height)")
            }
            let terminal = TerminalEnvironment.size()
            let chart = TerminalChart(
                width: o.width ?? terminal.map {
                    clamp($0.columns, TerminalChart.minimumSize.width, most.width)
                } ?? 80,
                height: o.height
                    ?? clamp(
                        (terminal?.lines ?? 25) - 1 - reserve, Swift.min(12, most.height), most.height),
                color: o.color == "always"
                    || (o.color == "auto" && toStandardOutput && TerminalEnvironment.colourByDefault),
                ascii: o.ascii || !TerminalEnvironment.unicode)
            let probe = Figure(
                functions: functions, sampling: Sampling(from: interval.lower, to: interval.upper, count: 2),
                derivative: !o.noDerivative, secondDerivative: o.secondDerivative, title: o.title)
            let sampling = try o.sampling(
                interval, default: chart.samples(for: probe), limit: Self.chartSampleLimit)
            let grid = figures(functions, sampling: sampling, layout: layout, marks: marks)
            try emit(toStandardOutput) { chart.render(grid, to: &$0) }
        case .png, .svg:
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
            if format == .png && toStandardOutput && TerminalEnvironment.standardOutputIsTerminal {
                throw ValidationError(
                    "refusing to write PNG bytes to a terminal; use -o plot.png or redirect stdout")
            }
            let sampling = try o.sampling(
                interval, default: Swift.max(2, Int(pw)), limit: Self.chartSampleLimit)
            let grid = figures(functions, sampling: sampling, layout: layout, marks: marks)
            if format == .svg {
                try emit(toStandardOutput) { grid.svg(width: w, height: h, scale: o.scale, to: &$0) }
            } else {
                let command = (["actplot"] + CommandLine.arguments.dropFirst()).joined(separator: " ")
                let bytes: [UInt8]
                do {
                    bytes = try grid.png(width: w, height: h, scale: o.scale, comment: command)
                } catch {
                    throw OutputError.write(error.description)
                }
                try emit(toStandardOutput) { $0.write(bytes) }
            }
        }
    }

    /// The panels: one figure with every function (overlay) or one per function, plus the
    /// differences when --diff is given.
    func figures(
        _ functions: [(name: String, function: Activation)], sampling: Sampling, layout: PlotOptions.Layout,
        marks: [Double]
    ) -> FigureGrid {
        let o = options
        func decorate(_ figure: inout Figure, _ items: [(name: String, function: Activation)], offset: Int) {
            if o.saturation { figure.addSaturation(of: items.map(\.function), colorOffset: offset) }
            figure.addTrainingBands(of: items, colorOffset: offset)
            figure.addMarks(at: marks, of: items, colorOffset: offset)
        }
        if layout == .overlay || functions.count == 1 {
            var figure = Figure(
                functions: functions, sampling: sampling, derivative: !o.noDerivative,
                secondDerivative: o.secondDerivative, title: o.title)
            if o.diff {
                figure.series +=
                    Figure.differences(of: functions, sampling: sampling, derivative: !o.noDerivative)
                    .series
            }
            decorate(&figure, functions, offset: 0)
            return FigureGrid(panels: [figure])
        }
        var panels = functions.enumerated().map { index, item in
            var figure = Figure(
                functions: [item], sampling: sampling, derivative: !o.noDerivative,
                secondDerivative: o.secondDerivative)
            for k in figure.series.indices { figure.series[k].colorIndex += 3 * index }
            decorate(&figure, [item], offset: index)
            return figure
        }
        var grid = FigureGrid(panels: panels, title: o.title ?? "")
        if !o.independentY { grid.shareYRange() }
        if o.diff {
            panels = [Figure.differences(of: functions, sampling: sampling, derivative: !o.noDerivative)]
            grid.panels += panels
        }
        return grid
    }

    /// Writes through `body` to stdout, or to the output file atomically.
    private func emit(_ toStandardOutput: Bool, _ body: (inout FileDescriptorStream) -> Void) throws {
        if toStandardOutput {
            var out = FileDescriptorStream(descriptor: 1)
            body(&out)
            if let reason = out.failed { throw OutputError.write(reason) }
            return
        }
        let file = try OutputFile(path: options.output ?? "")
        body(&file.stream)
        try file.commit()
    }
}

/// `value` limited to `low...high`.
func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int { Swift.min(high, Swift.max(low, value)) }
