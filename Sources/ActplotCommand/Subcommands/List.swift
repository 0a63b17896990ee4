import ActivationCore
import ArgumentParser

extension Actplot {
    /// `actplot list`: the catalog, or what one framework has under its own names.
    struct List: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "list",
            abstract: "List the catalog, or one framework's activations under its own names.",
            discussion: """
                Examples:
                  actplot list
                  actplot list --framework torch
                  actplot list --framework dl4j --json
                """
        )

        @Option(help: ArgumentHelp("torch, jax, keras, keras2, tf, dl4j or caffe.", valueName: "NAME"))
        var framework: String?

        @Flag(help: "Add each function's N(0, 1) gains (forward 1/√E[f²], backward 1/√E[f′²]).")
        var stats = false

        @OptionGroup var output: JSONOption

        func run(on console: inout Console) throws {
            if let framework {
                try console.print(FrameworkReport(try Framework(named: framework)), json: output.json)
            } else {
                try console.print(CatalogReport(gains: stats), json: output.json)
            }
        }
    }
}
