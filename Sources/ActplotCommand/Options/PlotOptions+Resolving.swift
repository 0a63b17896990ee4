import ActivationCore
import ActivationPlot
import ArgumentParser

/// What plot and compare make of their options: the output format, the points marked, and the
/// x grid.
extension PlotOptions {
    /// The format asked for, else the one the output's extension names, else a chart.
    func resolvedFormat() throws -> OutputFormat {
        let formats = OutputFormat.plot
        let ext = outputExtension
        let implied = ext.flatMap { OutputFormat.implied(byExtension: $0, among: formats) }
        guard let format else {
            if let ext, implied == nil {
                throw ValidationError(
                    "cannot tell the format from the extension '.\(ext)' of '\(output ?? "")'; "
                        + "use --format \(OutputFormat.alternatives(formats))")
            }
            return implied ?? .chart
        }
        guard let known = OutputFormat.named(format, among: formats) else {
            throw ValidationError("'--format' must be \(OutputFormat.spoken(formats)), got '\(format)'")
        }
        if let implied, implied != known {
            let named = implied == .chart ? "a text chart" : "a \(implied.name.uppercased()) file"
            throw ValidationError(
                "'--format \(known.name)' conflicts with the file name '\(output ?? "")', which names "
                    + "\(named); change the extension or drop --format")
        }
        return known
    }

    /// The extension of the output file's name, lower-cased, if it is a file with one.
    private var outputExtension: String? {
        guard let output, output != "-" else { return nil }
        let name = output.split(separator: "/").last.map(String.init) ?? output
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return nil }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The marked points, each checked to be a finite number inside the range.
    func markedPoints(in interval: RangeArgument) throws -> [Double] {
        var seen = Set<Double>()
        // A point marked twice (--mark 1 --mark 1.0) is marked, and noted, once.
        return try mark.map { text in
            guard let x = DecimalText.parse(text.trimmingWhitespace), x.isFinite else {
                throw ValidationError("'--mark' needs a finite number, e.g. --mark 0.5, got '\(text)'")
            }
            guard x >= interval.lower && x <= interval.upper else {
                throw ValidationError("'--mark \(text)' lies outside the range \(interval); widen --range")
            }
            return x + 0
        }.filter { seen.insert($0).inserted }
    }

    /// The x grid: --step, else --samples, else `count`; evenly spaced on the x axis's scale
    /// when `onAxis` (charts and images), else evenly in x.
    func sampling(_ interval: RangeArgument, default count: Int, limit: Int, onAxis: Bool = false) throws
        -> Sampling
    {
        if let step {
            guard let h = DecimalText.parse(step.trimmingWhitespace), h.isFinite, h > 0 else {
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
        let scale = onAxis ? xAxisScale : .linear
        return Sampling(from: interval.lower, to: interval.upper, count: n, scale: scale)
    }

    /// The colours of images: `--theme`, checked by ``PlotOptions/validate()``, or light.
    var imageTheme: Theme { theme.flatMap { Theme(rawValue: $0.lowercased()) } ?? .light }

    /// Where legends go: `--legend`, checked by the run, or auto.
    var legendPlacement: LegendPlacement {
        legend.flatMap { LegendPlacement(rawValue: $0.lowercased()) } ?? .auto
    }
}
