import Foundation
import TestSupport
import Testing

/// The names users of each framework type, as they type them: DL4J's classes and enum
/// constants, Caffe's layers, the names of another version of a framework.
@Suite("Framework names on the command line")
struct FrameworkNameTests {
    /// `eval`'s table as rows of numbers, after its title and heading.
    static func table(_ stdout: String) -> [[Double]] {
        stdout.split(separator: "\n").dropFirst(2).map { $0.split(separator: " ").compactMap { Double($0) } }
    }

    @Test("dl4j.PReLU plots at a slope of 0.25, with DL4J's f′(0) = 1, and says DL4J has no default")
    func dl4jPReLU() throws {
        let r = try InProcess.run(["eval", "dl4j.PReLU", "-1", "0", "2"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("dl4j.PReLU = prelu(alpha=0.25); corners: inclusive\n"))
        #expect(Self.table(r.stdout) == [[-1, -0.25, 0.25, 0], [0, 0, 1, 0], [2, 2, 1, 0]])
        let slope = try InProcess.run(["eval", "dl4j.PReLU:alpha=0.1", "-1"])
        #expect(Self.table(slope.stdout) == [[-1, -0.1, 0.1, 0]])
        let info = try InProcess.run(["info", "dl4j.ActivationPReLU"])
        #expect(info.status == 0 && info.stdout.contains("has no default"))
        #expect(info.stdout.contains("not in the Activation enum"))
    }

    @Test(
        "a DL4J class resolves as DL4J users write it",
        arguments: [
            "dl4j.ActivationLReLU", "ActivationLReLU", "new ActivationLReLU()",
            "dl4j.activations.impl.ActivationLReLU",
            "dl4j.Activation.LEAKYRELU", "deeplearning4j.activationlrelu",
        ])
    func dl4jClass(_ spec: String) throws {
        let r = try InProcess.run(["eval", spec, "-1", "0"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("dl4j.LeakyReLU = leaky_relu(alpha=0.01); corners: inclusive\n"))
        #expect(Self.table(r.stdout) == [[-1, -0.01, 0.01, 0], [0, 0, 1, 0]])
    }

    @Test("list --framework dl4j: which names are enum constants and which classes")
    func dl4jList() throws {
        let r = try InProcess.run(["list", "--framework", "deeplearning4j"])
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(
            lines[0].hasSuffix("22 activations (21 Activation enum constants, 22 activations.impl classes)"))
        let heading = lines[1].split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        #expect(heading.prefix(3) == ["NAME", "ENUM", "CLASS"])
        let rows = lines.dropFirst(2).map { $0.split(separator: " ", omittingEmptySubsequences: true) }
        #expect(rows.count == 22)
        let prelu = try #require(rows.first { $0.first == "dl4j.PReLU" })
        #expect(prelu[1] == "—" && prelu[2] == "ActivationPReLU")
        let mish = try #require(rows.first { $0.first == "dl4j.Mish" })
        #expect(mish[1] == "MISH" && mish[2] == "ActivationMish")
        #expect(rows.filter { $0[1] != "—" }.count == 21)
    }

    @Test("constructor arguments get a line saying how to give them")
    func dl4jConstructorArguments() throws {
        let r = try InProcess.run(["eval", "new ActivationLReLU(0.2)", "0"])
        #expect(r.status == 64 && r.stdout.isEmpty)
        #expect(r.stderr.hasSuffix("write dl4j.ActivationLReLU:alpha=…\n"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    /// Caffe's activation layers with caffe.proto's defaults, from `list --framework caffe`.
    static let caffeLayers: [String: String] = [
        "ReLU": "relu(negative_slope=0)", "PReLU": "prelu(alpha=0.25)", "ELU": "elu(alpha=1)",
        "Sigmoid": "sigmoid", "TanH": "tanh", "AbsVal": "abs(x)", "BNLL": "softplus",
        "Power": "(shift + scale*x)^power (power=1, scale=1, shift=0)",
        "Exp": "base^(shift + scale*x) (base -1: e) (base=-1, scale=1, shift=0)",
        "Log": "log_base(shift + scale*x) (base -1: e) (base=-1, scale=1, shift=0)",
        "Threshold": "binary_step(threshold=0)", "Swish": "silu(beta=1)",
        "Clip": "hardtanh(min_val=-1, max_val=1)", "Softmax": "softmax",
    ]

    @Test("list --framework caffe: every activation layer, with its defaults")
    func caffeList() throws {
        let r = try InProcess.run(["list", "--framework", "caffe", "--json"])
        #expect(r.status == 0)
        let o = try #require(try parseJSON(r.stdout) as? [String: Any])
        let layers = try #require(o["activations"] as? [[String: Any]])
        #expect(layers.count == Self.caffeLayers.count)
        let text = try InProcess.run(["list", "--framework", "caffe"])
        for (layer, resolution) in Self.caffeLayers {
            let line = text.stdout.split(separator: "\n").first { $0.hasPrefix("caffe.\(layer) ") }
            #expect(line?.contains(resolution) == true, "caffe.\(layer): \(line ?? "missing")")
        }
        let clip = try #require(layers.first { $0["name"] as? String == "caffe.Clip" })
        #expect(clip["parameter_names"] as? [String: String] == ["min_val": "min", "max_val": "max"])
    }

    @Test("Caffe's layers compute what its Forward_cpu and Backward_cpu do, with exact numbers")
    func caffeValues() throws {
        // ReLU and PReLU: f′(0) is the negative slope (Backward_cpu's x <= 0); Clip: f′ = 1 on [min, max].
        let relu = try InProcess.run(["eval", "caffe.ReLU:negative_slope=0.1", "-1", "0", "1"])
        #expect(Self.table(relu.stdout) == [[-1, -0.1, 0.1, 0], [0, 0, 0.1, 0], [1, 1, 1, 0]])
        let clip = try InProcess.run(["eval", "caffe.Clip:min=0,max=6", "-1", "0", "6", "7"])
        #expect(clip.stdout.hasPrefix("caffe.Clip = hardtanh(min_val=0, max_val=6); corners: inclusive\n"))
        #expect(Self.table(clip.stdout).map { $0[2] } == [0, 1, 1, 0])
        let threshold = try InProcess.run(["eval", "caffe.Threshold:threshold=0.5", "0.5", "0.75"])
        #expect(Self.table(threshold.stdout).map { $0[1] } == [0, 1])
        let abs = try InProcess.run(["eval", "caffe.AbsVal", "-2", "0"])
        #expect(Self.table(abs.stdout) == [[-2, 2, -1, 0], [0, 0, 0, 0]])
        // mpmath: log(1 + x/2) at x = 1e-10 is 4.999999999875e-11 (log of the rounded 1 + 5e-11 is
        // 5.000000413576855e-11); (1 + 0.1x)² at x = −10 is (−5.55e-17)² = 3.08e-33 for the double 0.1,
        // where the rounded sum gives 0.
        let log = try InProcess.run(["eval", "caffe.Log:shift=1,scale=0.5", "1e-10", "--json"])
        let logPoints = try #require(
            (try parseJSON(log.stdout) as? [String: Any])?["points"] as? [[String: Any]])
        #expect(logPoints[0]["value"] as? Double == 4.999999999875e-11)
        let power = try InProcess.run(["eval", "caffe.Power:power=2,scale=0.1,shift=1", "-10", "--json"])
        let powerPoints = try #require(
            (try parseJSON(power.stdout) as? [String: Any])?["points"] as? [[String: Any]])
        #expect(powerPoints[0]["value"] as? Double == 3.0814879110195774e-33)
        let exp = try InProcess.run(["eval", "caffe.Exp:base=2", "10", "-1074"])
        #expect(Self.table(exp.stdout).map { $0[1] } == [1024, 5e-324])
    }

    @Test(
        "Caffe's parameter rules: base > 0 or -1, not 1 for Log; Clip's min and max by Caffe's names",
        arguments: [
            ("caffe.Exp:base=0", "caffe.Exp parameter 'base' must be a number > 0, or -1 for e, got '0'"),
            (
                "caffe.Log:base=1",
                "caffe.Log parameter 'base' must be a number > 0 other than 1, or -1 for e, got '1'"
            ),
            ("caffe.Clip:min=x", "caffe.Clip parameter 'min' must be a finite number, got 'x'"),
            ("caffe.Relu:slope=1", "unknown parameter 'slope' for caffe.ReLU"),
        ])
    func caffeErrors(_ spec: String, _ message: String) throws {
        let r = try InProcess.run(["eval", spec, "0"])
        #expect(r.status == 64 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("actplot: error: \(message)"), "\(r.stderr)")
    }

    @Test("a Caffe layer plots: caffe.Log over its domain, with a gap where it is undefined")
    func caffePlot() throws {
        let r = try InProcess.run(["caffe.Log", "--range", "-2:4", "--format", "csv", "--samples", "7"])
        #expect(r.status == 0)
        let rows = r.stdout.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",").map(String.init)
        }
        #expect(rows.count == 7)
        #expect(rows[0][1] == "nan" && rows[2][1] == "-inf" && rows[3][1] == "0")
    }

    @Test("what the answers say to write draws what the missing names meant")
    func versionAnswersDraw() throws {
        let keras2 = try InProcess.run([
            "eval", "keras2.layers.ThresholdedReLU", "0.5", "1", "1.5", "--json",
        ])
        let keras3 = try InProcess.run([
            "eval", "keras.layers.ReLU:threshold=1", "0.5", "1", "1.5", "--json",
        ])
        func values(_ stdout: String) throws -> [Double] {
            let o = try #require(try parseJSON(stdout) as? [String: Any])
            return try #require(o["points"] as? [[String: Any]]).compactMap { $0["value"] as? Double }
        }
        #expect(try values(keras2.stdout) == [0, 0, 1.5] && values(keras3.stdout) == [0, 0, 1.5])
        let capped = try InProcess.run(["eval", "relu:max_value=6", "-1", "3", "6", "7"])
        let relu6 = try InProcess.run(["eval", "tf.nn.relu6", "-1", "3", "6", "7"])
        #expect(Self.table(capped.stdout) == Self.table(relu6.stdout))
        #expect(Self.table(relu6.stdout).map { $0[1] } == [0, 3, 6, 6])
    }

    static let ownNames: [(spec: String, x: Double, value: Double, shown: String)] = [
        ("torch.nn.LeakyReLU:negative_slope=0.1", -2, -0.2, "negative_slope"),
        ("torch.nn.Softplus:beta=2,threshold=20", 11, 11, "threshold"),
        ("torch.nn.Hardtanh:min_val=-2", -3, -2, "min_val"),
        ("keras.layers.ReLU:max_value=6", 7, 6, "max_value"),
    ]

    @Test("framework users type their framework's parameter names; info shows them", arguments: ownNames)
    func ownParameterNames(_ c: (spec: String, x: Double, value: Double, shown: String)) throws {
        let r = try InProcess.run(["eval", c.spec, String(c.x)])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(Self.table(r.stdout).first?[1] == c.value, "\(r.stdout)")
        let name = String(c.spec.prefix { $0 != ":" })
        let info = try InProcess.run(["info", name])
        #expect(info.stdout.contains(c.shown), "\(info.stdout)")
    }

}
