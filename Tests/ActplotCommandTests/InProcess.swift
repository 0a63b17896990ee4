import Foundation
import Testing

@testable import ActplotCommand

/// Runs actplot's command line in this process, as `main` would, with its output in memory:
/// the tests' way to run a command, as swift-argument-parser's own tests use
/// `AssertExecuteCommand`.
///
/// The command sees this process's environment with `environment` on top, standard streams
/// that are no terminals, and `input` on stdin.
enum InProcess {
    /// What a run printed and its exit status.
    struct Result {
        let status: Int32
        let stdout: String
        let stdoutData: Data
        let stderr: String
    }

    /// Runs `actplot ARGUMENTS`.
    /// - Parameters:
    ///   - arguments: The command line after the program's name.
    ///   - environment: Variables added to (or replacing) this process's.
    ///   - input: What stdin holds.
    /// - Returns: The status and what went to stdout and stderr.
    static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws
        -> Result
    {
        let variables = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        var console = Console(
            environment: ConsoleEnvironment(variables: variables, arguments: arguments),
            input: Array((input ?? "").utf8))
        let status = Actplot.run(arguments, on: &console)
        let stdout = Data(console.output.buffer?.bytes ?? [])
        return Result(
            status: status, stdout: String(decoding: stdout, as: UTF8.self), stdoutData: stdout,
            stderr: console.error.buffer?.text ?? "")
    }
}

/// Runs a command line in process and checks its exit status and, where given, exactly what it
/// printed on stdout and stderr (swift-argument-parser's `AssertExecuteCommand`).
/// - Parameters:
///   - arguments: The command line after the program's name.
///   - status: The exit status expected.
///   - stdout: The whole of stdout expected, if it matters.
///   - stderr: The whole of stderr expected, if it matters.
///   - environment: Variables added to this process's.
/// - Returns: The run, for further checks.
@discardableResult
func assertExecute(
    _ arguments: [String], status: Int32 = 0, stdout: String? = nil, stderr: String? = nil,
    environment: [String: String] = [:], sourceLocation: SourceLocation = #_sourceLocation
) throws -> InProcess.Result {
    let r = try InProcess.run(arguments, environment: environment)
    #expect(r.status == status, "actplot \(arguments): \(r.stderr)", sourceLocation: sourceLocation)
    if let stdout { #expect(r.stdout == stdout, sourceLocation: sourceLocation) }
    if let stderr { #expect(r.stderr == stderr, sourceLocation: sourceLocation) }
    return r
}
