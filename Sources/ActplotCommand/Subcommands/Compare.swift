import ActivationCore
import ArgumentParser

extension Actplot {
    /// `actplot compare F G [H...]`: side-by-side panels and how each differs from the first.
    struct Compare: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "compare",
            abstract: "Compare functions side by side, with the differences in numbers.",
            discussion: """
                Draws one panel per FUNCTION on a shared y range and reports, for each function \
                against the first, the largest |f − g| and where it occurs, the mean and RMS \
                difference, the same for f′, and the corners where the two follow different \
                conventions. The statistics use --samples/--step points when given, else 10001, \
                and the maximum is refined between grid points. They follow the chart, or go to \
                stderr when the plot goes to a file or stdout carries CSV or an image; --json \
                prints them as JSON on stdout instead (the plot goes to --output, if any).

                Examples:
                  actplot compare torch.hardsigmoid dl4j.hardsigmoid
                  actplot compare gelu gelu:approximate=tanh --diff -o gelu.png
                  actplot compare relu gelu silu --layout overlay
                  actplot compare gelu 'x*sigmoid(1.702*x)'
                  actplot compare torch.relu keras.relu --json
                """
        )

        @Argument(
            help: ArgumentHelp("Two or more functions; the first is the reference.", valueName: "FUNCTION"),
            completion: .functionNames
        )
        var functions: [String] = []

        @OptionGroup var options: PlotOptions

        func validate() throws {
            if (try? functions.flatMap { try Catalog.family($0) }.count) ?? functions.count < 2 {
                throw ValidationError(
                    "compare needs two or more functions, e.g. actplot compare gelu gelu:approximate=tanh")
            }
        }

        func run(on console: inout Console) throws {
            try PlotRun(
                specs: functions, options: options, defaultLayout: .sideBySide, reportsDifferences: true
            )
            .run(on: &console)
        }
    }
}
