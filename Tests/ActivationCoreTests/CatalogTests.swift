import Testing

@testable import ActivationCore

/// What each entry declares about itself, checked against what its kernel computes.
@Suite("Catalog entries")
struct CatalogTests {
    static let specs =
        Catalog.all.map(\.name) + [
            "relu:negative_slope=0.1,max_value=6,threshold=1", "softplus:threshold=20", "hardshrink:lambda=0",
            "hard_sigmoid:slope=0.3,offset=0.4", "squareplus:b=0", "elu:alpha=2",
            "threshold:threshold=1,value=-1",
        ]

    @Test("a declared corner is where f, f′ or f″ jumps", arguments: specs)
    func cornersAreJumps(spec: String) throws {
        let f = try Catalog.activation(spec)
        #expect(f.corners == f.corners.sorted(), "\(spec): corners out of order")
        for c in f.corners {
            let (left, right) = (f.jet(at: c.nextDown), f.jet(at: c.nextUp))
            let jumps = zip(
                [left.value, left.derivative, left.secondDerivative],
                [right.value, right.derivative, right.secondDerivative]
            ).contains { a, b in
                // −∞ on one side and +∞ on the other (log1mexp′ at its pole) is a jump too
                a != b && (!(a - b).isFinite || abs(a - b) > 1e-12 * (1 + Swift.max(abs(a), abs(b))))
            }
            #expect(jumps, "\(spec): nothing jumps at its corner \(c)")
        }
    }

    @Test("names and aliases are unique and resolve to their entry")
    func names() throws {
        var seen: [String: String] = [:]
        for entry in Catalog.all {
            for name in [entry.name] + entry.aliases {
                let key = Catalog.normalize(name)
                #expect(
                    seen[key] == nil || seen[key] == entry.name,
                    "\(name) names both \(seen[key] ?? "") and \(entry.name)")
                seen[key] = entry.name
                #expect(try Catalog.activation(name).entry.name == entry.name)
            }
        }
    }
}

/// An entry reads its parameters through the constants it declares; a parameter it does not
/// declare is a programming error, not a silent 0.
@Suite("Declared parameters")
struct ArgumentsTests {
    @Test("a declared parameter reads its value, a constraint names it")
    func declared() throws {
        let alpha = Parameter.real("alpha", 0.01, .finite, "slope")
        let a = Arguments(function: "f", values: [(alpha, .real(0.2))], kink: .exclusive, others: [])
        #expect(a[alpha] == 0.2)
        #expect(
            throws: ActivationError.invalidParameter(
                function: "f", parameter: "alpha", value: "0.2", expected: "< 0")
        ) {
            try a.require(a[alpha] < 0, alpha, "< 0")
        }
    }

    @Test("reading a parameter the entry does not declare traps")
    func undeclared() async {
        await #expect(processExitsWith: .failure) {
            let alpha = Parameter.real("alpha", 0.01, .finite, "slope")
            let beta = Parameter.real("beta", 1, .finite, "sharpness")
            let a = Arguments(function: "f", values: [(alpha, .real(0.2))], kink: .exclusive, others: [])
            _ = a[beta]
        }
    }
}
