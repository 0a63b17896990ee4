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
        Case(arguments: ["--nope"], mentions: "unknown option '--nope'"),
        Case(arguments: ["-x"], mentions: "unknown option '-x'"),
        Case(arguments: ["gelu", "--log"], mentions: "unknown option '--log'; a log y axis is --yscale log"),
        Case(
            arguments: ["gelu", "--dark"], mentions: "unknown option '--dark'; a dark image is --theme dark"),
        Case(arguments: ["gelu", "--dpi", "2"], mentions: "use --scale for an image's pixel density"),
        Case(arguments: ["gelu", "--y-range", "0:1"], mentions: "the y interval is --ylim MIN:MAX"),
        Case(
            arguments: ["gelu", "--ylim", "3:1"],
            mentions: "'--ylim 3:1' runs backwards (MIN > MAX); did you mean --ylim 1:3?"),
        Case(arguments: ["gelu", "--ylim", "2"], mentions: "'--ylim' needs MIN:MAX"),
        Case(
            arguments: ["gelu", "--ylim", "0:1", "--format", "csv"],
            mentions: "'--ylim' applies to terminal charts, PNG, SVG, PDF and pgfplots, not to CSV"),
        Case(
            arguments: ["gelu", "relu", "--layout", "row", "--independent-y", "--ylim", "0:1"],
            mentions: "'--ylim' gives every panel the same y range and '--independent-y' each its own"),
        Case(arguments: ["softmax", "--vector", "1,2"], mentions: "--vector belongs to eval"),
        Case(arguments: ["gelu", "--mrak", "1"], mentions: "did you mean '--mark'?"),
        Case(arguments: ["gelu", "--width", "1e3"], mentions: "takes a whole number, 20 to 16384"),
        Case(
            arguments: ["relu", "--title", "t", "--format", "csv"],
            mentions: "'--title' applies to terminal charts, PNG, SVG, PDF and pgfplots, not to CSV"),
        Case(
            arguments: ["relu", "--scale", "2"],
            mentions: "'--scale' applies to PNG, SVG, PDF and pgfplots, not to a terminal chart"),
        Case(
            arguments: ["relu", "--ascii", "--format", "svg"],
            mentions: "'--ascii' applies to terminal charts"),
        Case(
            arguments: ["relu", "gelu", "--independent-y", "--layout", "overlay"],
            mentions: "--layout overlay draws one panel"),
        Case(arguments: ["eval", "relu", "--vector", "1,2"], mentions: "vector functions"),
        Case(arguments: ["eval", "glu", "--vector", "1,2,3"], mentions: "even number"),
        Case(arguments: ["eval", "softmax", "--vector", "1,x"], mentions: "not a number"),
        Case(arguments: ["eval", "softmax", "1", "--vector", "1,2"], mentions: "one of them"),
        Case(arguments: ["eval", "relu", "1", "--others", "1"], mentions: "vector functions only"),
        Case(arguments: ["list", "--framework", "pytorh"], mentions: "did you mean 'torch'"),
        Case(
            arguments: ["info", "gelu", "--range", "5:-5"],
            mentions: "runs backwards (MIN > MAX); did you mean --range -5:5?"),
        Case(arguments: ["relu", "--range", "-5..5"], mentions: "with a colon, not '..': --range -5:5"),
        Case(arguments: ["relu", "--range", "-2,3"], mentions: "with a colon, not ',': --range -2:3"),
        Case(arguments: ["relu", "--range", "1:1"], mentions: "is a single point"),
        Case(
            arguments: ["relu", "--samples", "1.5"],
            mentions: "'--samples' needs a whole number of points, at least 2, got '1.5'"),
        Case(arguments: ["relu", "--samples", "1"], mentions: "at least 2 points"),
        Case(
            arguments: ["relu", "-o", "/tmp/"],
            mentions: "'/tmp/' is a directory; give a file name, e.g. -o /tmp/plot.txt"),
        Case(arguments: ["relu", "-o", "/tmp", "--format", "png"], mentions: "e.g. -o /tmp/plot.png"),
        Case(
            arguments: ["help", "bogus"],
            mentions: "no help on 'bogus': it is not a command; the commands are check, compare"),
        Case(arguments: ["help", "evl"], mentions: "did you mean 'eval'?"),
        Case(
            arguments: ["help", "gelu"],
            mentions: "'gelu' is a function, not a command: actplot info gelu describes it"),
        Case(arguments: ["eval", "gelu", "1", "-", "2"], mentions: "give it alone"),
        Case(arguments: ["eval", "gelu", "1", "--format", "png"], mentions: "table, csv or jsonl"),
        Case(arguments: ["eval", "gelu", "1", "--format", "csv", "--json"], mentions: "not both"),
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
        let r = try InProcess.run(c.arguments)
        #expect(r.status == 64)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("actplot: error: "), "\(r.stderr)")
        #expect(r.stderr.filter { $0 == "\n" }.count == 1, "\(r.stderr)")
        #expect(r.stderr.contains(c.mentions), "\(r.stderr)")
    }

}
