import ActivationCore
import ActivationPlot
import ArgumentParser

/// One run of `actplot FUNCTION...` or `actplot compare`: resolves the functions, builds the
/// figures and writes the chart, table or image, with difference statistics when comparing.
struct PlotRun {
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

    /// A function with the name its curves and columns carry.
    typealias Named = (name: String, function: Activation)

    /// What every output of one run shares.
    struct Plan {
        let functions: [Named]
        /// With --dtype: each function as the format computes it.
        let evaluations: [FormatEvaluation]?
        let format: OutputFormat
        let layout: PlotOptions.Layout
        let marks: [Double]
        let toStandardOutput: Bool
        /// The families among the functions.
        let families: [Figure.FamilyGroup]
        /// The title naming each spec once; nil where it would name each function, as the
        /// figure does by itself.
        let title: String?
        /// compare of two families of equal size: how many pairs, member by member (the first
        /// family's i-th against the second's); nil otherwise.
        let pairs: Int?
        /// The functions that are variants of one function or preset (`elu:alpha=1 elu:alpha=2`),
        /// by their indices: they do not count as covering each other.
        var variants: [[Int]] {
            let base = { (f: Activation) in f.preset?.qualifiedName ?? f.entry.name }
            let groups = Dictionary(grouping: functions.indices) { base(functions[$0].function) }
            return groups.values.filter { $0.count >= 2 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        }
    }

    /// Draws or writes the output, then the difference statistics where they are asked for: after
    /// a chart on stdout, on stderr beside any other output, or alone on stdout with --json.
    func run(on console: inout Console) throws {
        let plan = try self.plan()
        let report = try comparison(plan)
        let chartOnStandardOutput = plan.toStandardOutput && plan.format == .chart
        let json = options.numbers.json
        if !(json && plan.toStandardOutput) {
            // Under a chart on stdout, the statistics share the terminal's height.
            let reserve =
                !json && chartOnStandardOutput
                ? (report.map { $0.lineCount(in: console.textStyle) + 1 } ?? 0) : 0
            try draw(plan, reserve: reserve, on: &console)
        }
        guard let report else { return }
        if json {
            try console.print(report, json: true)
        } else if chartOnStandardOutput {
            try console.print("\n" + report.text(in: console.textStyle))
        } else {
            console.warn(report.text(in: console.textStyle))
        }
    }

    /// The difference statistics, when the run reports them.
    private func comparison(_ plan: Plan) throws -> ComparisonReports? {
        guard reportsDifferences && plan.functions.count >= 2 else { return nil }
        let o = options
        let count =
            o.samples != nil || o.step != nil
            ? try o.sampling(o.interval, default: 0, limit: Self.chartSampleLimit).count
            : Self.statisticsSamples
        // Two families are compared member by member; anything else against the first.
        let groups: [[Int]] =
            plan.pairs.map { n in (0..<n).map { [$0, n + $0] } } ?? [Array(plan.functions.indices)]
        return ComparisonReports(
            parts: groups.map { indices in
                ComparisonReport(
                    functions: indices.map { plan.functions[$0] }, range: o.interval.closedRange,
                    samples: count, precision: o.numbers.precision,
                    evaluations: plan.evaluations.map { all in indices.map { all[$0] } })
            })
    }

    /// The functions and choices of the run, checked against each other.
    private func plan() throws -> Plan {
        let o = options
        let format = try o.resolvedFormat()
        let layout = o.layout.flatMap { PlotOptions.Layout(rawValue: $0.lowercased()) } ?? defaultLayout
        let marks = try o.markedPoints(in: o.interval)
        let list = try FunctionList(specs, options: o.others)
        let functions = list.functions
        if o.diff && functions.count < 2 {
            throw ValidationError("'--diff' needs two or more functions: the first minus each other one")
        }
        if format == .csv && (o.saturation || !marks.isEmpty) {
            throw ValidationError("'--saturation' and '--mark' draw on charts and images, not in CSV")
        }
        try Self.refuseUnused(o, format: format, layout: layout)
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
            functions: functions, evaluations: try evaluations(functions), format: format, layout: layout,
            marks: marks, toStandardOutput: toStandardOutput, families: list.families,
            title: list.families.isEmpty ? nil : list.title, pairs: pairs(list))
    }

    /// compare of exactly two families of one size pairs their members by position.
    private func pairs(_ list: FunctionList) -> Int? {
        guard reportsDifferences, specs.count == 2, list.families.count == 2,
            list.families[0].functions.count == list.families[1].functions.count
        else { return nil }
        return list.families[0].functions.count
    }

    /// An option the chosen output does not use is a usage error, naming the outputs it is for:
    /// `--title` with CSV, `--scale` with a chart, `--independent-y` with one overlaid panel.
    static func refuseUnused(_ o: PlotOptions, format: OutputFormat, layout: PlotOptions.Layout) throws {
        let rules = optionRules(o)
        let spoken = { (f: OutputFormat) in f == .tex ? "pgfplots" : f.name.uppercased() }
        let named = { (f: OutputFormat) in f.measure == .characters ? "a terminal chart" : spoken(f) }
        for rule in rules where rule.given && !rule.for.contains(where: { $0.name == format.name }) {
            let outputs = rule.for.map {
                $0.measure == .characters ? "terminal charts" : spoken($0)
            }
            let list =
                outputs.dropLast().isEmpty
                ? outputs.joined()
                : outputs.dropLast().joined(separator: ", ") + " and " + (outputs.last ?? "")
            throw ValidationError(
                "'\(rule.option)' applies to \(list), not to \(named(format)): drop it, or choose one of those "
                    + "with --format or -o")
        }
        if let legend = o.legend, LegendPlacement(rawValue: legend.lowercased()) == nil {
            let places = LegendPlacement.allCases.map(\.rawValue)
            throw ValidationError(
                "'--legend' takes \(places.dropLast().joined(separator: ", ")) or \(places.last ?? ""), "
                    + "got '\(legend)'")
        }
        if let style = o.header, !["primes", "plain"].contains(style.lowercased()) {
            throw ValidationError("'--header' takes primes or plain, got '\(style)'")
        }
        if let long = o.csvLayout?.lowercased() {
            guard ["wide", "long"].contains(long) else {
                throw ValidationError("'--csv-layout' takes wide or long, got '\(o.csvLayout ?? "")'")
            }
            if long == "long" && (o.diff || o.precision.dtype != nil) {
                throw ValidationError(
                    "'--csv-layout long' writes f and its derivatives; --diff and --dtype columns need the wide layout"
                )
            }
        }
        if o.independentY && o.ylim != nil {
            throw ValidationError(
                "'--ylim' gives every panel the same y range and '--independent-y' each its own: drop one")
        }
        if o.independentY && layout == .overlay {
            throw ValidationError(
                "'--independent-y' gives each panel its own y range; --layout overlay draws one panel: "
                    + "use --layout side-by-side, row, column or grid")
        }
    }

    /// Each option that only some outputs use: whether it was given, and those outputs.
    private static func optionRules(_ o: PlotOptions) -> [(given: Bool, option: String, for: [OutputFormat])]
    {
        let drawn = OutputFormat.plot.filter { $0.measure != .none }
        let images = OutputFormat.plot.filter { $0.measure == .pixels }
        let rendered = images.filter { $0 != .tex }
        return [
            (o.title != nil, "--title", drawn), (o.width != nil, "--width", drawn),
            (o.height != nil, "--height", drawn), (o.layout != nil, "--layout", drawn),
            (o.scale != 1, "--scale", images), (o.ascii, "--ascii", [.chart]),
            (o.color.lowercased() != "auto", "--color", [.chart]),
            (o.header != nil, "--header", [.csv, .tsv]), (o.csvLayout != nil, "--csv-layout", [.csv, .tsv]),
            (o.noMetadata, "--no-metadata", [.png]), (o.ylim != nil, "--ylim", drawn),
            (o.xlabel != nil, "--xlabel", drawn), (o.ylabel != nil, "--ylabel", drawn),
            (o.legend != nil, "--legend", drawn), (o.yscale != nil, "--yscale", drawn),
            (o.linthresh != nil, "--linthresh", drawn), (o.xscale != nil, "--xscale", drawn),
            (o.theme != nil, "--theme", rendered), (o.lineWidth != nil, "--line-width", images),
            (o.fontSize != nil, "--font-size", rendered), (o.standalone, "--standalone", [.tex]),
        ]
    }

    /// The format and arithmetic of the run, or nil without --dtype.
    private func evaluations(_ functions: [Named]) throws -> [FormatEvaluation]? {
        let o = options
        if o.error && o.precision.dtype == nil {
            throw ValidationError("'--error' draws the error in ulps of a format: add --dtype bf16")
        }
        guard let format = try o.precision.format() else { return nil }
        let arithmetic = try o.precision.arithmetic(for: functions.map(\.function), in: format)
        let isa = try o.precision.instructionSet()
        return functions.map {
            FormatEvaluation($0.function, format: format, arithmetic: arithmetic, isa: isa)
        }
    }

    /// Writes through `body` to stdout, or to the output file atomically.
    func emit(_ plan: Plan, on console: inout Console, _ body: (inout ConsoleStream) -> Void) throws {
        if plan.toStandardOutput {
            body(&console.output)
            return try console.output.check()
        }
        let file = try OutputFile(path: options.output ?? "", example: plan.format.example)
        body(&file.stream)
        try file.commit()
    }
}
