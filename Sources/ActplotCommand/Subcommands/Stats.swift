import ActivationCore
import ArgumentParser

extension Actplot {
    /// `actplot stats FUNCTION...`: what each function does to a Gaussian input.
    struct Stats: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract:
                "Moments, initialisation gains, Lipschitz constants and mean-field maps under a Gaussian.",
            discussion: """
                For Z ~ N(--mean, --std²) (default N(0, 1)): E[f(Z)], E[f(Z)²], Var f(Z), E[f′(Z)] \
                and E[f′(Z)²] by adaptive Gauss–Kronrod quadrature split at the corners (relative \
                error below 1e-12, never Monte Carlo); the forward gain 1/√E[f²] (He/Kaiming: √2 \
                for relu) and the backward gain 1/√E[f′²], beside PyTorch's calculate_gain where \
                it has one; sup |f′| over the line and the extremes of f, with where they are \
                reached. --sigma-w and --sigma-b add the mean-field variance map of a deep \
                network: its fixed point q*, χ₁ (1 is the edge of chaos) and the σw that puts \
                the function there.

                Examples:
                  actplot stats gelu silu mish relu tanh selu
                  actplot stats gelu --mean 0.5 --std 2 --json
                  actplot stats tanh --sigma-w 1.5 --sigma-b 0.05
                """
        )

        @Argument(
            help: ArgumentHelp("One or more functions.", valueName: "FUNCTION"), completion: .functionNames)
        var functions: [String] = []

        @Option(parsing: .unconditional, help: ArgumentHelp("The mean μ of Z (default 0).", valueName: "μ"))
        var mean: Double = 0

        @Option(
            parsing: .unconditional,
            help: ArgumentHelp("The standard deviation σ of Z (default 1).", valueName: "σ"))
        var std: Double = 1

        @Option(
            name: .customLong("sigma-w"), parsing: .unconditional,
            help: ArgumentHelp("Weight scale σw of the mean-field map.", valueName: "σw"))
        var sigmaW: Double?

        @Option(
            name: .customLong("sigma-b"), parsing: .unconditional,
            help: ArgumentHelp("Bias scale σb of the mean-field map (default 0).", valueName: "σb"))
        var sigmaB: Double?

        @OptionGroup var others: OthersOption

        @OptionGroup var numbers: NumberOutputOptions

        func validate() throws {
            if functions.isEmpty {
                throw ValidationError("give one or more functions, e.g. actplot stats gelu silu relu")
            }
            guard mean.isFinite else {
                throw ValidationError("'--mean' must be a finite number, got \(mean)")
            }
            guard std.isFinite && std > 0 else {
                throw ValidationError(
                    "'--std' must be a positive finite number, got \(DecimalText.shortest(std))")
            }
            for (name, value) in [("--sigma-w", sigmaW), ("--sigma-b", sigmaB)] {
                if let value, !(value.isFinite && value >= 0) {
                    throw ValidationError(
                        "'\(name)' must be a finite number ≥ 0, got \(DecimalText.shortest(value))")
                }
            }
        }

        func run(on console: inout Console) throws {
            let report = try StatisticsReport(
                of: others.activations(functions), mean: mean, std: std, sigmaW: sigmaW, sigmaB: sigmaB,
                digits: numbers.precision ?? 12)
            try console.print(report, json: numbers.json)
        }
    }
}
