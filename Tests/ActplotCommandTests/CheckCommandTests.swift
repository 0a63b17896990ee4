import Foundation
import TestSupport
import Testing

/// `actplot check`: kernels' dumps against the correctly rounded values, with a verdict.
@Suite("check")
struct CheckCommandTests {
    /// The committed dumps and their expected counts (Scripts/make-check-dumps.py).
    static let fixtures = Bundle.module.bundleURL.appendingPathComponent("Fixtures/check")

    /// expected.tsv: (dump, part) → key → value.
    static func expected() throws -> [String: [String: Double]] {
        let text = try String(contentsOf: fixtures.appendingPathComponent("expected.tsv"), encoding: .utf8)
        var table: [String: [String: Double]] = [:]
        for line in text.split(separator: "\n").dropFirst() {
            let fields = line.split(separator: "\t").map(String.init)
            table["\(fields[0]) \(fields[1])", default: [:]][fields[2]] = Double(fields[3]) ?? .nan
        }
        return table
    }

    /// The arguments that check each dump.
    static let dumps: [(name: String, arguments: [String], parts: [String])] = [
        (
            "sigmoid-bf16",
            [
                "sigmoid", "--dtype", "bf16", "--input", "sigmoid-bf16.x.npy", "--output",
                "sigmoid-bf16.y.npy",
                "--derivative", "sigmoid-bf16.dy.npy",
            ], ["f", "df"]
        ),
        ("softplus-f16", ["softplus", "--dtype", "f16", "--output", "softplus-f16.y.npy"], ["f"]),
        (
            "gelu-tanh-f16", ["gelu:approximate=tanh", "--dtype", "f16", "--output", "gelu-tanh-f16.y.npy"],
            ["f"]
        ),
    ]

    /// One region's summary of a part (`f`, `df`) in a check's JSON.
    static func region(_ name: String, of part: String, in json: [String: Any]) throws -> [String: Any] {
        try #require(((json[part] as? [String: Any])?["regions"] as? [String: Any])?[name] as? [String: Any])
    }

    /// A dump's check as JSON.
    static func report(_ arguments: [String], in directory: URL = fixtures, status: Int32 = 1) throws
        -> [String: Any]
    {
        let paths = arguments.map { $0.hasSuffix(".npy") ? directory.appendingPathComponent($0).path : $0 }
        let run = try InProcess.run(["check"] + paths + ["--json"])
        #expect(run.status == status, "\(arguments): \(run.stderr)")
        return try #require(try parseJSON(run.stdout) as? [String: Any])
    }

    @Test("known-bad formulas: exactly the counts the script computed from mpmath", arguments: [0, 1, 2])
    func knownBad(index: Int) throws {
        let dump = Self.dumps[index]
        let expected = try Self.expected()
        let json = try Self.report(dump.arguments)
        #expect(json["coverage"] as? String == "every bit pattern" && json["rows"] as? Double == 65536)
        for part in dump.parts {
            let want = try #require(expected["\(dump.name) \(part)"])
            let regions = try #require((json[part] as? [String: Any])?["regions"] as? [String: [String: Any]])
            let all = try #require(regions["all"])
            for key in ["bit_exact", "false_zeros", "flushed"] {
                #expect(all[key] as? Double == want[key], "\(dump.name) \(part) \(key)")
            }
            #expect(all["non_finite_mismatches"] as? Double == want["non_finite_mismatches"])
            #expect(all["zero_sign_mismatches"] as? Double == want["zero_sign_mismatches"])
            let maxUlp = try #require(all["max_ulp"] as? Double)
            #expect(abs(maxUlp - want["max_ulp"]!) <= 1e-9 * want["max_ulp"]!, "\(dump.name) \(part)")
            for (region, counts) in regions {
                #expect(counts["rows"] as? Double == want["rows.\(region)"], "\(dump.name) \(part) \(region)")
                #expect(
                    counts["bit_exact"] as? Double == want["bit_exact.\(region)"], "\(dump.name) \(region)")
            }
        }
    }

    @Test("the s(1 − s) report: the cancelling derivative's worst rows and the one-line verdict")
    func sigmoidReport() throws {
        let paths = Self.dumps[0].arguments.map {
            $0.hasSuffix(".npy") ? Self.fixtures.appendingPathComponent($0).path : $0
        }
        let run = try InProcess.run(["check"] + paths + ["--max-ulp", "0.5", "--max-ulp-derivative", "2"])
        #expect(run.status == 1)
        // σ′(15.25) = 2.4e-7 is a normal bfloat16; s·(1 − s) gives 0 once s rounds to 1.
        #expect(run.stdout.contains("f′: 487 zeros where the true value is a normal number"), "\(run.stdout)")
        #expect(run.stdout.contains("x 0x4174 (15.25)"), "\(run.stdout)")
        #expect(
            run.stderr.hasPrefix(
                "actplot: check: FAIL sigmoid bfloat16: 65536 rows (every bit pattern); f max "))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test("--plot: the error against x as a PNG (f′'s 100-ulp band past x = 2, none left of 0) and a chart")
    func plot() throws {
        let directory = try GoldenTableTests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let paths = Self.dumps[0].arguments.map {
            $0.hasSuffix(".npy") ? Self.fixtures.appendingPathComponent($0).path : $0
        }
        let png = directory.appendingPathComponent("errors.png").path
        let run = try InProcess.run(["check"] + paths + ["--max-ulp", "2", "--plot", png])
        #expect(run.status == 1 && run.stdout.contains("f′: 487 zeros"), "\(run.stderr)")
        let image = try #require(DecodedPNG([UInt8](try Data(contentsOf: URL(fileURLWithPath: png)))))
        #expect(image.width == 1200 && image.height == 800)
        // Coloured (not grey) pixels in a box of the plot: the curves, not the grid or text.
        func coloured(_ xs: Range<Int>, _ ys: Range<Int>) -> Int {
            var count = 0
            for x in xs {
                for y in ys {
                    let (r, g, b) = image.pixel(x, y)
                    if Swift.max(r, g, b) - Swift.min(r, g, b) > 80 { count += 1 }
                }
            }
            return count
        }
        // x runs from −92.5 to 92.5 across about 70…1170 px; errors above 100 ulps lie in the top
        // fifth on the symlog axis: s·(1 − s) from x ≈ 6 on, nothing of the kind for −20 < x < −2.
        #expect(coloured(800..<1100, 70..<170) > 200)
        #expect(coloured(470..<590, 70..<400) == 0)
        let text = directory.appendingPathComponent("errors.txt").path
        let chart = try InProcess.run(
            ["check"] + paths + ["--plot", text, "--plot-range", "-10:10"], environment: ["LANG": "C.UTF-8"])
        let drawn = try String(contentsOfFile: text, encoding: .utf8)
        #expect(chart.status == 1 && drawn.contains("f′ error") && drawn.contains("--max-ulp 1"), "\(drawn)")
        #expect(drawn.contains("-10") && drawn.contains("10") && !drawn.contains("90"))
        for (arguments, message) in [
            (["--plot", directory.path + "/errors.gif"], "--plot takes a file ending in .png, .svg, .pdf"),
            (["--plot-range", "0:1"], "--plot-range needs --plot"),
            (["--plot", "chart", "--json"], "--plot chart would break the JSON"),
        ] {
            let result = try InProcess.run(["check"] + paths + arguments)
            #expect(result.status == 64 && result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: directory.path + "/errors.gif"))
    }

    @Test("--explain: the arithmetic each dump was made in, found from its wrong results")
    func explain() throws {
        // softplus's log(1 + exp(x)) was computed with every operation in float16.
        let softplus = try Self.report(Self.dumps[1].arguments + ["--explain"])
        let regions = try #require((softplus["explain"] as? [String: Any])?["f"] as? [String: [String: Any]])
        let all = try #require(regions["all"])
        let (wrong, naive) = (
            try #require(all["wrong"] as? Double), try #require(all["wrong_naive"] as? Double)
        )
        #expect(wrong > 30000 && naive >= 0.99 * wrong, "\(all)")
        #expect(all["cause"] as? String == "the textbook formulas with every operation in float16")
        // sigmoid's f was computed in float32 and stored in bfloat16: opmath's arithmetic.
        let paths = Self.dumps[0].arguments.map {
            $0.hasSuffix(".npy") ? Self.fixtures.appendingPathComponent($0).path : $0
        }
        let run = try InProcess.run(["check"] + paths + ["--explain"])
        #expect(
            run.stdout.contains(
                "f matches the textbook formulas in float32, stored in bfloat16 at 100 % of inputs"))
        #expect(run.stdout.contains("f is wrong for x from -92.5 to -89\n"), "\(run.stdout)")
    }

    @Test("a dump that is the table itself passes with 0 ulp; against the table given with --expected")
    func tableItself() throws {
        let directory = try GoldenTableTests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let table = directory.appendingPathComponent("t.npy").path
        #expect(
            try InProcess.run(["table", "silu", "--dtype", "bf16", "-o", table, "--columns"]).status == 0)
        #expect(try InProcess.run(["table", "silu", "--dtype", "bf16", "-o", table]).status == 0)
        let json = try Self.report(
            [
                "silu", "--dtype", "bf16", "--input", "t.x_bits.npy", "--output", "t.f_bits.npy",
                "--derivative",
                "t.df_bits.npy", "--max-ulp", "0.5",
            ], in: directory, status: 0)
        let all = try Self.region("all", of: "df", in: json)
        #expect(all["bit_exact"] as? Double == 65536 && json["verdict"] as? String == "pass")
        let against = try Self.report(
            ["silu", "--dtype", "bf16", "--output", "t.f.npy", "--expected", "t.npy", "--max-ulp", "0"],
            in: directory, status: 0)
        let f = try Self.region("all", of: "f", in: against)
        #expect(f["max_ulp"] as? Double == 0 && f["bit_exact"] as? Double == 65536)
        // Inputs in another order than a whole table's rows: looked up by input.
        let reversed = (0..<65536).reversed().flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try Data(NPYTestFile.header(descr: "'<u2'", count: 65536) + reversed).write(
            to: directory.appendingPathComponent("reversed.npy"))
        let bits = try NPYFile(Data(contentsOf: directory.appendingPathComponent("t.f_bits.npy"))).column("")
        let y = bits.reversed().flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try Data(NPYTestFile.header(descr: "'<u2'", count: 65536) + y).write(
            to: directory.appendingPathComponent("reversed-y.npy"))
        let lookedUp = try Self.report(
            [
                "silu", "--dtype", "bf16", "--input", "reversed.npy", "--output", "reversed-y.npy",
                "--expected",
                "t.npy", "--max-ulp", "0",
            ], in: directory, status: 0)
        let whole = try Self.region("all", of: "f", in: lookedUp)
        #expect(whole["bit_exact"] as? Double == 65536)
        // A part of a table (--range) must follow the dump's inputs row by row: refused otherwise.
        let part = directory.appendingPathComponent("part.npy").path
        #expect(
            try InProcess.run(["table", "silu", "--dtype", "bf16", "--range", "1:1.5", "-o", part]).status
                == 0)
        let backwards = (0x3F80...0x3FC0).reversed().flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        try Data(NPYTestFile.header(descr: "'<u2'", count: 65) + backwards).write(
            to: directory.appendingPathComponent("px.npy"))
        let misplaced = try InProcess.run([
            "check", "silu", "--dtype", "bf16", "--input", directory.path + "/px.npy", "--output",
            directory.path + "/px.npy", "--expected", part,
        ])
        #expect(
            misplaced.status == 2
                && misplaced.stderr.contains("a table's rows must follow the dump's inputs"),
            "\(misplaced.stderr)")
    }

    /// σ's float32 golden table over every input of a range, as `t.npy` and as columns beside it
    /// (`t.x_bits.npy`, `t.f_bits.npy`, …).
    static func sigmoidTables(range: String, in directory: URL) throws {
        let table = directory.appendingPathComponent("t.npy").path
        for extra in [["--columns"], []] {
            let arguments = ["table", "sigmoid", "--dtype", "f32", "--every", "--range", range, "-o", table]
            #expect(try InProcess.run(arguments + extra).status == 0)
        }
    }

    @Test(
        "a float32 dump over several chunks and blocks: monotonicity at their edges, computed or from a table"
    )
    func chunkEdges() throws {
        let directory = try GoldenTableTests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // 262,145 rows: four chunks of 65,536 and a block of one row.
        try Self.sigmoidTables(range: "1:1.03125", in: directory)
        let f = try NPYFile(Data(contentsOf: directory.appendingPathComponent("t.f_bits.npy"))).column("")
        #expect(f.count == 262_145)
        // Rows made one float32 step below the row before's correct result: each breaks
        // monotonicity once where the correct results rise there (positive floats order as bits).
        let broken = [1000, 65536, 131_072, 196_608, 262_144]
        var y = f
        for k in broken { y[k] = f[k - 1] - 1 }
        let expected = broken.filter { f[$0] > f[$0 - 1] }.count
        #expect(expected >= 3, "the range should rise at most of the edges")
        let bytes = y.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }
        try Data(NPYTestFile.header(descr: "'<u4'", count: y.count) + bytes).write(
            to: directory.appendingPathComponent("y.npy"))
        for against in [["--input", "t.x_bits.npy"], ["--expected", "t.npy"]] {
            let json = try Self.report(
                ["sigmoid", "--dtype", "f32", "--output", "y.npy", "--max-ulp", "0.25"] + against,
                in: directory)
            let all = try Self.region("all", of: "f", in: json)
            #expect(all["monotonicity_violations"] as? Double == Double(expected), "\(against)")
            #expect(all["rows"] as? Double == 262_145 && all["bit_exact"] as? Double == 262_140, "\(against)")
        }
    }

    @Test("against a table, the saturated rows are told without the kernel's f′, as against the truth")
    func saturatedAgainstTable() throws {
        let directory = try GoldenTableTests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // σ′ ≤ σ′(17) ≈ 4.1e-8 < 2⁻²⁴, an ulp of σ there: every row is saturated.
        try Self.sigmoidTables(range: "17:17.25", in: directory)
        for against in [["--input", "t.x_bits.npy"], ["--expected", "t.npy"]] {
            let json = try Self.report(
                ["sigmoid", "--dtype", "f32", "--output", "t.f_bits.npy"] + against, in: directory, status: 0)
            let saturated = try Self.region("saturated", of: "f", in: json)
            #expect(saturated["rows"] as? Double == 131_073, "\(against)")
        }
    }

    @Test(
        "--arith framework: a float16 σ dump made as torch makes it passes against torch, not against the truth"
    )
    func againstFramework() throws {
        let directory = try GoldenTableTests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // torch's float16 σ: 1/(1 + e^−x) in float32, stored in float16; σ′ = (1 − y)·y with every
        // operation in float16 on the stored y. By hand, at every finite float16 input.
        let inputs = (0..<65536).filter { $0 & 0x7C00 != 0x7C00 }.map(UInt16.init)
        let xs = inputs.map { Double(Float16(bitPattern: $0)) }
        let y = xs.map { Float16(Float(1) / (Float(1) + Float(Foundation.exp(-$0)))) }
        let dy = y.map { (Float16(1) - $0) * $0 }
        let bytes = { (values: [UInt16]) in values.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] } }
        for (name, values) in [("x", inputs), ("y", y.map(\.bitPattern)), ("dy", dy.map(\.bitPattern))] {
            try Data(NPYTestFile.header(descr: "'<u2'", count: values.count) + bytes(values)).write(
                to: directory.appendingPathComponent("\(name).npy"))
        }
        let arguments = [
            "torch.Sigmoid", "--dtype", "f16", "--input", "x.npy", "--output", "y.npy", "--derivative",
            "dy.npy",
        ]
        let torch = try Self.report(
            arguments + ["--arith", "framework", "--max-ulp", "0"], in: directory, status: 0)
        #expect(torch["against"] as? String == "framework:torch")
        #expect(try Self.region("all", of: "df", in: torch)["bit_exact"] as? Double == Double(inputs.count))
        let exact = try Self.report(arguments + ["--max-ulp", "0.5"], in: directory)
        #expect((try Self.region("all", of: "df", in: exact)["max_ulp"] as? Double ?? 0) > 0.5)
        let table = directory.appendingPathComponent("t.npy").path
        #expect(try InProcess.run(["table", "sigmoid", "--dtype", "f16", "-o", table]).status == 0)
        let both = try InProcess.run(
            ["check"] + arguments.map { $0.hasSuffix(".npy") ? directory.path + "/" + $0 : $0 }
                + ["--arith", "framework", "--expected", table])
        #expect(both.status == 64 && both.stderr.contains("give one of them"), "\(both.stderr)")
        // --isa follows another machine's dispatch (torch's sigmoid is the same there), and needs
        // --arith framework.
        let avx2 = try Self.report(
            arguments + ["--arith", "framework", "--isa", "avx2", "--max-ulp", "0"], in: directory, status: 0)
        #expect(try Self.region("all", of: "df", in: avx2)["bit_exact"] as? Double == Double(inputs.count))
        let alone = try InProcess.run(
            ["check"] + arguments.map { $0.hasSuffix(".npy") ? directory.path + "/" + $0 : $0 } + [
                "--isa", "avx2",
            ])
        #expect(alone.status == 64 && alone.stderr.contains("add --arith framework"), "\(alone.stderr)")
    }

    @Test("CSV, raw and big-endian dumps read as the same values")
    func otherLayouts() throws {
        let directory = try GoldenTableTests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let write = { (name: String, bytes: [UInt8]) in
            try Data(bytes).write(to: directory.appendingPathComponent(name))
        }
        // relu in bfloat16 at −1, 0, 2.5: 0, 0, 2.5 (one wrong: −0.5 for −1).
        try write("x.csv", Array("x\n-1\n0\n0x4020\n".utf8))
        try write("y.csv", Array("# kernel\n-0.5\n0\n2.5\n".utf8))
        let csv = try InProcess.run([
            "check", "relu", "--dtype", "bf16", "--input", directory.path + "/x.csv", "--output",
            directory.path + "/y.csv",
        ])
        #expect(csv.status == 1 && csv.stderr.contains("FAIL relu bfloat16: 3 rows; f max"), "\(csv.stderr)")
        try write("x.bin", [0x80, 0xBF, 0x00, 0x00, 0x20, 0x40])
        try write("y.bin", [0x00, 0x00, 0x00, 0x00, 0x20, 0x40])
        let raw = try InProcess.run([
            "check", "relu", "--dtype", "bf16", "--input", directory.path + "/x.bin", "--output",
            directory.path + "/y.bin", "--raw-layout", "bits",
        ])
        #expect(raw.status == 0, "\(raw.stderr)")
        let header = NPYTestFile.header(descr: "'>u2'", count: 3)
        try write("x.npy", header + [0xBF, 0x80, 0x00, 0x00, 0x40, 0x20])
        try write("y.npy", header + [0x00, 0x00, 0x00, 0x00, 0x40, 0x20])
        let big = try InProcess.run([
            "check", "relu", "--dtype", "bf16", "--input", directory.path + "/x.npy", "--output",
            directory.path + "/y.npy",
        ])
        #expect(big.status == 0, "\(big.stderr)")
    }

    @Test("a float8_e8m0fnu kernel of exp: powers of two by hand, one wrong tie caught")
    func blockScale() throws {
        let directory = try GoldenTableTests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        // exp(2^k) rounded to a power of two by hand: e^x = 2^(x·log2 e); the power below p = 2^⌊·⌋,
        // and 2p from 1.5p (ties up); past 1.5 · 2^127 (and for the NaN pattern) NaN.
        var y = [UInt8](repeating: 0xFF, count: 256)
        for k in 0..<255 {
            let x = pow(2.0, Double(k - 127))
            let e = exp(x)
            guard e.isFinite, e < 1.5 * 0x1p127 else { continue }
            let below = e.exponent
            y[k] = UInt8(Int(below) + (e >= 1.5 * pow(2.0, Double(below)) ? 1 : 0) + 127)
        }
        try Data(y).write(to: directory.appendingPathComponent("y.bin"))
        let good = try InProcess.run([
            "check", "exp", "--dtype", "e8m0", "--output", directory.path + "/y.bin", "--raw-layout", "bits",
        ])
        #expect(good.status == 0 && good.stdout.contains("256 rows, every bit pattern"), "\(good.stderr)")
        // e^1 = 2.718 is below 3, the midpoint of 2 and 4: a kernel giving 4 is 0.64 ulp (of 2) off.
        y[0x7F] = 0x81
        try Data(y).write(to: directory.appendingPathComponent("y.bin"))
        let bad = try InProcess.run([
            "check", "exp", "--dtype", "e8m0", "--output", directory.path + "/y.bin", "--raw-layout", "bits",
            "--max-ulp", "0.5",
        ])
        #expect(bad.status == 1 && bad.stdout.contains("x 0x7f (1)"), "\(bad.stdout)")
    }

    @Test("unreadable or unfit dumps: exit 2 with one line saying what is wrong")
    func badDumps() throws {
        let directory = try GoldenTableTests.scratch()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = { (name: String) in directory.appendingPathComponent(name).path }
        let write = { (name: String, bytes: [UInt8]) in
            try Data(bytes).write(to: URL(fileURLWithPath: path(name)))
        }
        let u2 = NPYTestFile.header(descr: "'<u2'", count: 4)
        try write("good.npy", u2 + [UInt8](repeating: 0, count: 8))
        try write("short.npy", u2 + [UInt8](repeating: 0, count: 6))
        try write("cut.npy", Array(u2.prefix(30)))
        try write("magic.npy", Array("PK\u{3}\u{4}not numpy at all".utf8))
        try write("u4.npy", NPYTestFile.header(descr: "'<u4'", count: 4) + [UInt8](repeating: 0, count: 16))
        try write(
            "fortran.npy",
            NPYTestFile.header(descr: "'<u2'", count: 4, shape: "(2, 2)", fortran: true)
                + [UInt8](repeating: 0, count: 8))
        try write("three.npy", NPYTestFile.header(descr: "'<u2'", count: 3) + [UInt8](repeating: 0, count: 6))
        try write(
            "f4.npy",
            NPYTestFile.header(descr: "'<f4'", count: 4)
                + Array(repeating: [0xCD, 0xCC, 0xCC, 0x3D], count: 4).flatMap { $0 })
        try write("nested.npy", NPYTestFile.header(descr: String(repeating: "[", count: 100), count: 1))
        for (output, message) in [
            ("short.npy", "the header says 4 elements of 2 bytes, but the file has 6 bytes of data"),
            ("cut.npy", "the .npy file ends inside its header"),
            ("magic.npy", "not a .npy file"),
            ("u4.npy", "<u4 elements cannot hold bfloat16"),
            ("fortran.npy", "in Fortran order"),
            ("three.npy", "3; they must be as long"),
            ("f4.npy", "element 0 is 0.10000000149011612, not a bfloat16 value"),
            ("nested.npy", "nests too deeply"),
            ("missing.npy", "No such file or directory"),
        ] {
            let run = try InProcess.run([
                "check", "relu", "--dtype", "bf16", "--input", path("good.npy"), "--output", path(output),
            ])
            #expect(run.status == 2 && run.stderr.contains(message), "\(output): \(run.stderr)")
            #expect(run.stderr.split(separator: "\n").count == 1, "\(output): \(run.stderr)")
        }
        let exhaustive = try InProcess.run(["check", "relu", "--dtype", "bf16", "--output", path("good.npy")])
        #expect(
            exhaustive.status == 2
                && exhaustive.stderr.contains("without --input the dump must hold every bit pattern"))
        for (arguments, message) in [
            (
                ["check", "relu", "--output", "y.npy"],
                "give the format with --dtype, e.g. actplot check relu --dtype bf16 --output y.npy"
            ),
            (["check", "relu", "--dtype", "bf16"], "missing expected argument '--output <Y>'"),
            (
                ["check", "relu", "--dtype", "bf16", "--output", "y.npy", "--max-ulp", "inf"],
                "--max-ulp takes"
            ),
            (
                ["check", "relu", "--dtype", "bf16", "--output", "y.npy", "--raw-layout", "u3"],
                "--raw-layout takes"
            ),
        ] {
            let run = try InProcess.run(arguments)
            #expect(run.status == 64 && run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
    }
}

/// `.npy` headers for hand-made test files.
enum NPYTestFile {
    /// A version 1.0 header for `count` elements of `descr`.
    static func header(descr: String, count: Int, shape: String? = nil, fortran: Bool = false) -> [UInt8] {
        var dict =
            "{'descr': \(descr), 'fortran_order': \(fortran ? "True" : "False"), 'shape': \(shape ?? "(\(count),)"), }"
        dict += String(repeating: " ", count: (64 - (10 + dict.utf8.count + 1) % 64) % 64) + "\n"
        let length = dict.utf8.count
        return [0x93] + Array("NUMPY".utf8) + [1, 0, UInt8(length & 0xFF), UInt8(length >> 8)]
            + Array(dict.utf8)
    }
}
