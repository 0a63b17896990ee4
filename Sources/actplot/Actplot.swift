import ActivationCore
import ArgumentParser

#if canImport(Glibc)
    import Glibc
#endif

/// The `actplot` command: activation functions, exact, in the terminal and in files.
///
/// `main.swift` starts it; the fuzz harness (Fuzz/CommandLine) links the same sources without it.
struct Actplot: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "actplot",
        abstract: "Neural-network activation functions and their derivatives, exact.",
        discussion: """
            FUNCTION is a catalog name (relu, LeakyReLU, leaky-relu), optionally with parameters \
            (leaky_relu:alpha=0.2, gelu:approximate=tanh), or a framework's own version \
            (torch.hardsigmoid, keras.layers.LeakyReLU, jax.gelu, tf.nn.relu6, dl4j.HardSigmoid), \
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
            """,
        version: version,
        subcommands: [Plot.self, Compare.self, Eval.self, Info.self, List.self],
        defaultSubcommand: Plot.self
    )

    /// Runs the command; every failure becomes one line `actplot: error: ...` on stderr and
    /// the exit status is 64 for a usage error, 1 for anything else.
    static func main() {
        signal(SIGPIPE, SIG_IGN)
        // `--version` alone answers before the argument parser starts: its first dynamic
        // casts scan every protocol conformance in the process, most of the start-up time.
        if CommandLine.arguments.dropFirst().elementsEqual(["--version"]) {
            try? writeToStandardOutput(version + "\n")
            return
        }
        do {
            var command = try parseAsRoot(protectingFormulas(Array(CommandLine.arguments.dropFirst())))
            try command.run()
        } catch ActivationError.invalidExpression(let error) {
            // The one error line, then the expression with a caret under the offending character.
            standardError.write("actplot: error: \(error.message)\n\(error.excerpt)\n")
            Glibc.exit(ExitCode.validationFailure.rawValue)
        } catch let error as ActivationError {
            fail(error.description, code: .validationFailure)
        } catch let error as OutputError {
            fail(error.description, code: error.isUsage ? .validationFailure : .failure)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Glibc.exit(0)
            }
            fail(message(for: error), code: code)
        }
    }

    /// Marks arguments that start with '-' but are formulas (`-x^2`, `-exp(x)+1`), not options.
    ///
    /// A leading space makes the argument parser take them as values; the space is trimmed
    /// when the function is read. Options never hold `( ) * / ^ +`.
    static func protectingFormulas(_ arguments: [String]) -> [String] {
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

    /// Prints one error line and exits.
    static func fail(_ message: String, code: ExitCode) -> Never {
        var text = message.split(whereSeparator: \.isNewline).map { $0.trimmed }
            .filter { !$0.isEmpty && !$0.hasPrefix("Usage:") && !$0.hasPrefix("See '") }
            .joined(separator: "; ")
        if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase ?? true {
            text = first.lowercased() + text.dropFirst()
        }
        if text.hasPrefix("error: ") { text.removeFirst(7) }
        // A pasted megabyte stays a line: quoted text over 120 characters is cut in the middle.
        text = text.replacing(/'(?<quoted>[^']{121,})'/) { match in
            "'\(ActivationError.middleCut(match.quoted))' (\(match.quoted.count) characters)"
        }
        standardError.write("actplot: error: \(text)\n")
        Glibc.exit(code.rawValue)
    }
}

/// A failure while writing output.
enum OutputError: Error, CustomStringConvertible {
    /// stdout could not be written.
    case write(String)
    /// The output file could not be created.
    case create(String, String)
    /// Writing the output file failed.
    case writeFile(String, String)
    /// The output path names a directory.
    case isDirectory(String)

    var description: String {
        switch self {
        case .write(let reason): "cannot write the output: \(reason)"
        case .create(let path, let reason): "cannot create '\(path)': \(reason)"
        case .writeFile(let path, let reason): "cannot write '\(path)': \(reason); it was left as it was"
        case .isDirectory(let path): "'\(path)' is a directory; give a file name, e.g. -o \(path)/plot.csv"
        }
    }

    /// Usage errors exit 64; I/O failures 1.
    var isUsage: Bool {
        if case .isDirectory = self { return true }
        return false
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces.
    var trimmed: String {
        guard let first = firstIndex(where: { $0 != " " }), let last = lastIndex(where: { $0 != " " }) else {
            return ""
        }
        return String(self[first...last])
    }
}
