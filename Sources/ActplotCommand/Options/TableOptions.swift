import ActivationCore
import ArgumentParser

/// What `actplot table` writes: which inputs, which columns, and how they are laid out.
struct TableOptions: ParsableArguments {
    @Option(
        name: [.customLong("range"), .customLong("xlim")], parsing: .unconditional,
        help: ArgumentHelp(
            "Only the inputs from MIN to MAX, in value order (default: every bit pattern of an 8- or 16-bit format, or of float32 with --every).",
            valueName: "MIN:MAX"),
        transform: RangeArgument.init(parsing:))
    var range: RangeArgument?

    @Flag(
        help:
            "With --dtype f32 or f64: every value of the format in --range (without --range, every float32).")
    var every = false

    @Option(
        help: ArgumentHelp("N inputs evenly spaced over --range, each rounded to the format.", valueName: "N")
    )
    var samples: Int?

    @Flag(name: .customLong("second-derivative"), help: "Add f″ (d2f_bits, d2f; flags bit 2: f″ uncertain).")
    var secondDerivative = false

    @Option(
        help: ArgumentHelp(
            "The columns, of \(TableColumn.allCases.map(\.rawValue).joined(separator: ",")) (default: all but f″'s).",
            valueName: "LIST"))
    var fields: String?

    @Flag(help: "One .npy per column beside -o NAME.npy: NAME.x_bits.npy, NAME.x.npy, …")
    var columns = false

    /// The columns asked for, in record order.
    func chosenColumns() throws -> [TableColumn] {
        guard let fields else { return TableColumn.standard(curvature: secondDerivative) }
        let names = fields.split(separator: ",").map { String($0).trimmingWhitespace }
        var chosen = Set<TableColumn>()
        for name in names {
            guard let column = TableColumn(rawValue: name.lowercased()) else {
                let known = TableColumn.allCases.map(\.rawValue).joined(separator: ", ")
                throw ValidationError("unknown column '\(name)' in --fields; the columns are \(known)")
            }
            chosen.insert(column)
        }
        guard !chosen.isEmpty else {
            throw ValidationError("--fields needs at least one column, e.g. x_bits,f_bits")
        }
        return TableColumn.allCases.filter(chosen.contains)
    }

    /// The inputs for a format: every pattern of a narrow one; with --range, its values there; for
    /// float32 and float64, --every or --samples.
    func inputs(_ format: NumberFormat, function: String) throws -> TableRun.Inputs {
        if let samples {
            guard samples >= 1 && samples <= 1 << 32 else {
                throw ValidationError("--samples must be from 1 to 4294967296, got \(samples)")
            }
            if every { throw ValidationError("give --every or --samples, not both") }
            let r = range ?? RangeArgument.standard
            return .samples(lower: r.lower, upper: r.upper, count: samples)
        }
        let wide = format.bitWidth > 16
        guard !wide || every else {
            throw ValidationError(
                "a table of \(format.name) needs --every (every value in --range) or --samples N, e.g. "
                    + "actplot table \(function) --dtype \(format.shortName) --every --range 1:2")
        }
        guard let range else {
            if format.bitWidth > 32 {
                throw ValidationError("--every over float64 needs --range, e.g. --range 1:1.000001")
            }
            return .everyPattern
        }
        let lower = TableRun.ordinal(range.lower, in: format, above: true)
        let upper = TableRun.ordinal(range.upper, in: format, above: false)
        guard upper >= lower else {
            throw ValidationError("--range \(range) holds no value of \(format.name); widen it")
        }
        guard upper - lower < 1 << 33 else {
            throw ValidationError(
                "--range \(range) holds \(upper - lower + 1) values of \(format.name), more than 2^33; "
                    + "narrow it or use --samples N")
        }
        return .everyValue(lower: lower, upper: upper)
    }
}
