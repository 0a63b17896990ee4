import Testing

@testable import ActivationCore

/// Family specs: lists and ranges of parameter values, expanded to one spec per member.
@Suite("Family specs")
struct FamilySpecTests {
    @Test("a list runs until the next name=; two varying parameters give their product")
    func lists() throws {
        #expect(
            try Catalog.family("leaky_relu:alpha=0.01,0.1,0.3")
                == ["leaky_relu:alpha=0.01", "leaky_relu:alpha=0.1", "leaky_relu:alpha=0.3"])
        #expect(
            try Catalog.family("softplus:beta=1,2,threshold=20")
                == ["softplus:beta=1,threshold=20", "softplus:beta=2,threshold=20"])
        #expect(
            try Catalog.family("torch.softplus:beta=1,2,threshold=10,20")
                == [
                    "torch.softplus:beta=1,threshold=10", "torch.softplus:beta=1,threshold=20",
                    "torch.softplus:beta=2,threshold=10", "torch.softplus:beta=2,threshold=20",
                ])
    }

    @Test("ranges: N values with both ends, evenly or log-spaced")
    func ranges() throws {
        #expect(
            try Catalog.family("softplus:beta=0.5..4/8").map {
                $0.split(separator: "=").last.map(String.init)
            }
                == ["0.5", "1", "1.5", "2", "2.5", "3", "3.5", "4"])
        #expect(
            try Catalog.family("elu:alpha=0.01..100/5log")
                == ["elu:alpha=0.01", "elu:alpha=0.1", "elu:alpha=1", "elu:alpha=10", "elu:alpha=100"])
        #expect(try Catalog.family("elu:alpha=0..1/7")[1] == "elu:alpha=0.1667")
    }

    @Test("single specs, formulas with commas and classes pass through unchanged")
    func passThrough() throws {
        for spec in [
            "relu", "leaky_relu:alpha=0.2", "nalu:w_hat=-1,m_hat=1", "max(x,0)", "x > 0 ? x : 0.1*x",
            "new ActivationLReLU()", "leaky_relu:alpha=",
        ] {
            #expect(try Catalog.family(spec) == [spec])
        }
    }

    @Test("ranges that do not read, and families of more than 64, are refused")
    func refused() {
        for (spec, reason) in [
            ("elu:alpha=0..1", "a range needs a count"), ("elu:alpha=0..1/1", "a range takes 2 to 64 values"),
            ("elu:alpha=1..0/3", "a range runs from MIN up to MAX"), ("elu:alpha=0..1/3log", "needs MIN > 0"),
            ("elu:alpha=a..1/3", "a range is MIN..MAX/N with numbers"),
            ("softplus:beta=1..2/9,threshold=1..2/9", "more than 64"),
        ] {
            #expect(throws: ActivationError.self) { try Catalog.family(spec) }
            do {
                _ = try Catalog.family(spec)
            } catch {
                #expect("\(error)".contains(reason), "\(spec): \(error)")
            }
        }
    }

    @Test("labels: a leading identifier and one '=', or a label= setting running to the next name=")
    func labels() {
        let cases: [(String, String?, String)] = [
            ("sGELU=x*sigmoid(1.702*x)", "sGELU", "x*sigmoid(1.702*x)"),
            ("my.gelu_2 = gelu", "my.gelu_2", "gelu"),
            ("gelu:label=GELU, erf form", "GELU, erf form", "gelu"),
            ("gelu:approximate=tanh,label=tanh form", "tanh form", "gelu:approximate=tanh"),
            ("softplus:label=a, b,beta=1,2", "a, b", "softplus:beta=1,2"),
            ("x==1", nil, "x==1"), ("x>=1", nil, "x>=1"),
            ("leaky_relu:alpha=0.2", nil, "leaky_relu:alpha=0.2"),
            ("2=x", nil, "2=x"), ("gelu:label=", nil, "gelu"),
        ]
        for (spec, label, rest) in cases {
            let got = Catalog.labeled(spec)
            #expect(got.label == label && got.spec == rest, "\(spec): \(got)")
        }
    }
}
