import ActivationCore
import ArgumentParser

/// The `actplot` command: activation functions, exact, in the terminal and in files.
///
/// The executable's `main.swift` calls ``main()``; the end-to-end tests and the command-line fuzz
/// harness use the same library. Every subcommand names itself in its configuration: deriving
/// the names from the type names cost a fifth of a chart's start-up.
public struct Actplot: ParsableCommand {
    /// The version `--version` prints.
    public static let version = "0.1.0"

    /// The root command: its help, its subcommands, and plot as the default one.
    public static let configuration = CommandConfiguration(
        commandName: "actplot",
        abstract: "Neural-network activation functions and their derivatives, exact.",
        discussion: """
            FUNCTION is a catalog name (relu, LeakyReLU, leaky-relu), optionally with parameters \
            (leaky_relu:alpha=0.2, gelu:approximate=tanh), or a framework's own version \
            (torch.hardsigmoid, keras.layers.LeakyReLU, jax.gelu, tf.nn.relu6, dl4j.HardSigmoid, \
            caffe.PReLU), \
            or a formula of x ('x*tanh(log1p(exp(x)))', 'gelu(2*x) - 0.1*x^2') whose f′ and f″ come \
            from automatic differentiation.

            Examples:
              actplot relu --range -5:5
              actplot gelu silu --format csv -o gelu-silu.csv
              actplot compare torch.hardsigmoid dl4j.hardsigmoid
              actplot 'x*tanh(log1p(exp(x)))' gelu -o mine.png
              actplot eval gelu -1 0 1
              actplot info torch.softplus
              actplot list --framework dl4j
              actplot table gelu --dtype bf16 -o gelu-bf16.npy
              actplot check gelu --dtype bf16 --input x.npy --output y.npy --max-ulp 2

            Shell completion: actplot --generate-completion-script bash|zsh|fish > FILE, then \
            source FILE (bash) or put it where the shell looks for completions.
            """,
        version: version,
        subcommands: commands.map { $0 },
        defaultSubcommand: Plot.self
    )

    /// Runs the command line of the process and exits with its status.
    ///
    /// `--version` alone answers before the argument parser starts: its first dynamic casts
    /// scan every protocol conformance in the process, most of the start-up time.
    public static func main() {
        POSIX.ignoreBrokenPipe()
        let arguments = Array(CommandLine.arguments.dropFirst())
        if arguments == ["--version"] {
            var output = ConsoleStream(descriptor: 1, brokenPipeEndsQuietly: true)
            output.write(version + "\n")
            return
        }
        var console = Console.standard(arguments: arguments)
        POSIX.exit(run(arguments, on: &console))
    }

    /// Runs a command line on a console: parses it, runs the command, and turns every failure
    /// into one line `actplot: error: ...` on the console's stderr.
    /// - Parameters:
    ///   - arguments: The command line without the program's name.
    ///   - console: Where the output goes.
    /// - Returns: The exit status: 0, 64 for a usage error, 1 for anything else (a reader that
    ///   went away ends the run quietly, with 0).
    package static func run(_ arguments: [String], on console: inout Console) -> Int32 {
        do {
            switch try parsed(prepared(arguments)) {
            case .command(let command): try command.run(on: &console)
            case .parser(var command): try command.run()
            }
            return 0
        } catch OutputError.brokenPipe {
            return 0
        } catch let verdict as FailedVerdict {
            return verdict.status
        } catch {
            if exitCode(for: error) == .success {
                // Help, in ASCII when the locale is not UTF-8 (it speaks of f′ and f″).
                var text = fullMessage(for: error)
                if let shell = completionShell(arguments) {
                    text = CompletionScript.adjusted(text, shell: shell)
                }
                try? console.print(text + "\n")
                return 0
            }
            let report = ErrorReport(error, arguments: arguments)
            console.warn("actplot: error: \(report.message)\n")
            return report.code.rawValue
        }
    }

    /// The shell a `--generate-completion-script SHELL` (or `=SHELL`) asks for, or nil.
    static func completionShell(_ arguments: [String]) -> String? {
        for (i, argument) in arguments.enumerated() where argument.hasPrefix("--generate-completion-script") {
            if let equals = argument.firstIndex(of: "=") {
                return String(argument[argument.index(after: equals)...])
            }
            return i + 1 < arguments.count ? arguments[i + 1] : nil
        }
        return nil
    }

    /// The command the arguments ask for.
    ///
    /// The root's parse first looks through the whole command tree for a completion-script
    /// request, a quarter of a chart's start-up; so a subcommand (plot, the default, when the
    /// first argument names none) parses its own arguments. Anything that asks for help, the
    /// version or a completion script goes through the root.
    /// - Parameter arguments: The command line without the program's name.
    /// - Returns: The parsed command, ready to run.
    /// - Throws: What the argument parser throws for arguments it refuses.
    package static func parse(_ arguments: [String]) throws -> any ParsableCommand {
        switch try parsed(arguments) {
        case .command(let command): command
        case .parser(let command): command
        }
    }

    /// A parsed command line: one of actplot's commands, or the argument parser's own (the
    /// help command, whose run prints a subcommand's help).
    private enum Parsed {
        case command(any ConsoleCommand)
        case parser(any ParsableCommand)
    }

    /// The command the arguments ask for (see ``parse(_:)``).
    private static func parsed(_ arguments: [String]) throws -> Parsed {
        // `actplot help bogus` would print the root's help and exit 0: say what is wrong instead.
        if arguments.first == "help", arguments.count >= 2, subcommands[arguments[1]] == nil {
            let topic = arguments[1]
            if let f = try? Catalog.activation(topic), f.entry.family != .expression {
                throw ValidationError(
                    "'\(topic)' is a function, not a command: actplot info \(ShellQuote.quoted(topic)) describes it"
                )
            }
            let near = Suggestion.nearestName(to: topic, among: commandNames).map { "did you mean '\($0)'? " }
            throw ValidationError(
                "no help on '\(topic)': it is not a command; \(near ?? "")the commands are "
                    + commandNames.joined(separator: ", ")
                    + " (actplot help COMMAND; actplot info FUNCTION describes a function)")
        }
        let rootOnly: Set<String> = ["-h", "--help", "--version", "help"]
        guard
            let first = arguments.first,
            !arguments.contains(where: {
                rootOnly.contains($0) || $0.hasPrefix("--generate-") || $0.hasPrefix("--experimental")
            })
        else { return .parser(try parseAsRoot(arguments)) }
        guard let subcommand = subcommands[first] else { return .command(try parsePlot(arguments)) }
        return .command(try subcommand.parse(Array(arguments.dropFirst())))
    }

    /// The default command's arguments, parsed.
    ///
    /// The argument parser validates before it reports options it does not know, so
    /// `actplot --nope` would hear "give at least one function": with a function supplied, an
    /// unknown option is what remains to be said.
    private static func parsePlot(_ arguments: [String]) throws -> any ConsoleCommand {
        do {
            return try Plot.parse(arguments)
        } catch {
            guard arguments.contains(where: { $0.hasPrefix("-") && $0 != "-" && $0 != "--" }) else {
                throw error
            }
            let retry = Result { try Plot.parse(arguments + [CatalogEntry.relu.name]) }
            if case .failure(let unknown) = retry,
                message(for: unknown).lowercased().contains("unknown option")
            {
                throw unknown
            }
            throw error
        }
    }

    /// The subcommands, plot (the default) first.
    ///
    /// Typed as console commands, so that a parsed command runs without a dynamic cast (the
    /// first cast to a protocol costs a scan of every conformance).
    static let commands: [any ConsoleCommand.Type] = [
        Plot.self, Compare.self, Eval.self, Info.self, Stats.self, Precision.self, List.self,
        GoldenTable.self, Check.self,
    ]

    /// The subcommands' names, sorted (so that a tie in ``Suggestion`` always goes the same way).
    package static var commandNames: [String] { subcommands.keys.sorted() }

    /// The subcommands by name.
    private static let subcommands: [String: any ConsoleCommand.Type] = Dictionary(
        uniqueKeysWithValues: commands.compactMap { type in
            type.configuration.commandName.map { ($0, type) }
        })

    /// The command line as the argument parser should see it: formulas marked
    /// (``protectingFormulas(_:)``) and eval's points packed (``PointSource/packing(_:)``).
    /// - Parameter arguments: The command line without the program's name.
    /// - Returns: The arguments to parse.
    package static func prepared(_ arguments: [String]) -> [String] {
        PointSource.packing(protectingFormulas(arguments))
    }

    /// Marks arguments that start with '-' but are formulas (`-x^2`, `-exp(x)+1`), not options.
    ///
    /// A leading space makes the argument parser take them as values; the space is trimmed
    /// when the function is read. Options never hold `( ) * / ^ +`.
    /// - Parameter arguments: The command line without the program's name.
    /// - Returns: The same arguments, formulas marked.
    package static func protectingFormulas(_ arguments: [String]) -> [String] {
        var protected: [String] = []
        var afterTerminator = false
        for argument in arguments {
            afterTerminator = afterTerminator || argument == "--"
            let isFormula =
                argument.hasPrefix("-") && !argument.hasPrefix("--")
                && argument.contains { "()*/^+ ".contains($0) }
            protected.append(!afterTerminator && isFormula ? " " + argument : argument)
        }
        return protected
    }

    /// Public for the executable's `main.swift`, which needs no other member.
    public init() {}
}
