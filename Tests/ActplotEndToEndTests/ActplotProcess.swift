import Foundation
import TestSupport
import Testing

/// Runs the built `actplot` (next to the test bundle in .build/<config>/, or $ACTPLOT).
struct ActplotProcess {
    struct Result {
        let status: Int32
        let stdout: String
        let stdoutData: Data
        let stderr: String
    }

    static let executable: URL = {
        if let path = ProcessInfo.processInfo.environment["ACTPLOT"] { return URL(fileURLWithPath: path) }
        let bundle = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            .deletingLastPathComponent()
        return bundle.appendingPathComponent("actplot")
    }()

    /// Runs actplot with arguments; stdout may be redirected to a file path.
    ///
    /// `program` is another program that starts actplot (a shell).
    static func run(
        _ arguments: [String], stdoutPath: String? = nil, environment: [String: String] = [:],
        directory: URL? = nil, program: URL = executable, input: String? = nil
    ) throws -> Result {
        guard FileManager.default.isExecutableFile(atPath: executable.path) else {
            throw TestFailure(
                "actplot is not built at \(executable.path): run 'swift build' (make test does)")
        }
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env.merge(environment) { _, new in new }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        if let stdoutPath {
            process.standardOutput = FileHandle(forWritingAtPath: stdoutPath)
        } else {
            process.standardOutput = out
        }
        process.standardError = err
        if let input {
            // Through a file, so that a large input cannot fill a pipe while output waits.
            let path = NSTemporaryDirectory() + "actplot-input-\(UUID().uuidString)"
            try Data(input.utf8).write(to: URL(fileURLWithPath: path))
            process.standardInput = FileHandle(forReadingAtPath: path)
            defer { try? FileManager.default.removeItem(atPath: path) }
        }
        try process.run()
        let outData = stdoutPath == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "actplot \(arguments) died of a signal")
        return Result(
            status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
            stdoutData: outData,
            stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension ActplotProcess {
    /// Runs `actplot ARGUMENTS` through /bin/sh, for arguments Swift strings cannot hold
    /// (invalid UTF-8 made with printf).
    static func runInShell(_ arguments: String) throws -> Result {
        try run(
            ["-c", "exec \"$ACTPLOT_UNDER_TEST\" " + arguments],
            environment: ["ACTPLOT_UNDER_TEST": executable.path],
            program: URL(fileURLWithPath: "/bin/sh"))
    }
}
