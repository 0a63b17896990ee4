import ActivationCore
import ActivationPlot
import ArgumentParser

/// The writers of a plot: CSV, the terminal chart and images, each sized and checked here.
extension PlotRun {
    /// Writes the output in the plan's format.
    /// - Parameter reserve: Lines of the terminal kept for what follows a chart.
    func draw(_ plan: Plan, reserve: Int, on console: inout Console) throws {
        switch plan.format.writer {
        case .rows: try writeTable(plan, on: &console)
        case .chart: try drawChart(plan, reserve: reserve, on: &console)
        case .image(let encoder):
            let standalone = PGFPlotsEncoder(standalone: options.standalone)
            try drawImage(plan, plan.format == .tex ? standalone : encoder, on: &console)
        }
    }

    /// The CSV table, streamed: f, f′ (and f″) of each function, as computed in a format with
    /// --dtype, and the differences with --diff.
    private func writeTable(_ plan: Plan, on console: inout Console) throws {
        let o = options
        let sampling = try o.sampling(o.interval, default: 101, limit: Self.tableRowLimit)
        var table = CSVTable(
            functions: plan.functions, sampling: sampling, derivative: o.orders.contains(1),
            secondDerivative: o.orders.contains(2), precision: o.numbers.precision)
        table.value = o.orders.contains(0)
        table.differences = o.diff
        table.computed = plan.evaluations.map { CSVTable.Computed($0, errors: o.error) }
        table.separator = plan.format == .tsv ? UInt8(ascii: "\t") : UInt8(ascii: ",")
        table.plainHeader = o.header?.lowercased() == "plain"
        // Long: one header, then each function's table, every row starting with its name.
        let long = o.csvLayout?.lowercased() == "long"
        let tables =
            long
            ? plan.functions.map { item in
                var one = table
                one.functions = [item]
                one.rowLabel = table.plainHeader ? CSVTable.plain(item.name) : item.name
                return one
            } : [table]
        try emit(plan, on: &console) { out in
            if long { out.write(Array((table.longHeader + "\n").utf8)) }
            for t in tables where out.failure == nil {
                t.stream(to: { bytes in
                    out.write(bytes)
                    return out.failure == nil
                })
            }
        }
    }

    /// The terminal chart, sized to the terminal (less the lines kept for what follows it).
    private func drawChart(_ plan: Plan, reserve: Int, on console: inout Console) throws {
        let o = options
        let most = TerminalChart.maximumSize
        if let width = o.width, width > most.width {
            throw ValidationError(
                "'--width' of a chart must be at most \(most.width) characters, got \(width)")
        }
        if let height = o.height, height > most.height {
            throw ValidationError("'--height' of a chart must be at most \(most.height) lines, got \(height)")
        }
        let environment = console.environment
        let terminal = environment.terminalSize
        let least = TerminalChart.minimumSize
        var chart = TerminalChart(
            width: o.width ?? terminal.map { Self.clamp($0.columns, least.width, most.width) } ?? 80,
            // The terminal's lines less one for the prompt and the statistics under the chart,
            // down to the smallest chart.
            height: o.height ?? Self.clamp((terminal?.lines ?? 25) - 1 - reserve, least.height, most.height),
            color: o.color == "always"
                || (o.color == "auto" && plan.toStandardOutput && environment.colourByDefault),
            ascii: o.ascii || !environment.unicode)
        chart.colors256 = environment.colors256
        let columns = chart.samples(
            for: plan.functions, over: o.interval.closedRange, derivative: o.orders.contains(1),
            secondDerivative: o.orders.contains(2), title: o.title)
        let sampling = try o.sampling(
            o.interval, default: columns, limit: Self.chartSampleLimit, onAxis: true)
        let grid = figures(plan, sampling: sampling)
        try emit(plan, on: &console) { chart.render(grid, to: &$0) }
    }

    /// An image, encoded whole, then written.
    private func drawImage(_ plan: Plan, _ encoder: any ImageEncoder, on console: inout Console) throws {
        let o = options
        // A pgfplots figure is set in a page's text: 460 × 300 pixels are 345 × 225 pt, an
        // article's text width.
        let tex = plan.format == .tex
        var (w, h) = (o.width ?? (tex ? 460 : 1200), o.height ?? (tex ? 300 : 800))
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
        let format = plan.format
        if format.isBinary && plan.toStandardOutput && console.environment.standardOutputIsTerminal {
            throw ValidationError(
                "refusing to write \(format.name.uppercased()) bytes to a terminal; use -o \(format.example) or "
                    + "redirect stdout")
        }
        // pgfplots takes 400 points a curve: TeX is slow, and a printed figure needs no more.
        let samples = format == .tex ? 400 : Swift.max(2, Int(pw))
        let sampling = try o.sampling(
            o.interval, default: samples, limit: Self.chartSampleLimit, onAxis: true)
        let grid = figures(plan, sampling: sampling)
        if tex {
            // Each panel of a pgfplots grid keeps the default size.
            let (columns, rows) = grid.shape(width: Double(w), readable: FigureGrid.readablePanelWidth)
            if o.width == nil { w *= columns }
            if o.height == nil { h *= rows }
        }
        // Quoted for a shell, so that the command can be pasted back (`'x*tanh(x)'`).
        let command = o.noMetadata ? "" : ShellQuote.command(["actplot"] + console.environment.arguments)
        let image: EncodedImage
        do {
            image = try encoder.encode(grid, width: w, height: h, scale: o.scale, comment: command)
        } catch {
            throw OutputError.write(String(describing: error))
        }
        if !image.missingCharacters.isEmpty {
            let list = image.missingCharacters.map { c in
                "'\(c)' ("
                    + c.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }
                    .joined(separator: " ") + ")"
            }
            console.warn(
                "actplot: warning: the \(format.name.uppercased()) font has no glyph for "
                    + "\(list.joined(separator: ", ")); drawn as a box (SVG uses the viewer's fonts)\n")
        }
        try emit(plan, on: &console) { $0.write(image.bytes) }
    }

    /// `value` limited to `low...high`.
    private static func clamp(_ value: Int, _ low: Int, _ high: Int) -> Int {
        Swift.min(high, Swift.max(low, value))
    }
}
