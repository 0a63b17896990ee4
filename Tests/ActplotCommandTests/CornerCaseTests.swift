import ActivationCore
import Foundation
import TestSupport
import Testing

/// The examples of the corner-cases issue that no other suite runs as a user would.
@Suite("corner cases, as users meet them")
struct CornerCaseTests {
    /// The x column of a CSV.
    static func xs(_ csv: String) -> [String] {
        csv.split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
    }

    @Test("x values are the decimals typed, for --step and for --samples on a tiny range")
    func cleanX() throws {
        let step = try InProcess.run(
            ["identity", "--range", "-1:1", "--step", "0.3", "--format", "csv", "--no-derivative"])
        #expect(Self.xs(step.stdout) == ["-1", "-0.7", "-0.4", "-0.1", "0.2", "0.5", "0.8"])
        let tiny = try InProcess.run(
            ["identity", "--range", "-1e-9:1e-9", "--samples", "5", "--format", "csv", "--no-derivative"])
        #expect(Self.xs(tiny.stdout) == ["-1e-09", "-5e-10", "0", "5e-10", "1e-09"])
    }

    @Test("compare with log(x): the NaN half is counted and said, the pole at 0 makes the means inf")
    func logarithm() throws {
        let r = try InProcess.run(["compare", "relu", "log(x)", "--width", "60", "--height", "12"])
        #expect(r.stdout.contains("log(x): f and f' not finite at 5001 points in -5:0 (5000 nan, 1 inf)"))
        #expect(
            r.stdout.contains("an infinite difference makes max, mean and RMS inf; NaN points are left out"))
        #expect(!r.stdout.contains("different conventions"))
    }

    @Test("torch.selu: the note gives the exact λα that eval returns, and PyTorch's own product")
    func seluNote() throws {
        let info = try InProcess.run(["info", "torch.selu"], environment: ["LANG": "C.UTF-8"])
        #expect(info.stdout.contains("f′(0) = λα = 1.7580993408473768, the exact product"))
        #expect(info.stdout.contains("gives 1.7580993408473766"))
        let eval = try InProcess.run(["eval", "torch.selu", "0", "--json"])
        let points = try #require(
            (try parseJSON(eval.stdout) as? [String: Any])?["points"] as? [[String: Double]])
        #expect(points.first?["derivative"] == 1.7580993408473768)
    }

    @Test("nalu and dropout are catalog entries: values from mpmath, dropout's training band drawn")
    func naluAndDropout() throws {
        let r = try InProcess.run(["eval", "nalu", "-1", "1", "--json"])
        let points = try #require(
            (try parseJSON(r.stdout) as? [String: Any])?["points"] as? [[String: Double]])
        // mpmath (Scripts/make-reference.py's nalu at 60 digits), rounded to doubles.
        #expect(points.map { $0["value"] } == [0.502697070820359, 0.8896925499422645])
        #expect(points.map { $0["derivative"] } == [-0.7559471611147263, 0.8194464069327982])
        let dropout = try InProcess.run(["dropout", "--format", "svg", "--no-derivative"])
        #expect(dropout.stdout.contains("dropout outputs 0 or x/(1 − p)"))
        let bad = try InProcess.run(["eval", "dropout:p=1", "1"])
        #expect(bad.status == 64 && bad.stderr.contains("a number in [0, 1)"))
        let info = try InProcess.run(["info", "nalu"])
        #expect(info.stdout.contains("is a layer, not an activation"))
    }

    @Test("the small truths: plot --help names the patterns, leaky_relu's formula says x > 0")
    func smallTruths() throws {
        let help = try InProcess.run(["plot", "--help"], environment: ["LANG": "C.UTF-8"])
        let words = help.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains("PNG or SVG (f solid, f′ dashed, f″ dotted)"))
        #expect(!words.contains("f′ (dotted)"))
        let info = try InProcess.run(["info", "leaky_relu"])
        #expect(info.stdout.contains("f(x) = x if x > 0 else alpha*x"))
    }
}
