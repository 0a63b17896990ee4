import ArgumentParser

extension Actplot {
    /// `actplot FUNCTION... [options]`: a terminal chart (default), CSV, PNG or SVG.
    struct Plot: ParsableCommand {
        static let configuration = CommandConfiguration(
            // Named here: deriving the name from the type costs a fifth of a chart's start-up.
            commandName: "plot",
            abstract: "Plot functions and their derivatives (the default command).",
            discussion: """
                Draws f (solid) and f′ (dotted) of each FUNCTION as a braille chart sized to the \
                terminal, or writes them as CSV, PNG or SVG. Several functions share one chart \
                (--layout side-by-side gives each its own panel).

                Examples:
                  actplot relu --range -5:5
                  actplot gelu silu mish --second-derivative
                  actplot leaky_relu:alpha=0.2 --samples 11 --format csv
                  actplot sigmoid --saturation --mark 0 -o sigmoid.png
                  actplot 'x*tanh(log1p(exp(x)))' gelu -o mine.png
                """
        )

        @Argument(
            help: ArgumentHelp(
                "Functions: catalog names, specs, framework presets or formulas of x.", valueName: "FUNCTION"),
            completion: .functionNames
        )
        var functions: [String] = []

        @OptionGroup var options: PlotOptions

        func validate() throws {
            if functions.isEmpty {
                throw ValidationError(
                    "give at least one function, e.g. actplot relu --range -5:5 (actplot list shows them)")
            }
        }

        func run() throws {
            try PlotJob(
                specs: functions, options: options, defaultLayout: .overlay, reportsDifferences: options.diff
            )
            .run()
        }
    }

    /// `actplot compare F G [H...]`: side-by-side panels and how each differs from the first.
    struct Compare: ParsableCommand {
        static let configuration = CommandConfiguration(
            // Named here: deriving the name from the type costs a fifth of a chart's start-up.
            commandName: "compare",
            abstract: "Compare functions side by side, with the differences in numbers.",
            discussion: """
                Draws one panel per FUNCTION on a shared y range and reports, for each function \
                against the first, the largest |f − g| and where it occurs, the mean and RMS \
                difference, the same for f′, and the corners where the two follow different \
                conventions. The statistics use --samples/--step points when given, else 10001, \
                and the maximum is refined between grid points. They follow the chart, or go to \
                stderr when the plot goes to a file or stdout carries CSV or an image.

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
            if functions.count < 2 {
                throw ValidationError(
                    "compare needs two or more functions, e.g. actplot compare gelu gelu:approximate=tanh")
            }
        }

        func run() throws {
            try PlotJob(
                specs: functions, options: options, defaultLayout: .sideBySide, reportsDifferences: true
            )
            .run()
        }
    }
}
