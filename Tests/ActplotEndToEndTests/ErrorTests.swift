import Foundation
import Testing

/// Every bad input: one `actplot: error:` line on stderr, nothing on stdout, exit 64 (usage) or 1 (I/O).
@Suite("Errors")
struct ErrorTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let arguments: [String]
        let mentions: String
        var testDescription: String { arguments.joined(separator: " ") }
    }

    static let usage: [Case] = [
        Case(arguments: ["eval", "gleu", "1"], mentions: "did you mean 'gelu'"),
        Case(arguments: ["eval", "leaky_relu:alpah=0.2", "1"], mentions: "did you mean 'alpha'"),
        Case(arguments: ["eval", "leaky_relu:alpha=abc", "1"], mentions: "must be a finite number"),
        Case(arguments: ["eval", "softplus:beta=-1", "1"], mentions: "> 0"),
        Case(arguments: ["eval", "gelu:approximate=fast", "1"], mentions: "one of none, tanh, sigmoid"),
        Case(arguments: ["eval", "torhc.relu", "1"], mentions: "did you mean 'torch'"),
        Case(
            arguments: ["eval", "keras.layers.tanh", "1"], mentions: "keras.layers has no activation 'tanh'"),
        Case(arguments: ["eval", "relu", "abc"], mentions: "'abc' is not a number"),
        Case(arguments: ["eval", "relu"], mentions: "at least one point"),
        Case(arguments: ["eval", "relu", "1", "--precision", "0"], mentions: "1 to 17"),
        Case(arguments: ["eval", "relu", "1", "--jsn"], mentions: "unknown option '--jsn'"),
        Case(arguments: ["eval", "relu", "--vector", "1,2"], mentions: "vector functions"),
        Case(arguments: ["eval", "glu", "--vector", "1,2,3"], mentions: "even number"),
        Case(arguments: ["eval", "softmax", "--vector", "1,x"], mentions: "not a number"),
        Case(arguments: ["eval", "softmax", "1", "--vector", "1,2"], mentions: "one of them"),
        Case(arguments: ["eval", "relu", "1", "--others", "1"], mentions: "vector functions only"),
        Case(arguments: ["list", "--framework", "pytorh"], mentions: "did you mean 'torch'"),
        Case(arguments: ["info", "gelu", "--range", "5:-5"], mentions: "MIN < MAX"),
        Case(arguments: ["info", "gelu", "--range", "nan:1"], mentions: "MIN < MAX"),
        Case(arguments: ["info", "gelu", "--range", "-inf:0"], mentions: "finite"),
        Case(arguments: ["info", "nosuch"], mentions: "unknown function 'nosuch'"),
        Case(arguments: ["frobnicate"], mentions: "frobnicate"),
        Case(
            arguments: ["comapre", "relu", "gelu"],
            mentions: "did you mean the command 'compare'? (actplot compare relu gelu)"),
        Case(
            arguments: ["evl", "gelu", "1"],
            mentions: "did you mean the command 'eval'? (actplot eval gelu 1)"),
        Case(arguments: ["ifno", "gelu"], mentions: "did you mean the command 'info'"),
        Case(arguments: ["elu", "gleu"], mentions: "unknown function 'gleu'; did you mean 'gelu'"),
        Case(arguments: ["eval", "", "1"], mentions: "expected a function name"),
        Case(
            arguments: ["relu", "--others", "1,2"], mentions: "vector functions only; relu is element-wise"),
        Case(
            arguments: ["compare", "relu", "gelu", "--others", "1"],
            mentions: "vector functions only; relu, gelu are element-wise"),
        Case(arguments: ["info", "tanh", "--others", "1"], mentions: "vector functions only"),
        Case(
            arguments: ["relu", "--format", "csv", "-o", "/tmp/actplot-never-written.png"],
            mentions: "'--format csv' conflicts with the file name"),
    ]

    @Test("usage errors: exit 64, one line, nothing on stdout", arguments: usage)
    func usageError(_ c: Case) throws {
        let r = try ActplotProcess.run(c.arguments)
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("actplot: error: "), "\(r.stderr)")
        #expect(r.stderr.filter { $0 == "\n" }.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains(c.mentions), "\(r.stderr)")
    }

    @Test("an output that cannot be written: exit 1, one line")
    func fullDisk() throws {
        let r = try ActplotProcess.run(["list"], stdoutPath: "/dev/full")
        #expect(r.status == 1)
        #expect(r.stderr.hasPrefix("actplot: error: cannot write the output"), "\(r.stderr)")
    }
}
