import ArgumentParser

/// A subcommand that runs against a ``Console`` instead of the process's streams, so that
/// `main` and the tests run it alike.
package protocol ConsoleCommand: ParsableCommand {
    /// Runs the command.
    /// - Parameter console: Where its output goes and what it knows of its surroundings.
    /// - Throws: A usage error (`ValidationError`), the library's errors, ``OutputError``.
    func run(on console: inout Console) throws
}

extension ConsoleCommand {
    /// Runs the command on the process's console (argument-parser's entry; `Actplot.main`
    /// passes its own console instead).
    package func run() throws {
        var console = Console.standard(arguments: Array(CommandLine.arguments.dropFirst()))
        try run(on: &console)
    }
}
