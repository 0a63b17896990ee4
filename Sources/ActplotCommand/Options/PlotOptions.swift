import ActivationCore
import ActivationPlot
import ArgumentParser

/// The options of `actplot FUNCTION...` and `actplot compare`: what to sample, how to draw it
/// and where it goes.
struct PlotOptions: ParsableArguments {
    @OptionGroup var range: RangeOption

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "Number of points, ends included (default: one per dot column; CSV 101).", valueName: "N"),
        transform: PlotOptions.sampleCount)
    var samples: Int?

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("Spacing of the points instead of --samples.", valueName: "H"))
    var step: String?

    @Option(help: .plotFormat, completion: .plotFormats)
    var format: String?

    @Option(
        name: [.short, .long], help: ArgumentHelp("Write to FILE ('-' for stdout).", valueName: "FILE"))
    var output: String?

    @Option(
        help: ArgumentHelp(
            "overlay (one axes), or a panel per function: side-by-side (a row, or a grid when a row "
                + "would make panels too narrow), row, column or grid; stacked: a panel per derivative order.",
            valueName: "LAYOUT"),
        completion: .layouts)
    var layout: String?

    @Flag(help: "Side by side: give each panel its own y range (default: one shared range).")
    var independentY = false

    @Option(
        parsing: .unconditional,
        help: ArgumentHelp(
            "The y interval drawn (default: from the data); curves leaving it are cut at its edges.",
            valueName: "MIN:MAX"),
        transform: { try RangeArgument(parsing: $0, option: "--ylim", example: "-1:2") })
    var ylim: RangeArgument?

    @Option(help: ArgumentHelp("The curves' width in pixels at scale 1 (default 2).", valueName: "W"))
    var lineWidth: Double?

    @Option(
        help: ArgumentHelp(
            "Tick and legend text in pixels at scale 1 (default 14, at least 9); titles keep their proportion.",
            valueName: "S"))
    var fontSize: Double?

    @Option(
        help: ArgumentHelp("light, dark or transparent: the colours of PNG, SVG and PDF.", valueName: "THEME")
    )
    var theme: String?

    @Option(
        help: ArgumentHelp(
            "linear, log (decades; y ≤ 0 left out and said so) or symlog (linear within ±--linthresh).",
            valueName: "SCALE"))
    var yscale: String?

    @Option(
        help: ArgumentHelp(
            "linear, log (decades, sampled log-spaced; needs --range MIN > 0) or symlog.", valueName: "SCALE")
    )
    var xscale: String?

    @Option(
        help: ArgumentHelp("Where a symlog axis turns from linear to decades (default 1).", valueName: "T"))
    var linthresh: Double?

    @Flag(help: "Add the differences f − g from the first function (a panel, or series in overlay).")
    var diff = false

    @Flag(help: "Shade where |f′| < 1e-3: dead and saturated zones.")
    var saturation = false

    @Option(
        parsing: .unconditionalSingleValue,
        help: ArgumentHelp("Mark the point at x with its f and f′ (repeatable).", valueName: "X"))
    var mark: [String] = []

    @Flag(help: "Leave out f′.")
    var noDerivative = false

    @OptionGroup var precision: PrecisionOptions

    @Flag(help: "With --dtype: draw the error of f and f′ in ulps of the format instead of the curves.")
    var error = false

    @Flag(help: "Add f″.")
    var secondDerivative = false

    @Option(
        help: ArgumentHelp(
            "Which curves or columns: any of f, f′ and f″ (ASCII f' and f''), e.g. --show \"f'\".",
            valueName: "LIST"))
    var show: String?

    @Option(parsing: .unconditional, help: .width)
    var width: Int?

    @Option(parsing: .unconditional, help: .height)
    var height: Int?

    @Option(help: "The title (default: the functions' names).")
    var title: String?

    @Option(
        help: ArgumentHelp(
            "auto (inside where it covers no data, else outside), inside, outside, below, upper-left, "
                + "upper-right, lower-left, lower-right or none.",
            valueName: "WHERE"),
        completion: .legends)
    var legend: String?

    @Option(help: ArgumentHelp("The x axis's name (default: x).", valueName: "TEXT"))
    var xlabel: String?

    @Option(
        help: ArgumentHelp(
            "The y axis's name (default: f(x); a differences panel keeps f(x) − g(x)).", valueName: "TEXT"))
    var ylabel: String?

    @Option(
        help: ArgumentHelp(
            "auto, always or never (auto: a terminal, NO_COLOR unset, TERM not dumb).", valueName: "WHEN"),
        completion: .colours)
    var color: String = "auto"

    @Flag(help: "Plain 7-bit ASCII chart (also chosen when the locale is not UTF-8).")
    var ascii = false

    @Flag(help: "Leave the command line out of a PNG (its tEXt chunk records it, paths included).")
    var noMetadata = false

    @Flag(help: "With -o FILE.tex: a whole LaTeX document (pdflatex makes a page the figure's size).")
    var standalone = false

    @Option(
        help: ArgumentHelp(
            "CSV and TSV column names: primes (gelu, gelu') or plain (gelu, gelu_d1: as numpy, pandas and R "
                + "keep them).", valueName: "STYLE"),
        completion: .list(["primes", "plain"]))
    var header: String?

    @Option(
        help: ArgumentHelp(
            "CSV and TSV layout: wide (a column per function) or long (function,x,f,df rows, for pandas and "
                + "R).", valueName: "LAYOUT"),
        completion: .list(["wide", "long"]))
    var csvLayout: String?

    @OptionGroup var others: OthersOption

    @Option(parsing: .unconditional, help: .scale)
    var scale: Double = 1

    @OptionGroup var numbers: NumberOutputOptions

    /// How several functions share the output.
    enum Layout: String, CaseIterable {
        case overlay, sideBySide = "side-by-side", row, column, grid, stacked

        /// How the panels are placed, for every layout but overlay.
        var arrangement: FigureGrid.Arrangement {
            switch self {
            case .overlay, .sideBySide: .automatic
            case .row: .row
            case .column, .stacked: .column
            case .grid: .grid
            }
        }
    }

    /// `--samples N`: a whole number (`1e4` is accepted: it is one).
    static func sampleCount(_ text: String) throws -> Int {
        let value = DecimalText.parse(text.trimmingWhitespace)
        guard let value, value.isFinite, value == value.rounded(), abs(value) < 0x1p62 else {
            throw ValidationError("'--samples' needs a whole number of points, at least 2, got '\(text)'")
        }
        return Int(value)
    }

    func validate() throws {
        if samples != nil && step != nil {
            throw ValidationError("give '--samples' or '--step', not both")
        }
        if let samples, samples < 2 {
            throw ValidationError(
                "'--samples' needs at least 2 points (both ends of the range), got \(samples)")
        }
        if !(scale.isFinite && scale >= 0.25 && scale <= 8) {
            throw ValidationError("'--scale' must be 0.25 to 8, got \(DecimalText.shortest(scale))")
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
        if let layout, Layout(rawValue: layout.lowercased()) == nil {
            throw ValidationError(
                "'--layout' must be overlay, side-by-side, row, column, grid or stacked, got '\(layout)'")
        }
        if mark.count > 16 {
            throw ValidationError("at most 16 '--mark' points, got \(mark.count)")
        }
        try validateShow()
        try validateScale()
        if let lineWidth, !(lineWidth >= 0.25 && lineWidth <= 20) {
            throw ValidationError(
                "'--line-width' must be 0.25 to 20 pixels, got \(DecimalText.shortest(lineWidth))")
        }
        if let fontSize, !(fontSize >= 9 && fontSize <= 48) {
            throw ValidationError(
                "'--font-size' must be 9 to 48 pixels (smaller text does not read), got \(DecimalText.shortest(fontSize))"
            )
        }
        if let theme, Theme(rawValue: theme.lowercased()) == nil {
            throw ValidationError("'--theme' takes light, dark or transparent, got '\(theme)'")
        }
    }

    /// `--yscale`, `--xscale` and `--linthresh`: known scales, a positive finite threshold given
    /// only for symlog, a `--ylim` a log axis can show, and a range and sampling a log x axis can
    /// take.
    private func validateScale() throws {
        let scale = yscale?.lowercased()
        for (option, given) in [("--yscale", yscale), ("--xscale", xscale)] {
            if let given, !["linear", "log", "symlog"].contains(given.lowercased()) {
                throw ValidationError("'\(option)' takes linear, log or symlog, got '\(given)'")
            }
        }
        try validateXScale()
        if let linthresh {
            guard scale == "symlog" || xscale?.lowercased() == "symlog" else {
                throw ValidationError(
                    "'--linthresh' sets a symlog axis; add --yscale symlog or --xscale symlog")
            }
            guard linthresh.isFinite && linthresh > 0 else {
                throw ValidationError(
                    "'--linthresh' must be a positive number, e.g. --linthresh 0.01, got \(DecimalText.shortest(linthresh))"
                )
            }
        }
        if scale == "log", let ylim, ylim.lower <= 0 {
            throw ValidationError(
                "a log axis shows only y > 0, but '--ylim \(ylim)' starts at \(DecimalText.shortest(ylim.lower)); "
                    + "give a positive MIN, e.g. --ylim 1e-6:\(DecimalText.shortest(ylim.upper))")
        }
    }

    /// A log x axis starts above 0; an axis off linear is sampled evenly on it, not by `--step`.
    private func validateXScale() throws {
        guard let x = xscale?.lowercased(), x != "linear" else { return }
        if x == "log" && interval.lower <= 0 {
            let upper = Swift.max(interval.upper, 100)
            throw ValidationError(
                "a log x axis shows only x > 0, but the range \(interval) starts at "
                    + "\(DecimalText.shortest(interval.lower)); give --range with MIN > 0, e.g. --range "
                    + "0.01:\(DecimalText.shortest(upper))")
        }
        if step != nil {
            throw ValidationError(
                "'--step' spaces x evenly, and a \(x) x axis is sampled evenly on the axis: give --samples instead"
            )
        }
    }

    /// The x axis: `--xscale`, linear by default.
    var xAxisScale: AxisScale {
        switch xscale?.lowercased() {
        case "log": .log
        case "symlog": .symlog(threshold: linthresh ?? 1)
        default: .linear
        }
    }

    /// The y axis: `--yscale`, linear by default.
    var yAxisScale: AxisScale {
        switch yscale?.lowercased() {
        case "log": .log
        case "symlog": .symlog(threshold: linthresh ?? 1)
        default: .linear
        }
    }

    /// `--show`: a list the parser knows, not beside the flags it replaces, and with f where
    /// points of f are marked.
    private func validateShow() throws {
        guard let show else { return }
        if noDerivative || secondDerivative {
            let flag = noDerivative ? "--no-derivative" : "--second-derivative"
            throw ValidationError("give '--show' or '\(flag)', not both ('--show' names every curve drawn)")
        }
        if try !Self.orders(parsing: show).contains(0) && !mark.isEmpty {
            throw ValidationError("'--mark' marks points of f; add f to '--show', e.g. --show \"f,f'\"")
        }
    }

    /// The derivative orders drawn or tabulated (0 for f, 1 for f′, 2 for f″): `--show`, else
    /// f and f′, without f′ for --no-derivative and with f″ for --second-derivative.
    var orders: Set<Int> {
        if let show, let orders = try? Self.orders(parsing: show) { return orders }
        return Set([0] + (noDerivative ? [] : [1]) + (secondDerivative ? [2] : []))
    }

    /// The orders a `--show` list names: `f`, `f′` or `f'`, `f″` or `f''`, separated by commas.
    static func orders(parsing text: String) throws -> Set<Int> {
        var orders = Set<Int>()
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            switch String(item).trimmingWhitespace {
            case "f": orders.insert(0)
            case "f'", "f′": orders.insert(1)
            case "f''", "f″": orders.insert(2)
            default:
                throw ValidationError(
                    "'--show' takes f, f′ and f″ (or f' and f'') separated by commas, e.g. --show \"f,f''\", "
                        + "got '\(text)'")
            }
        }
        return orders
    }

    /// The x interval.
    var interval: RangeArgument { range.range }
}
