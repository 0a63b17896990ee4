import Foundation
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

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Parses JSON text, with numbers as correctly rounded Doubles.
///
/// Foundation's JSONSerialization on Linux rounds some numbers to a neighbouring double, which
/// would hide (or invent) last-bit differences; numbers are therefore read with `Double(String)`.
func parseJSON(_ text: String) throws -> Any {
    let marker = "~number~"
    let number = /(?<lead>[:\[,]\s*)(?<number>-?[0-9][0-9.eE+\-]*)(?=\s*[,\]\}])/
    let quoted = text.replacing(number) { match in "\(match.lead)\"\(marker)\(match.number)\"" }
    let object = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: [.fragmentsAllowed])
    func convert(_ value: Any) -> Any {
        if let s = value as? String, s.hasPrefix(marker) {
            return Double(s.dropFirst(marker.count)) ?? Double.nan
        }
        if let a = value as? [Any] { return a.map(convert) }
        if let d = value as? [String: Any] { return d.mapValues(convert) }
        return value
    }
    return convert(object)
}

/// Reads CSV text into a header and rows of numbers (no quoted numeric fields occur).
func parseCSV(_ text: String) -> (header: [String], rows: [[Double]]) {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines.last == "")
    lines.removeLast()
    let header = splitFields(lines[0])
    let rows = lines.dropFirst().map { $0.split(separator: ",").map { Double($0) ?? .nan } }
    return (header, rows)
}

func splitFields(_ line: String) -> [String] {
    var fields: [String] = []
    var current = ""
    var quoted = false
    var chars = Array(line)[...]
    while let c = chars.popFirst() {
        if quoted {
            if c == "\"" {
                if chars.first == "\"" {
                    current.append("\""); chars.removeFirst()
                } else {
                    quoted = false
                }
            } else {
                current.append(c)
            }
        } else if c == "\"" {
            quoted = true
        } else if c == "," {
            fields.append(current); current = ""
        } else {
            current.append(c)
        }
    }
    fields.append(current)
    return fields
}
