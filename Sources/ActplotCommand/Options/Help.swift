import ActivationCore
import ActivationPlot
import ArgumentParser

// Options' help and completions that are built from data (the output formats, the number
// formats, the arithmetics), made once: the argument parser builds an option's help and
// completion each time it makes the command, several times a run.

extension ArgumentHelp {
    /// The one FUNCTION that eval and info take.
    static let function = ArgumentHelp(
        "The function: a catalog name, a spec, a framework preset or a formula of x.", valueName: "FUNCTION")

    /// plot's and compare's `--format`: ``OutputFormat/plot``.
    static let plotFormat = ArgumentHelp(
        "\(OutputFormat.spoken(OutputFormat.plot)) (default: from --output's extension, else chart).",
        valueName: "FORMAT")

    /// eval's `--format`: ``OutputFormat/eval``.
    static let evalFormat = ArgumentHelp(
        "\(OutputFormat.spoken(OutputFormat.eval)); default table, or JSON for --json.", valueName: "FORMAT")

    /// `--width`, in characters or pixels as the format measures it.
    static let width = ArgumentHelp(
        "Width: characters for a chart (default: the terminal's, else 80), pixels for "
            + "\(OutputFormat.measured(.pixels, among: OutputFormat.plot)) (1200).", valueName: "W")

    /// `--height`, likewise.
    static let height = ArgumentHelp(
        "Height: lines for a chart (default: the terminal's, else 24), pixels for "
            + "\(OutputFormat.measured(.pixels, among: OutputFormat.plot)) (800).", valueName: "H")

    /// `--scale`, for the formats measured in pixels.
    static let scale = ArgumentHelp(
        "Pixel density of \(OutputFormat.measured(.pixels, among: OutputFormat.plot)) (2 = hi-DPI).",
        valueName: "S")

    /// `--dtype`: every format's names, from NumberFormat.all.
    static let dtype = ArgumentHelp(
        "Evaluate in a format: \(NumberFormat.all.map(\.name).joined(separator: ", ")) (or "
            + "\(NumberFormat.all.map(\.shortName).joined(separator: ", "))); eval, table and check also "
            + "take the block scale float8_e8m0fnu (e8m0).", valueName: "NAME")

    /// `--arith`: every arithmetic with its summary.
    static let arith = ArgumentHelp(
        FormatEvaluation.Arithmetic.described + "; default exact.", valueName: "MODE")
}

extension CompletionKind {
    /// plot's and compare's formats.
    static let plotFormats = CompletionKind.list(OutputFormat.plot.map(\.name))
    /// eval's formats.
    static let evalFormats = CompletionKind.list(OutputFormat.eval.map(\.name))
    /// Every number format, full and short names.
    static let numberFormats = CompletionKind.list(
        (NumberFormat.all + NumberFormat.scales).flatMap { [$0.name, $0.shortName] })
    /// The arithmetics.
    static let arithmetics = CompletionKind.list(FormatEvaluation.Arithmetic.allCases.map(\.rawValue))
    /// `--overflow`'s rules.
    static let overflows = CompletionKind.list(["standard", "saturate"])
    /// The layouts.
    static let layouts = CompletionKind.list(PlotOptions.Layout.allCases.map(\.rawValue))
    /// `--legend`'s choices.
    static let legends = CompletionKind.list(LegendPlacement.allCases.map(\.rawValue))
    /// `--color`'s choices.
    static let colours = CompletionKind.list(["auto", "always", "never"])
}
