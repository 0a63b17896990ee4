import Foundation
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
        let r = try ActplotProcess.run(["eval", "dl4j.PReLU", "-1", "0", "2"])
        #expect(r.status == 0 && r.stderr.isEmpty)
        #expect(r.stdout.hasPrefix("dl4j.PReLU = prelu(alpha=0.25); corners: inclusive\n"))
        #expect(Self.table(r.stdout) == [[-1, -0.25, 0.25, 0], [0, 0, 1, 0], [2, 2, 1, 0]])
        let slope = try ActplotProcess.run(["eval", "dl4j.PReLU:alpha=0.1", "-1"])
        #expect(Self.table(slope.stdout) == [[-1, -0.1, 0.1, 0]])
        let info = try ActplotProcess.run(["info", "dl4j.ActivationPReLU"])
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
        let r = try ActplotProcess.run(["eval", spec, "-1", "0"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("dl4j.LeakyReLU = leaky_relu(alpha=0.01); corners: inclusive\n"))
        #expect(Self.table(r.stdout) == [[-1, -0.01, 0.01, 0], [0, 0, 1, 0]])
    }

    @Test("list --framework dl4j: which names are enum constants and which classes")
    func dl4jList() throws {
        let r = try ActplotProcess.run(["list", "--framework", "deeplearning4j"])
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
        let r = try ActplotProcess.run(["eval", "new ActivationLReLU(0.2)", "0"])
        #expect(r.status == 64 && r.stdout.isEmpty)
        #expect(r.stderr.hasSuffix("write dl4j.ActivationLReLU:alpha=…\n"))
        #expect(r.stderr.split(separator: "\n").count == 1)
    }
}
