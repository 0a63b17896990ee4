import ActivationCore
import ActivationPlot
import ArgumentParser

/// `check --plot`: the worst error of the kernel's results against x, as a terminal chart or
/// through the image writers (PNG, SVG, PDF, pgfplots).
struct CheckPlot {
    /// A file whose extension names the format (`err.png`), or `chart` or `-` for the terminal.
    let target: String
    /// The x interval shown, or nil for where the rows in error lie.
    let range: ClosedRange<Double>?

    /// The formats a plot can be written in.
    static let formats: [OutputFormat] = [.png, .svg, .pdf, .tex, .chart]

    /// Whether the chart goes to the terminal, after the report.
    var onTerminal: Bool { target == "chart" || target == "-" }

    /// The format the target's extension names.
    /// - Throws: A usage error naming the extensions.
    func outputFormat() throws -> OutputFormat {
        if onTerminal { return .chart }
        let name = target.split(separator: "/").last.map(String.init) ?? target
        let ext = name.split(separator: ".", omittingEmptySubsequences: false).last.map(String.init) ?? ""
        guard name.contains("."), let format = OutputFormat.implied(byExtension: ext, among: Self.formats)
        else {
            throw ValidationError(
                "--plot takes a file ending in .png, .svg, .pdf, .tex or .txt, or 'chart' for the terminal; "
                    + "got '\(target)'")
        }
        return format
    }

    /// The figure of a profile: f's (and f′'s) worst error at each stretch of x, in ulps, with the
    /// bounds as dotted lines; nil when no finite input was read.
    /// - Parameters:
    ///   - profile: The errors, binned.
    ///   - title: The function and format (`sigmoid in bfloat16`).
    ///   - bounds: --max-ulp and --max-ulp-derivative.
    ///   - columns: How many stretches of x to draw at most (an image's pixels, a chart's dots).
    func figure(
        _ profile: ErrorProfile, title: String, bounds: (value: Double, derivative: Double), columns: Int
    ) -> Figure? {
        guard let points = profile.points(in: range), let first = points.x.first, let last = points.x.last
        else { return nil }
        let (lo, hi) = first < last ? (first, last) : (first - 1, first + 1)
        let scale = Self.axis(lo, hi)
        let reduced = Self.reduce(points, scale: scale, lo: lo, hi: hi, columns: columns)
        var series: [Figure.Series] = []
        var notes: [Figure.Note] = []
        let parts = [("f", 0, Figure.Role.value, reduced.f), ("f′", 1, .derivative, reduced.df)]
        for (name, function, role, ys) in parts where ys.contains(where: { !$0.isNaN }) {
            let infinite = ys.filter(\.isInfinite).count
            if infinite > 0 {
                notes.append(
                    Figure.Note(
                        "\(name): a non-finite mismatch in \(infinite) stretch\(infinite == 1 ? "" : "es") of x, not drawn",
                        function: function))
            }
            let y = ys.map { $0.isInfinite ? .nan : $0 }
            series.append(
                Figure.Series(name: "\(name) error", function: function, role: role, x: reduced.x, y: y))
        }
        let shown = Set(series.map(\.role))
        var limits = [("--max-ulp \(DecimalText.shortest(bounds.value))", bounds.value)]
        if shown.contains(.derivative) && bounds.derivative != bounds.value {
            limits.append(
                ("--max-ulp-derivative \(DecimalText.shortest(bounds.derivative))", bounds.derivative))
        }
        for (k, (name, bound)) in limits.enumerated() {
            series.append(
                Figure.Series(
                    name: name, function: 2 + k, role: .secondDerivative, x: [lo, hi], y: [bound, bound]))
        }
        var figure = Figure(
            title: title + ": largest error at each x, in ulps", series: series, xRange: lo...hi)
        figure.yLabel = "error (ulps)"
        let top = series.flatMap(\.y).filter(\.isFinite).max() ?? 1
        figure.fixedYRange = 0...Swift.max(top, 1) * 1.08
        figure.notes = notes + [Figure.Note(Self.binning(profile))]
        figure.applyYScale(top > 20 ? .symlog(threshold: 1) : .linear)
        figure.applyXScale(scale)
        return figure
    }

    /// A linear x axis, or one by decades where the inputs span more than three of them.
    static func axis(_ lo: Double, _ hi: Double) -> AxisScale {
        if lo > 0 && hi / lo > 1000 { return .log }
        return Swift.max(abs(lo), abs(hi)) > 1000 ? .symlog(threshold: 1) : .linear
    }

    /// The points merged into at most `columns` even stretches of the axis, each keeping its
    /// largest errors and its first x; where the dump has no row over a stretch, a gap.
    static func reduce(
        _ points: ProfilePoints, scale: AxisScale, lo: Double, hi: Double, columns: Int
    ) -> ProfilePoints {
        let (start, span) = (scale.position(lo), scale.position(hi) - scale.position(lo))
        var out = ProfilePoints()
        var last = -2
        for i in points.x.indices {
            let p = (scale.position(points.x[i]) - start) / span
            let column = Swift.min(columns - 1, Swift.max(0, Int(p * Double(columns))))
            if column == last {
                out.f[out.f.count - 1] = worse(out.f[out.f.count - 1], points.f[i])
                out.df[out.df.count - 1] = worse(out.df[out.df.count - 1], points.df[i])
                continue
            }
            if points.gap[i] && column > last + 1 && last >= 0 {
                // No row in between, over a whole stretch of x: a gap, not a line across.
                out.x.append(points.x[i])
                out.f.append(.nan)
                out.df.append(.nan)
            }
            out.x.append(points.x[i])
            out.f.append(points.f[i])
            out.df.append(points.df[i])
            last = column
        }
        return out
    }

    /// The larger of two errors, NaN (none measured) counting least.
    private static func worse(_ a: Double, _ b: Double) -> Double {
        a.isNaN ? b : b.isNaN ? a : Swift.max(a, b)
    }

    /// What a point stands for: `each point: the worst row of its stretch of x (bins of 4096
    /// neighbouring float32 inputs)`.
    private static func binning(_ profile: ErrorProfile) -> String {
        let bins =
            profile.shift == 0
            ? "" : " (bins of \(1 << profile.shift) neighbouring \(profile.format.name) inputs)"
        return "each point: the worst row of its stretch of x\(bins)"
    }
}

extension CheckPlot {
    /// Draws the profile: on the terminal (after the report), or to the target file, which
    /// appears only when whole.
    /// - Parameters:
    ///   - profile: The errors, binned.
    ///   - title: The function and format.
    ///   - bounds: --max-ulp and --max-ulp-derivative.
    ///   - console: Where the chart goes, and the terminal's size and colours.
    func draw(
        _ profile: ErrorProfile, title: String, bounds: (value: Double, derivative: Double),
        on console: inout Console
    ) throws {
        let format = try outputFormat()
        let environment = console.environment
        guard case .image(let encoder) = format.writer else {
            let size = environment.terminalSize
            let width = onTerminal ? Swift.min(200, Swift.max(40, size?.columns ?? 80)) : 100
            let height = onTerminal ? Swift.min(60, Swift.max(10, (size?.lines ?? 25) - 1)) : 30
            var chart = TerminalChart(
                width: width, height: height, color: onTerminal && environment.colourByDefault,
                ascii: !environment.unicode)
            chart.colors256 = environment.colors256
            guard let figure = figure(profile, title: title, bounds: bounds, columns: 2 * width) else {
                return console.warn("actplot: check: no finite input to plot\n")
            }
            if onTerminal {
                chart.render(FigureGrid(panels: [figure]), to: &console.output)
                return try console.output.check()
            }
            let file = try OutputFile(path: target, example: "errors.txt")
            chart.render(FigureGrid(panels: [figure]), to: &file.stream)
            return try file.commit()
        }
        guard let figure = figure(profile, title: title, bounds: bounds, columns: 1200) else {
            return console.warn("actplot: check: no finite input to plot\n")
        }
        let command = ShellQuote.command(["actplot"] + environment.arguments)
        let image: EncodedImage
        do {
            image = try encoder.encode(
                FigureGrid(panels: [figure]), width: 1200, height: 800, scale: 1, comment: command)
        } catch {
            throw OutputError.write(String(describing: error))
        }
        let file = try OutputFile(path: target, example: "errors.\(format.name)")
        file.stream.write(image.bytes)
        try file.commit()
    }
}
