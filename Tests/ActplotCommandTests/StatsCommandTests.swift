import Foundation
import TestSupport
import Testing

/// `actplot stats` as a user runs it.
@Suite("actplot stats")
struct StatsCommandTests {
    @Test("the paper table: gelu silu mish relu tanh selu, to 12 digits, with the gains and extremes")
    func table() throws {
        let r = try InProcess.run(
            ["stats", "gelu", "silu", "mish", "relu", "tanh", "selu"], environment: ["LANG": "C.UTF-8"])
        #expect(r.status == 0 && r.stderr.isEmpty, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        // statistics.md's mpmath values (30 digits, rounded to 12).
        #expect(
            rows.contains([
                "gelu", "0.282094791774", "0.42522148257", "0.345644011024", "0.5", "0.455850865649",
            ]))
        #expect(rows.contains(["relu", "1.41421356237", "1.41421356237", "1.41421356237"]))
        #expect(rows.contains(["tanh", "1.59253741972", "1.46741359163", "1.66666666667"]))
        #expect(r.stdout.contains("-0.278464542761   x = -1.278464542761"))
        #expect(r.stdout.contains("selu: (μ, ν) ↦ (E f, Var f) of N(μ, ν) has the fixed point (0, 1)"))
        #expect(!r.stdout.contains("gelu: (μ, ν)"))
    }

    @Test("--json, --mean/--std, mean field, and errors")
    func options() throws {
        let r = try InProcess.run(["stats", "relu", "--mean", "1", "--json"])
        let object = try #require((try parseJSON(r.stdout) as? [[String: Any]])?.first)
        // E[relu(Z)] for Z ~ N(1, 1) is φ(1) + Φ(1).
        let expected = Foundation.exp(-0.5) / (2 * Double.pi).squareRoot() + 0.5 * erfc(-1 / 2.0.squareRoot())
        #expect(abs((object["mean"] as? Double ?? 0) - expected) < 1e-14)
        let field = try InProcess.run(["stats", "tanh", "--sigma-w", "0.5", "--json"])
        let tanh = try #require((try parseJSON(field.stdout) as? [[String: Any]])?.first)
        #expect(abs((tanh["chi"] as? Double ?? 0) - 0.25) < 1e-12)
        #expect(abs((tanh["critical_sigma_w"] as? Double ?? 0) - 1) < 1e-8)
        let wide = try InProcess.run(["stats", "exponential", "--std", "40"])
        #expect(wide.status == 0 && wide.stdout.contains("diverge or overflow"))
        #expect(wide.stdout.hasPrefix("moments, Z ~ N(0, 40²)"))
        for (arguments, message) in [
            (["stats"], "give one or more functions"), (["stats", "relu", "--std", "0"], "'--std' must be"),
            (["stats", "relu", "--sigma-w", "-1"], "'--sigma-w' must be"),
        ] {
            let bad = try InProcess.run(arguments)
            #expect(bad.status == 64 && bad.stderr.contains(message), "\(bad.stderr)")
        }
    }

    @Test("compare shows the N(0, 1) figures side by side; list --stats adds the gains")
    func elsewhere() throws {
        let r = try InProcess.run(["compare", "gelu", "relu", "--width", "80", "--height", "12"])
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
        #expect(rows.contains(["relu", "0.398942", "0.340845", "0.5", "1.41421", "1.41421"]), "\(r.stdout)")
        let list = try InProcess.run(["list", "--stats"])
        let tanh = list.stdout.split(separator: "\n").first { $0.hasPrefix("tanh ") }
        #expect(tanh?.contains("1.59254    1.46741") == true)
        let json = try InProcess.run(["list", "--stats", "--json"])
        let entries = try #require(try parseJSON(json.stdout) as? [[String: Any]])
        let relu = try #require(entries.first { $0["name"] as? String == "relu" })
        #expect(abs((relu["forward_gain"] as? Double ?? 0) - 2.0.squareRoot()) < 1e-14)
    }
}
