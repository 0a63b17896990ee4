import ActivationCore
import Foundation
import TestSupport
import Testing

@testable import ActplotCommand

/// `eval --dtype` and `actplot precision` as a kernel author runs them.
@Suite("actplot precision and eval --dtype")
struct PrecisionCommandTests {
    @Test("eval --dtype bf16 gelu prints the rounded input, each value's bits and its error in ulps")
    func evalTable() throws {
        let r = try InProcess.run(["eval", "gelu", "--dtype", "bf16", "-8", "-1", "0", "3"])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("gelu in bfloat16, exact"))
        let one = try #require(lines.first { $0.split(separator: " ").first == "-1" })
        // gelu(−1) = −0.15865525…, rounded to bfloat16: −0.158203125 = 0xBE22.
        #expect(one.contains("-0.158203125") && one.contains("0xBE22"), "\(one)")
        let three = try #require(lines.first { $0.split(separator: " ").first == "3" })
        #expect(three.contains("0x4040"))
    }

    @Test("eval --json carries the bits and ulps; opmath bfloat16 σ′ is 0 at 6.25 and not at 6")
    func evalJSON() throws {
        let r = try InProcess.run([
            "eval", "sigmoid", "--dtype", "bfloat16", "--arith", "opmath", "6", "6.25", "--json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(object["dtype"] as? String == "bfloat16" && object["arith"] as? String == "opmath")
        let points = try #require(object["points"] as? [[String: Any]])
        #expect(points.count == 2)
        #expect((points[0]["dtype_derivative"] as? Double ?? 0) > 0)
        #expect(
            points[1]["dtype_derivative"] as? Double == 0
                && points[1]["dtype_derivative_bits"] as? String == "0x0000")
        #expect((points[1]["dtype_derivative_ulps"] as? Double ?? 0) > 100)
        #expect(points[1]["dtype_value_bits"] as? String == "0x3F80")
        // The float64 columns are the true values at x: σ′(6.25) is not 0.
        #expect((points[1]["derivative"] as? Double ?? 0) > 0.0019)
    }

    @Test("eval writes one CSV shape: --dtype appends the format's columns to f, f′, f″ in float64 at x")
    func oneShape() throws {
        let plain = try InProcess.run(["eval", "gelu", "0.3", "-2", "--format", "csv"])
        let narrow = try InProcess.run(["eval", "gelu", "0.3", "-2", "--format", "csv", "--dtype", "bf16"])
        #expect(plain.status == 0 && narrow.status == 0, "\(narrow.stderr)")
        let rows = { (s: String) in s.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        }
        let (a, b) = (rows(plain.stdout), rows(narrow.stdout))
        #expect(a.count == 3 && b.count == 3)
        for (p, q) in zip(a, b) {
            #expect(Array(q.prefix(4)) == p, "the float64 columns differ: \(p) vs \(q.prefix(4))")
        }
        #expect(b[0].dropFirst(4).first == "input" && b[0].contains("dtype_derivative_ulps"))
        // 0.3 rounds to 0.30078125 in bfloat16: the format's columns are at the rounded input.
        let input = try #require(b[0].firstIndex(of: "input"))
        #expect(b[1][input] == "0.30078125" && b[1][0] == "0.3")
    }

    @Test("eval --dtype f64 trusts a value only where an evaluation beyond the double decides it")
    func float64Certainty() throws {
        let sure = try InProcess.run(["eval", "sigmoid", "0.5", "-3", "--dtype", "f64", "--format", "csv"])
        #expect(
            sure.stdout.split(separator: "\n").dropFirst().allSatisfy { $0.hasSuffix(",true") },
            "\(sure.stdout)")
        let table = try InProcess.run(["eval", "sigmoid", "0.5", "--dtype", "f64"])
        #expect(!table.stdout.contains("uncertain"))
        // leaky_relu's 0.01 is not the double the kernel holds: the product's last bit is open.
        let open = try InProcess.run(["eval", "leaky_relu", "-0.1", "-3", "--dtype", "f64"])
        #expect(open.stdout.contains("uncertain: 2 of 2 rows"), "\(open.stdout)")
    }

    @Test("eval --dtype streams CSV and JSON lines from standard input: every float16 pattern, one row each")
    func evalStream() throws {
        // All 2¹⁶ float16 patterns but the NaNs, as decimals, on standard input.
        var xs: [Float16] = []
        for bits in UInt16.min...UInt16.max where !Float16(bitPattern: bits).isNaN {
            xs.append(Float16(bitPattern: bits))
        }
        let input = xs.map { "\(Double($0))" }.joined(separator: "\n") + "\n"
        let r = try InProcess.run(
            ["eval", "tanh", "--dtype", "f16", "--points", "-", "--format", "csv"], input: input)
        #expect(r.status == 0, "\(r.stderr)")
        let rows = r.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        let header = try #require(rows.first)
        #expect(
            header.prefix(6) == ["x", "tanh", "tanh'", "tanh''", "input", "input_bits"]
                && header.last == "certain")
        #expect(rows.count == xs.count + 1)
        let (value, bits, input16) = (
            try #require(header.firstIndex(of: "dtype_value")),
            try #require(header.firstIndex(of: "dtype_value_bits")),
            try #require(header.firstIndex(of: "input_bits"))
        )
        for (x, row) in zip(xs, rows.dropFirst()) {
            // The input is the pattern itself; tanh rounds to float16 within half an ulp of Float's tanh.
            #expect(row[input16] == String(format: "0x%04X", x.bitPattern))
            let f = try #require(Double(row[value]))
            #expect(UInt16(row[bits].dropFirst(2), radix: 16) == Float16(f).bitPattern || f.isNaN)
            let reference = Double(Float16(Foundation.tanh(Float(x))))
            #expect(abs(f - reference) <= Double(Float16(f).ulp), "tanh(\(x)): \(f) vs \(reference)")
            #expect(row.last == "true")
        }
        let lines = try InProcess.run(
            ["eval", "sigmoid", "--dtype", "bf16", "--arith", "naive", "--points", "-", "--format", "jsonl"],
            input: "6.25 -1\n")
        let objects = try lines.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.count == 2 && objects[0]["dtype_derivative"] as? Double == 0)
    }

    @Test("a plot in a format names where the computed curve is infinite: float16 log(1 + exp(x)) from 11.09")
    func nonFiniteNote() throws {
        let r = try InProcess.run(
            [
                "softplus", "--dtype", "f16", "--arith", "naive", "--range", "0:16", "--samples", "161",
                "--ascii",
            ],
            environment: ["LINES": "24", "COLUMNS": "100", "NO_COLOR": "1"])
        #expect(r.status == 0, "\(r.stderr)")
        let line = try #require(
            r.stdout.split(separator: "\n").first { $0.contains("softplus [f16 naive] =") })
        // The samples are 0.1 apart; exp overflows float16 from 11.09375, so the first is 11.1.
        let numbers = line.split(separator: " ").compactMap { Double($0) }.filter { $0.isFinite }
        let x = try #require(numbers.first)
        #expect(x >= 11.09375 && x < 11.09375 + 0.1, "\(line)")
        #expect(!r.stdout.contains("softplus′ [f16 naive] ="), "f′ = 1/(1 + exp(−x)) stays finite")
    }

    @Test("precision sigmoid: one table per format, the thresholds the trackers report")
    func table() throws {
        let r = try InProcess.run(
            ["precision", "sigmoid", "--dtype", "bf16"], environment: ["COLUMNS": "200"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("sigmoid in bfloat16 (all 65278 finite non-zero inputs)"))
        let zero = try #require(r.stdout.split(separator: "\n").first { $0.hasPrefix("f′ = 0") })
        let cells = zero.split(separator: " ").map(String.init)
        // exact x < 0, x > 0, naive …, opmath …: 0 from 93 exactly, from 6.25 in opmath.
        #expect(cells.suffix(6).first == "-93" && cells.suffix(5).first == "93", "\(zero)")
        #expect(cells.last == "6.25", "\(zero)")
        #expect(r.stdout.contains("f = 1/(1 + exp(-x)), f′ = y*(1 - y)"))
        let all = try InProcess.run(["precision", "tanh", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: all.stdoutData) as? [String: Any])
        let surveys = try #require(object["surveys"] as? [[String: Any]])
        #expect(surveys.count == 5 * 3)
        #expect(
            Set(surveys.compactMap { $0["dtype"] as? String }) == [
                "float32", "bfloat16", "float16", "float8_e4m3fn", "float8_e5m2",
            ])
    }

    @Test(
        "bad formats and modes are usage errors that name the choices",
        arguments: [
            (["eval", "gelu", "--dtype", "fp12", "1"], "unknown format 'fp12'"),
            (["eval", "gelu", "--arith", "naive", "1"], "need a format"),
            (
                ["eval", "gelu", "--dtype", "bf16", "--arith", "fast", "1"],
                "exact, naive, opmath or framework"
            ),
            (
                ["eval", "sigmoid", "--dtype", "bf16", "--arith", "framework", "1"],
                "covers torch, jax, tf, keras, transformers and timm presets"
            ),
            (["eval", "dl4j.Sigmoid", "--dtype", "bf16", "--arith", "framework", "1"], "not dl4j.Sigmoid"),
            (
                ["eval", "jax.gelu:approximate=sigmoid", "--dtype", "bf16", "--arith", "framework", "1"],
                "no kernel for jax.gelu(approximate=sigmoid)"
            ),
            (
                ["eval", "torch.Sigmoid", "--dtype", "e4m3", "--arith", "framework", "1"],
                "covers bf16, f16, f32"
            ),
            (
                ["eval", "torch.Sigmoid", "--dtype", "bf16", "--arith", "framework", "--ftz", "1"],
                "drop --ftz"
            ),
            (
                [
                    "precision", "torch.Tanh", "--dtype", "f16", "--arith", "framework", "--overflow",
                    "saturate",
                ],
                "drop --overflow"
            ),
            (["plot", "torch.Sigmoid", "relu", "--dtype", "bf16", "--arith", "framework"], "not relu"),
            (["eval", "torch.GELU", "--dtype", "bf16", "--isa", "avx2", "1"], "add --arith framework"),
            (
                ["eval", "torch.GELU", "--dtype", "bf16", "--arith", "framework", "--isa", "neon", "1"],
                "avx512 or avx2"
            ),
            (["precision", "gelu", "--dtype", "e4m3", "--overflow", "wrap"], "standard or saturate"),
            (["eval", "softmax", "--dtype", "bf16", "--vector", "1,2"], "drop one of them"),
        ])
    func errors(_ c: ([String], String)) throws {
        let r = try InProcess.run(c.0)
        #expect(r.status == 64 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("actplot: error: ") && r.stderr.contains(c.1), "\(r.stderr)")
    }

    @Test(
        "--arith framework: torch's float16 σ′ rounds every operation, (1 − y)·y in float16 (0x33FF, not 0x3400)"
    )
    func framework() throws {
        let r = try InProcess.run([
            "eval", "torch.Sigmoid", "--dtype", "f16", "--arith", "framework", "-0.000488758", "--json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        #expect(object["arith"] as? String == "framework")
        let point = try #require((object["points"] as? [[String: Any]])?.first)
        #expect(
            point["dtype_value_bits"] as? String == "0x37FF"
                && point["dtype_derivative_bits"] as? String == "0x33FF")
        let opmath = try InProcess.run([
            "eval", "torch.Sigmoid", "--dtype", "f16", "--arith", "opmath", "-0.000488758", "--json",
        ])
        let other = try #require(try JSONSerialization.jsonObject(with: opmath.stdoutData) as? [String: Any])
        #expect((other["points"] as? [[String: Any]])?.first?["dtype_derivative_bits"] as? String == "0x3400")
    }

    @Test("float8_e4m3fn: NaN past 448 by default, 448 with --overflow saturate")
    func saturation() throws {
        let nan = try InProcess.run(["eval", "exponential", "--dtype", "e4m3", "7", "--json"])
        let saturated = try InProcess.run([
            "eval", "exponential", "--dtype", "e4m3", "--overflow", "saturate", "7", "--json",
        ])
        let a = try #require(try JSONSerialization.jsonObject(with: nan.stdoutData) as? [String: Any])
        let b = try #require(try JSONSerialization.jsonObject(with: saturated.stdoutData) as? [String: Any])
        let p = try #require((a["points"] as? [[String: Any]])?.first)
        let q = try #require((b["points"] as? [[String: Any]])?.first)
        #expect(p["dtype_value_bits"] as? String == "0x7F")
        #expect(q["dtype_value"] as? Double == 448 && q["dtype_value_bits"] as? String == "0x7E")
    }

    @Test("plots in a format: CSV columns as computed, --error in ulps, the format's curve in the picture")
    func plots() throws {
        let csv = try InProcess.run([
            "sigmoid", "--dtype", "bf16", "--arith", "opmath", "--range", "6:7", "--samples", "3", "--format",
            "csv",
        ])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(lines[0] == ["x", "sigmoid", "sigmoid'", "sigmoid [bf16 opmath]", "sigmoid' [bf16 opmath]"])
        #expect(lines[1][0] == "6" && Double(lines[1][4]) ?? 0 > 0)
        #expect(lines[2][0] == "6.5" && lines[2][3] == "1" && lines[2][4] == "0")
        let error = try InProcess.run([
            "gelu", "--dtype", "f16", "--error", "--range", "-3:3", "--samples", "61", "--format", "csv",
        ])
        let rows = error.stdout.split(separator: "\n").dropFirst().map {
            $0.split(separator: ",").compactMap { Double($0) }
        }
        #expect(rows.count == 61)
        // Exact rounding: every error within half an ulp.
        #expect(rows.allSatisfy { abs($0[3]) <= 0.5 && abs($0[4]) <= 0.5 })
        let svg = try InProcess.run([
            "sigmoid", "--dtype", "bf16", "--arith", "naive", "--range", "4:8", "--format", "svg",
        ])
        #expect(svg.stdout.contains(">sigmoid [bf16 naive]</text>"))
        #expect(svg.stdout.contains("bfloat16, naive: textbook formulas, every operation in bfloat16"))
        let none = try InProcess.run(["gelu", "--error"])
        #expect(none.status == 64 && none.stderr.contains("add --dtype"))
    }

    @Test("a CSV in a format streams like any CSV: f″ with --second-derivative, --precision digits, --diff")
    func formatCSV() throws {
        let r = try InProcess.run([
            "gelu", "silu", "--dtype", "bf16", "--second-derivative", "--precision", "4", "--diff",
            "--range", "-4:4", "--samples", "40001", "--format", "csv",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let (header, rows) = parseCSV(r.stdout)
        #expect(
            header == [
                "x", "gelu", "gelu'", "gelu''", "gelu [bf16 exact]", "gelu' [bf16 exact]", "silu", "silu'",
                "silu''", "silu [bf16 exact]", "silu' [bf16 exact]", "gelu - silu", "gelu' - silu'",
                "gelu'' - silu''",
            ])
        // Three blocks of rows, in order.
        #expect(rows.count == 40001 && rows.map { $0[0] } == rows.map { $0[0] }.sorted())
        let gelu = FormatEvaluation(try Catalog.activation("gelu"), format: .bfloat16)
        let exact = try Catalog.activation("gelu")
        for row in stride(from: 0, to: rows.count, by: 3333).map({ rows[$0] }) {
            let (x, p) = (row[0], gelu.evaluate(at: row[0]))
            let close = { (a: Double, b: Double) in abs(a - b) <= 5e-4 * Swift.max(abs(b), 1e-300) }
            #expect(close(row[3], exact.secondDerivative(at: x)), "f″ at \(x)")
            #expect(close(row[4], p.value) && close(row[5], p.derivative), "bf16 at \(x)")
            #expect(row.allSatisfy { String($0).count <= 12 }, "4 significant digits at \(x)")
        }
    }

    @Test("compare --dtype compares as computed: every bfloat16 input in the range")
    func compareAsComputed() throws {
        let r = try InProcess.run([
            "compare", "gelu:approximate=tanh", "gelu", "--dtype", "bf16", "--arith", "naive", "--json",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: r.stdoutData) as? [String: Any])
        let computed = try #require(object["as_computed"] as? [String: Any])
        let rows = try #require(computed["comparisons"] as? [[String: Any]])
        let value = try #require(rows.first?["value"] as? [String: Any])
        // bfloat16 values in [−5, 5]: 2 × (126 binades' worth up to 5) — more than 30,000.
        #expect((rows.first?["inputs"] as? Double ?? 0) > 30_000)
        #expect((value["differing"] as? Double ?? 0) > 0)
        let same = try InProcess.run(["compare", "relu", "relu", "--dtype", "e4m3", "--json"])
        let o = try #require(try JSONSerialization.jsonObject(with: same.stdoutData) as? [String: Any])
        let first = try #require(
            ((o["as_computed"] as? [String: Any])?["comparisons"] as? [[String: Any]])?.first)
        #expect((first["value"] as? [String: Any])?["differing"] as? Double == 0)
    }

    @Test(
        "--stride 2^K samples any format and says so; the overview samples float32; --dtype f32 is every input"
    )
    func coverage() throws {
        let r = try InProcess.run([
            "precision", "sigmoid", "--dtype", "bf16", "--stride", "2^4", "--arith", "exact",
        ])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(
            r.stdout.hasPrefix("sigmoid in bfloat16 (4082 sampled inputs, every 2^4th bit pattern)"),
            "\(r.stdout)")
        let same = try InProcess.run([
            "precision", "sigmoid", "--dtype", "bf16", "--stride", "16", "--arith", "exact",
        ])
        #expect(same.stdout == r.stdout)
        let info = try InProcess.run([
            "info", "sigmoid", "--dtype", "f32", "--stride", "2^20", "--arith", "naive",
        ])
        #expect(
            info.status == 0 && info.stdout.contains("(4082 sampled inputs, every 2^20th bit pattern)"),
            "\(info.stdout)")
        #expect(Actplot.Precision.defaultCoverage(.float32) == .every)
        #expect(Actplot.Precision.defaultCoverage(.float32.flushingSubnormals) == .every)
        #expect(Actplot.Precision.defaultCoverage(nil) == .standard)
        #expect(Actplot.Precision.defaultCoverage(.bfloat16) == .standard)
    }

    @Test(
        "a stride that is no power of two, both options, too many float64 inputs, no cores: one line each",
        arguments: [
            (
                ["--stride", "3"],
                "'--stride' takes a power of two, as 2^K or its value (2^14, 16384), got '3'"
            ),
            (
                ["--stride", "2^4", "--exhaustive"],
                "'--exhaustive' visits every input and '--stride' samples them"
            ),
            (
                ["--dtype", "f64", "--exhaustive"],
                "visits 2^63 float64 inputs a side, too many to finish; give '--stride 2^32'"
            ),
            (["--dtype", "f64", "--stride", "2^20"], "'--stride 2^20' visits 2^43 float64 inputs a side"),
            (["--threads", "0"], "'--threads' must be a whole number from 1 to 1024, got 0"),
        ])
    func coverageErrors(_ options: [String], _ message: String) throws {
        let r = try InProcess.run(["precision", "gelu"] + options)
        #expect(r.status == 64 && r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("actplot: error: ") && r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1)
    }

    @Test("the progress bar fits the terminal: inputs, then time left, then the bar give way")
    func progressLine() {
        let progress = SurveyProgress()
        progress.plan(4_278_190_078)
        let wide = ProgressBar(progress, label: "sigmoid in float32", width: 100, unicode: true)
        let line = wide.line(elapsed: 0)
        #expect(
            line.hasPrefix("sigmoid in float32  [") && line.hasSuffix("0%  0 of 4.28 G inputs"), "\(line)")
        #expect(line.count <= 97)
        let narrow = ProgressBar(progress, label: "sigmoid in float32", width: 50, unicode: false)
        #expect(
            narrow.line(elapsed: 0) == "sigmoid in float32  [" + String(repeating: ".", count: 19) + "]    0%"
        )
        let tiny = ProgressBar(progress, label: "sigmoid in float32", width: 30, unicode: true)
        #expect(tiny.line(elapsed: 0) == "sigmoid in float32    0%")
        #expect(ProgressBar.clock(4000) == "1:06:40" && ProgressBar.clock(44.4) == "0:44")
    }
}
