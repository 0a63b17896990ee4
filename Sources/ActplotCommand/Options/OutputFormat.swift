import ActivationPlot
import ArgumentParser

/// Every kind of output actplot writes, with what commands, help, errors and the shell's
/// completion need to know of it.
///
/// A command lists the formats it accepts (``plot``, ``eval``); `--format`'s help and values,
/// the errors that name formats, the extension of `-o FILE` and the writer a run calls all come
/// from that list. A new format is its writer (an ``ImageEncoder`` for an image) and one entry
/// here.
struct OutputFormat: Hashable, Sendable, CustomStringConvertible {
    /// What `--width` and `--height` count in it.
    enum Measure: Sendable {
        /// Characters and lines (a terminal chart).
        case characters
        /// Pixels at scale 1 (images).
        case pixels
        /// Nothing: rows of numbers.
        case none
    }

    /// What writes it.
    enum Writer: Sendable {
        /// A terminal chart (`TerminalChart`).
        case chart
        /// Rows of numbers: a plot's CSV (`CSVTable`), eval's table, CSV or JSON lines.
        case rows
        /// An image of the figures.
        case image(any ImageEncoder)
    }

    /// The name `--format` takes (`png`).
    let name: String
    /// A few words for help (`a braille chart`).
    let summary: String
    /// The file-name extensions that imply it, lower case, without the dot.
    let extensions: [String]
    /// A file name to suggest (`plot.png`).
    let example: String
    /// Whether it is bytes that a terminal cannot show.
    let isBinary: Bool
    let measure: Measure
    let writer: Writer

    // MARK: - The formats

    /// A terminal chart: braille, or ASCII.
    static let chart = OutputFormat(
        name: "chart", summary: "a terminal chart", extensions: ["txt", "text"], example: "plot.txt",
        isBinary: false, measure: .characters, writer: .chart)
    /// Comma-separated values (RFC 4180).
    static let csv = OutputFormat(
        name: "csv", summary: "comma-separated values", extensions: ["csv"], example: "plot.csv",
        isBinary: false, measure: .none, writer: .rows)
    /// Tab-separated values: CSV's columns, fields separated by tabs, never quoted.
    static let tsv = OutputFormat(
        name: "tsv", summary: "tab-separated values", extensions: ["tsv", "tab"], example: "plot.tsv",
        isBinary: false, measure: .none, writer: .rows)
    /// A PNG image.
    static let png = OutputFormat(
        name: "png", summary: "a PNG image", extensions: ["png"], example: "plot.png", isBinary: true,
        measure: .pixels, writer: .image(PNGEncoder()))
    /// An SVG image.
    static let svg = OutputFormat(
        name: "svg", summary: "an SVG image", extensions: ["svg"], example: "plot.svg", isBinary: false,
        measure: .pixels, writer: .image(SVGEncoder()))
    /// A one-page vector PDF.
    static let pdf = OutputFormat(
        name: "pdf", summary: "a PDF page", extensions: ["pdf"], example: "plot.pdf", isBinary: true,
        measure: .pixels, writer: .image(PDFEncoder()))
    /// A pgfplots picture for LaTeX (`--standalone`: a whole document).
    static let tex = OutputFormat(
        name: "tex", summary: "a pgfplots picture for LaTeX", extensions: ["tex"], example: "plot.tex",
        isBinary: false, measure: .pixels, writer: .image(PGFPlotsEncoder()))
    /// eval's aligned table.
    static let table = OutputFormat(
        name: "table", summary: "an aligned table", extensions: [], example: "points.txt", isBinary: false,
        measure: .none, writer: .rows)
    /// JSON lines: one object per point.
    static let jsonl = OutputFormat(
        name: "jsonl", summary: "one JSON object per line", extensions: ["jsonl"], example: "points.jsonl",
        isBinary: false, measure: .none, writer: .rows)

    /// What plot and compare write.
    static let plot: [OutputFormat] = [.chart, .csv, .tsv, .png, .svg, .pdf, .tex]
    /// What eval writes (besides `--json`'s one document).
    static let eval: [OutputFormat] = [.table, .csv, .jsonl]

    // MARK: - Lists and look-ups

    /// The name.
    var description: String { name }

    /// Formats are the same when their names are.
    static func == (a: OutputFormat, b: OutputFormat) -> Bool { a.name == b.name }

    /// Hashes the name.
    func hash(into hasher: inout Hasher) { hasher.combine(name) }

    /// The format with this name among `formats`, in any case, or nil.
    static func named(_ name: String, among formats: [OutputFormat]) -> OutputFormat? {
        formats.first { $0.name == name.lowercased() }
    }

    /// The format a file name's extension names among `formats`, if it names one.
    static func implied(byExtension ext: String, among formats: [OutputFormat]) -> OutputFormat? {
        formats.first { $0.extensions.contains(ext.lowercased()) }
    }

    /// The names as a sentence says them: `chart, csv, png or svg`.
    static func spoken(_ formats: [OutputFormat]) -> String {
        spoken(formats.map(\.name), "or")
    }

    /// Words as a sentence lists them: `a, b or c`.
    private static func spoken(_ words: [String], _ conjunction: String) -> String {
        guard let last = words.last, words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " \(conjunction) " + last
    }

    /// The names as a usage line writes alternatives: `chart|csv|png|svg`.
    static func alternatives(_ formats: [OutputFormat]) -> String {
        formats.map(\.name).joined(separator: "|")
    }

    /// The formats `measure`d so, spoken: `PNG and SVG` for pixels.
    static func measured(_ measure: Measure, among formats: [OutputFormat]) -> String {
        spoken(formats.filter { $0.measure == measure }.map { $0.name.uppercased() }, "and")
    }
}

extension OutputFormat.Measure: Equatable {}

extension PointOutput {
    /// eval's output: `--format` (one of ``OutputFormat/eval``), or JSON for `--json`, else a
    /// table.
    /// - Throws: A usage error for an unknown format, or for both options at once.
    init(format: String?, json: Bool) throws {
        guard let format else {
            self = json ? .json : .table
            return
        }
        guard let known = OutputFormat.named(format, among: OutputFormat.eval) else {
            throw ValidationError(
                "'--format' of eval must be \(OutputFormat.spoken(OutputFormat.eval)), got '\(format)'")
        }
        if json {
            throw ValidationError("give '--json' or '--format \(format)', not both")
        }
        self.init(known)
    }
}
