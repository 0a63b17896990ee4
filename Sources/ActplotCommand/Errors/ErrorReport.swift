import ActivationCore
import ArgumentParser

/// What actplot prints for a failure, after `actplot: error: `, and the exit status.
///
/// The one funnel for every error: the library's (with actplot's advice added), the output's, and
/// the argument parser's (rewritten to one line by ``oneLine(_:)``). A formula's error is the only
/// one that takes more than a line: the formula and a caret under the fault follow it.
package struct ErrorReport {
    /// The text after `actplot: error: `, without the final line end.
    package let message: String
    /// 64 for a usage error, 1 for an I/O failure (and anything else).
    package let code: ExitCode

    /// The report of `error`.
    /// - Parameter error: Anything a command threw.
    package init(_ error: any Error) {
        let text: String
        switch error {
        case ActivationError.invalidExpression(let error):
            text = error.message + Self.advice(for: error.cause) + "\n" + error.excerpt
            code = .validationFailure
        case let error as ActivationError:
            text = Self.oneLine(error.description + Self.advice(for: error))
            code = .validationFailure
        case let error as DumpError:
            text = Self.oneLine(error.description)
            code = ExitCode(2)
        case let error as OutputError:
            text = Self.oneLine(error.description)
            code = error.isUsage ? .validationFailure : .failure
        default:
            text = Self.oneLine(Self.rewritten(Actplot.message(for: error)))
            code = Actplot.exitCode(for: error)
        }
        message = Self.escapingControls(text)
    }

    /// Control characters written visibly, whatever their source (argv, a file, standard
    /// input); the line breaks of a formula's excerpt stay.
    static func escapingControls(_ text: String) -> String {
        ActivationError.escapingControls(text, keepingLineBreaks: true)
    }

    /// Options people bring from other tools, with what actplot has instead.
    static let otherTools: [String: String] = [
        "--dpi": "use --scale for an image's pixel density",
        "--log": "a log y axis is --yscale log", "--logy": "a log y axis is --yscale log",
        "--logx": "a log x axis is --xscale log",
        "--log-scale": "a log y axis is --yscale log", "--logscale": "a log y axis is --yscale log",
        "--y-range": "the y interval is --ylim MIN:MAX (--range is the x range)",
        "--yrange": "the y interval is --ylim MIN:MAX (--range is the x range)",
        "--ylimit": "the y interval is --ylim MIN:MAX (--range is the x range)",
        "--vector": "--vector belongs to eval: actplot eval FUNCTION --vector 1,2",
        "--dark": "a dark image is --theme dark",
        "--transparent": "a transparent image is --theme transparent",
    ]

    /// The argument parser's messages in actplot's terms.
    ///
    /// * An unknown option's suggestion is kept only when it is close (the same first letter,
    ///   at most two edits, one for names of four letters or fewer); an option from another tool
    ///   gets actplot's answer instead (`--dpi`: use --scale).
    /// * A whole number that does not parse (`--width 1e3`) says what is accepted.
    static func rewritten(_ message: String) -> String {
        var text = message
        if let match = text.firstMatch(
            of: /Unknown option '(?<option>[^']+)'(\. Did you mean '(?<near>[^']+)'\?)?/)
        {
            let option = String(match.option)
            var line = "unknown option '\(option)'"
            if let answer = otherTools[option.lowercased()] {
                line += "; \(answer)"
            } else if let near = match.near.map(String.init), isClose(option, near) {
                line += "; did you mean '\(near)'?"
            }
            text.replaceSubrange(match.range, with: line)
        }
        if let match = text.firstMatch(of: /(?i)can't generate completion scripts for '(?<shell>[^']*)'/) {
            return "no completion script for '\(match.shell)': actplot writes them for bash, zsh and fish "
                + "(actplot --generate-completion-script bash)"
        }
        if let match = text.firstMatch(
            of: /The value '(?<value>[^']*)' is invalid for '(?<option>--(width|height)) <[^>]*>'/)
        {
            text =
                "'\(match.option)' takes a whole number, 20 to 16384 (characters or pixels), got '\(match.value)'"
        }
        return text
    }

    /// Whether a suggested option is near enough to what was typed to be offered: edits
    /// counted with a swap of neighbours as one (`--mrak` is one from `--mark`).
    static func isClose(_ typed: String, _ suggested: String) -> Bool {
        let (a, b) = (Array(typed.drop { $0 == "-" }), Array(suggested.drop { $0 == "-" }))
        guard a.first == b.first, let first = a.first, first.isLetter else { return false }
        return Suggestion.distance(a, b) <= (a.count <= 4 ? 1 : 2)
    }

    /// The report of `error` from the command line `arguments` (without the program's name).
    ///
    /// When the unknown function is the first argument and reads as a mistyped command
    /// (`comapre relu gelu`, `evl gelu 1`), the report suggests the command, with the
    /// corrected command line, instead of a function.
    /// - Parameters:
    ///   - error: Anything a command threw.
    ///   - arguments: The command line it came from.
    package init(_ error: any Error, arguments: [String]) {
        guard case ActivationError.unknownFunction(let name, _) = error, arguments.first == name,
            let command = Suggestion.nearestName(to: name, among: Actplot.commandNames)
        else {
            self.init(error)
            return
        }
        let corrected = ([command] + arguments.dropFirst()).joined(separator: " ")
        self.init(
            message: Self.escapingControls(
                Self.oneLine(
                    "unknown command or function '\(name)'; did you mean the command '\(command)'? "
                        + "(actplot \(corrected))")),
            code: .validationFailure)
    }

    private init(message: String, code: ExitCode) {
        self.message = message
        self.code = code
    }

    /// Where to look next, after the library's description of a name it does not know.
    static func advice(for error: ActivationError?) -> String {
        switch error {
        case .unknownFunction?:
            return " (run 'actplot list' to see the catalog)"
        case .notInFramework(let framework, _, _)?:
            return " (run 'actplot list --framework \(framework.split(separator: ".").first ?? "")')"
        default:
            return ""
        }
    }

    /// A message as one line in actplot's voice.
    ///
    /// * Its lines are joined with "; ", without the argument parser's usage and help hints.
    /// * The argument parser's "The value 'V' is invalid for '--option <NAME>': " goes when our
    ///   own explanation follows it: the explanation names the option and the value itself.
    /// * It starts in lower case (`missing expected argument`), without a leading `error: `.
    /// * Quoted text over 120 characters (a pasted megabyte) is cut in the middle.
    /// - Parameter message: Any error message.
    /// - Returns: The line.
    package static func oneLine(_ message: String) -> String {
        var text = message.split(whereSeparator: \.isNewline).map { $0.trimmingWhitespace }
            .filter { !$0.isEmpty && !$0.hasPrefix("Usage:") && !$0.hasPrefix("See '") }
            .joined(separator: "; ")
        text = text.replacing(/^The value '.*' is invalid for '[^']*': (?<reason>.+)$/) { $0.reason }
        if let first = text.first, first.isUppercase, text.dropFirst().first?.isLowercase ?? true {
            text = first.lowercased() + text.dropFirst()
        }
        if text.hasPrefix("error: ") { text.removeFirst(7) }
        return text.replacing(/'(?<quoted>[^']{121,})'/) { match in
            "'\(ActivationError.middleCut(match.quoted))' (\(match.quoted.count) characters)"
        }
    }
}
