import ArgumentParser

extension Actplot {
    /// `actplot FUNCTION... [options]`: a terminal chart (default), CSV, PNG or SVG.
    struct Plot: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "plot",
            abstract: "Plot functions and their derivatives (the default command).",
            discussion: """
                Draws f and f′ of each FUNCTION as a braille chart sized to the terminal (f solid, \
                f′ dotted, f″ sparse), or writes them as CSV, PNG or SVG (f solid, f′ dashed, f″ \
                dotted). Several functions share one chart \
                (--layout side-by-side gives each its own panel). With --diff, --json prints the \
                difference statistics as JSON on stdout, and the plot goes to --output, if any.

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

        func run(on console: inout Console) throws {
            try PlotRun(
                specs: functions, options: options, defaultLayout: .overlay, reportsDifferences: options.diff
            )
            .run(on: &console)
        }
    }
}
