import ActivationCore
import ArgumentParser

/// The files `actplot check` reads, and how.
struct CheckFiles: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "The kernel's inputs (default: every bit pattern in order, from 0).", valueName: "X"))
    var input: String?

    @Option(
        help: ArgumentHelp(
            "The kernel's f: .npy, .csv (one value per line) or raw with --raw-layout.", valueName: "Y"))
    var output: String

    @Option(help: ArgumentHelp("The kernel's f′, to check as well.", valueName: "DY"))
    var derivative: String?

    @Option(
        help: ArgumentHelp(
            "A golden table from actplot table to check against, instead of computing.", valueName: "T.npy"))
    var expected: String?

    @Option(
        name: .customLong("raw-layout"),
        help: ArgumentHelp(
            "The files are raw little-endian elements: bits, f16, f32 or f64.", valueName: "TYPE"))
    var rawLayout: String?

    /// The element type of raw files, or nil for files read by their names.
    func rawElement(_ format: NumberFormat) throws -> NPYHeader.Element? {
        guard let rawLayout else { return nil }
        let bytes = (format.bitWidth + 7) / 8
        let types: [String: NPYHeader.Element] = [
            "bits": NPYHeader.Element(kind: "u", width: bytes, bigEndian: false),
            "f16": NPYHeader.Element(kind: "f", width: 2, bigEndian: false),
            "f32": NPYHeader.Element(kind: "f", width: 4, bigEndian: false),
            "f64": NPYHeader.Element(kind: "f", width: 8, bigEndian: false),
        ]
        if let element = types[rawLayout.lowercased()] { return element }
        if let element = try? NPYHeader.element(rawLayout, path: "") { return element }
        throw ValidationError(
            "--raw-layout takes bits, f16, f32 or f64 (or a NumPy type such as '<u2'), got '\(rawLayout)'")
    }

    /// The columns to read, opened.
    func open(_ format: NumberFormat) throws -> (
        inputs: DumpColumn?, outputs: DumpColumn, derivatives: DumpColumn?,
        expected: (f: DumpColumn, df: DumpColumn?, x: DumpColumn?)?
    ) {
        let raw = try rawElement(format)
        let column = { (path: String) in try DumpColumn(path: path, format: format, raw: raw) }
        let expected = try self.expected.map { path in
            // The table's fields share one mapping of it.
            let f = try DumpColumn(path: path, format: format, field: "f_bits")
            let field = { (name: String) in
                try DumpColumn(path: path, format: format, field: name, sharing: f)
            }
            return (
                f: f,
                // f′ is read where the table has it, to tell the saturated rows (where |f′| is
                // below an ulp of f) even when the dump has no f′; with --derivative it must be there.
                df: derivative == nil ? try? field("df_bits") : try field("df_bits"),
                x: try field("x_bits")
            )
        }
        return (try input.map(column), try column(output), try derivative.map(column), expected)
    }
}

/// What `actplot check` accepts, and how it reports.
struct CheckBounds: ParsableArguments {
    @Option(
        name: .customLong("max-ulp"),
        help: ArgumentHelp("The largest error of f allowed, in ulps (default: 1).", valueName: "N"))
    var maxUlp: Double?

    @Option(
        name: .customLong("max-ulp-derivative"),
        help: ArgumentHelp("The largest error of f′ allowed (default: --max-ulp).", valueName: "N"))
    var maxUlpDerivative: Double?

    @Flag(name: .customLong("ignore-zero-sign"), help: "Accept −0 for +0 and +0 for −0.")
    var ignoreZeroSign = false

    @Flag(
        name: .customLong("allow-ftz"),
        help: "Accept subnormal results flushed to zero, and subnormal inputs read as 0.")
    var allowFlushToZero = false

    @Option(help: ArgumentHelp("How many of the worst rows to list (default: 5).", valueName: "K"))
    var worst: Int?

    /// The bounds of f and f′, in ulps.
    var bounds: (value: Double, derivative: Double) { (maxUlp ?? 1, maxUlpDerivative ?? maxUlp ?? 1) }

    /// How many of the worst rows to list.
    var worstCount: Int { worst ?? 5 }

    /// Checks the bounds.
    func validate() throws {
        for (name, bound) in [("--max-ulp", bounds.value), ("--max-ulp-derivative", bounds.derivative)] {
            guard bound >= 0 && bound.isFinite else {
                throw ValidationError("\(name) takes a finite number of ulps of at least 0, got \(bound)")
            }
        }
        guard (0...1000).contains(worstCount) else {
            throw ValidationError("--worst takes 0 to 1000, got \(worstCount)")
        }
    }
}

/// `--dtype NAME --overflow RULE`: the format of a table or of a kernel's dump (table, check).
struct FormatOption: ParsableArguments {
    @Option(help: .dtype, completion: .numberFormats)
    var dtype: String?

    @Option(
        help: ArgumentHelp(
            "Past the largest finite value, the correctly rounded results are: standard (±∞, or NaN in "
                + "float8_e4m3fn, as ml_dtypes) or saturate (±max).", valueName: "RULE"),
        completion: .overflows)
    var overflow: String?

    /// The format, with its overflow rule, flushing subnormals where `flushing`.
    /// - Parameter example: A command line with `--dtype bf16` for the error without --dtype.
    func format(flushing: Bool = false, example: String) throws -> NumberFormat {
        let arguments =
            (dtype.map { ["--dtype", $0] } ?? []) + (overflow.map { ["--overflow", $0] } ?? [])
            + (flushing ? ["--ftz"] : [])
        guard let format = try PrecisionOptions.parse(arguments).format(scales: true) else {
            throw ValidationError("give the format with --dtype, e.g. \(example)")
        }
        return format
    }
}

/// `--plot FILE|chart --plot-range MIN:MAX`: check's error against x.
struct CheckPlotOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Draw the worst error against x: to a .png, .svg, .pdf, .tex or .txt file, or 'chart' on the "
                + "terminal after the report.", valueName: "FILE"))
    var plot: String?

    @Option(
        name: .customLong("plot-range"), parsing: .unconditional,
        help: ArgumentHelp(
            "The x interval of --plot (default: where the results worse than correctly rounded lie).",
            valueName: "MIN:MAX"))
    var plotRange: String?

    /// The plot asked for, or nil.
    /// - Parameter json: Whether the report is JSON (which a chart on the terminal would break).
    func plot(json: Bool) throws -> CheckPlot? {
        guard let plot else {
            if plotRange != nil { throw ValidationError("--plot-range needs --plot, e.g. --plot errors.png") }
            return nil
        }
        let range = try plotRange.map {
            try RangeArgument(parsing: $0, option: "--plot-range", example: "-8:8").closedRange
        }
        let drawing = CheckPlot(target: plot, range: range)
        _ = try drawing.outputFormat()
        if json && drawing.onTerminal {
            throw ValidationError("--plot chart would break the JSON on stdout: give --plot errors.png")
        }
        return drawing
    }
}
