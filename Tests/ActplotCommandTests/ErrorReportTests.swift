import ActivationCore
import ArgumentParser
import Testing

@testable import ActplotCommand

/// The error funnel in process: the argument parser's messages as one line, and actplot's
/// advice after the library's.
@Suite("Error messages")
struct ErrorReportTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let message: String
        let line: String
        var testDescription: String { message }
    }

    static let rewrites: [Case] = [
        Case(
            message:
                "Missing expected argument '<function>'\nUsage: actplot eval <function>\n  See 'actplot eval --help'.",
            line: "missing expected argument '<function>'"),
        Case(message: "error: something failed", line: "something failed"),
        Case(
            message: "The value '1:0' is invalid for '--range <MIN:MAX>': '--range' needs MIN:MAX",
            line: "'--range' needs MIN:MAX"),
        Case(
            message: "The value '1e3' is invalid for '--samples <N>'",
            line: "the value '1e3' is invalid for '--samples <N>'"),
        Case(message: "Unknown option '--jsn'", line: "unknown option '--jsn'"),
        Case(message: "PNG encoder failed", line: "PNG encoder failed"),
        Case(
            message: "unknown function '\(String(repeating: "q", count: 200))'",
            line:
                "unknown function '\(String(repeating: "q", count: 40))…\(String(repeating: "q", count: 12))' "
                + "(200 characters)"),
    ]

    @Test("the argument parser's messages become one line in actplot's voice", arguments: rewrites)
    func oneLine(_ c: Case) {
        #expect(ErrorReport.oneLine(c.message) == c.line)
    }

    @Test("the library says what was wrong; actplot adds where to look")
    func advice() {
        let unknown = ActivationError.unknownFunction("gleu", suggestion: "gelu")
        #expect(
            ErrorReport(unknown).message
                == "unknown function 'gleu'; did you mean 'gelu'? (run 'actplot list' to see the catalog)")
        #expect(ErrorReport(unknown).code == .validationFailure)
        let missing = ActivationError.notInFramework(framework: "keras.layers", name: "tanh", suggestion: nil)
        #expect(
            ErrorReport(missing).message
                == "keras.layers has no activation 'tanh' (run 'actplot list --framework keras')")
        let parameter = ActivationError.unknownParameter(function: "relu", parameter: "beta", known: [])
        #expect(ErrorReport(parameter).message == parameter.description)
    }

    @Test("a formula's error keeps its caret, and its cause's advice")
    func formula() throws {
        do {
            _ = try Catalog.activation("1 + torch.nosuch(x)")
            Issue.record("torch.nosuch was accepted")
        } catch {
            let lines = ErrorReport(error).message.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(lines.count == 3)
            #expect(lines[0] == "torch has no activation 'nosuch' (run 'actplot list --framework torch')")
            #expect(lines[1] == "  1 + torch.nosuch(x)" && lines[2] == "      ^")
        }
    }

    @Test(
        "shared options are parsed by the argument parser, once, with actplot's explanation",
        arguments: [
            (
                ["relu", "--range", "1:0"],
                "'--range 1:0' runs backwards (MIN > MAX); did you mean --range 0:1?"
            ),
            (["info", "relu", "--range", "nan:1"], "'--range' needs MIN:MAX with MIN < MAX"),
            (["softmax", "--others", "1,x"], "'--others' entry 'x' is not a number"),
            (["eval", "softmax", "--vector", ""], "'--vector' needs numbers separated by commas"),
            (["eval", "relu", "1", "--precision", "18"], "'--precision' must be 1 to 17"),
        ])
    func sharedOptions(_ arguments: [String], _ message: String) {
        #expect(throws: (any Error).self) {
            var command = try Actplot.parseAsRoot(arguments)
            try command.run()
        }
        do {
            _ = try Actplot.parseAsRoot(arguments)
        } catch {
            let report = ErrorReport(error)
            #expect(report.message.hasPrefix(message), "\(report.message)")
            #expect(report.code == .validationFailure)
        }
    }

    @Test("one --range group: plot, compare and info read the same value")
    func range() throws {
        for arguments in [
            ["plot", "relu", "--range", "-2:0x1p2"], ["compare", "relu", "gelu", "--range", "-2:4"],
        ] {
            let command = try Actplot.parseAsRoot(arguments)
            let interval =
                (command as? Actplot.Plot)?.options.interval
                ?? (command as? Actplot.Compare)?.options.interval
            #expect(interval?.lower == -2 && interval?.upper == 4)
        }
        let info = try #require(try Actplot.parseAsRoot(["info", "relu"]) as? Actplot.Info)
        #expect(info.range.range.closedRange == -5...5)
    }
}

/// A subcommand (a plot by default) parses its own arguments, skipping the root's search of the
/// whole command tree: the result must be what the root's parse gives, command or error.
@Suite("Parsing a subcommand directly")
struct SubcommandParsingTests {
    @Test(
        "the same command, or the same error, as the root's parse",
        arguments: [
            ["relu"], ["relu", "--range", "-5:5"], ["gelu", "silu", "--samples", "11", "--format", "csv"],
            ["relu", "--range", "1:0"], ["relu", "--jsn"], ["relu", "--samples"], ["-x^2"],
            ["relu", "--", "--x"],
            [
                "leaky_relu:alpha=0.2", "--mark", "1", "--mark", "-2", "--saturation", "--json", "--diff",
                "gelu",
            ],
            ["relu", "--others", "1,2", "--precision", "3", "-o", "p.png", "--scale", "2"], [],
            ["relu", "--help"], ["help", "eval"], ["--version"], ["relu", "-h"], ["eval", "relu", "1"],
            ["eval", "gelu", "-1", "0", "1", "--json", "--precision", "4"],
            ["eval", "softmax", "--vector", "1,x"],
            ["eval"], ["eval", "relu", "1", "--jsn"], ["eval", "--help"], ["list", "--framework", "dl4j"],
            ["list", "extra"], ["info", "gelu", "--range", "-3:3", "--json"], ["info"], ["compare", "relu"],
            ["compare", "gelu", "silu", "--diff", "--layout", "overlay"], ["plot", "relu", "--width", "5"],
            ["list", "--generate-completion-script", "bash"],
        ])
    func sameAsRoot(_ arguments: [String]) {
        let arguments = Actplot.prepared(arguments)
        let direct = Result { try Actplot.parse(arguments) }
        let root = Result { try Actplot.parseAsRoot(arguments) }
        switch (direct, root) {
        case (.success(let a), .success(let b)):
            #expect(type(of: a) == type(of: b))
            #expect(String(describing: a) == String(describing: b))
        case (.failure(let a), .failure(let b)):
            #expect(ErrorReport(a).message == ErrorReport(b).message)
            #expect(ErrorReport(a).code == ErrorReport(b).code)
        default:
            Issue.record("one parse succeeded and the other did not: \(direct), \(root)")
        }
    }

    @Test("subcommands are parsed by the root")
    func root() throws {
        #expect(try Actplot.parse(["eval", "relu", "1"]) is Actplot.Eval)
        #expect(try Actplot.parse(["list"]) is Actplot.List)
        #expect(try Actplot.parse(["plot", "relu"]) is Actplot.Plot)
        #expect(try Actplot.parse(["relu"]) is Actplot.Plot)
    }

    @Test("control characters from any source are written visibly, never sent to the terminal")
    func controls() {
        let report = ErrorReport(ValidationError("'\u{1b}[31mx\u{0}\u{7}' is not a number"))
        #expect(report.message == "'\\u{1b}[31mx\\u{0}\\u{7}' is not a number")
        #expect(!report.message.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }
}
