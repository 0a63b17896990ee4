import Testing

@testable import ActivationCore

/// The library as a Swift program uses it: typed entries and parameter keys instead of specs.
@Suite("Typed entries and parameter keys")
struct TypedEntryTests {
    @Test("an entry at its defaults is the function its name resolves to", arguments: Catalog.all)
    func defaults(_ entry: CatalogEntry) throws {
        let typed = try Activation(entry)
        let named = try Catalog.activation(entry.name)
        #expect(typed.name == named.name)
        for x in [-3.5, -1, -0x1p-30, 0, 0.75, 2, 40] {
            #expect(typed.jet(at: x) == named.jet(at: x), "\(entry.name) at \(x)")
        }
    }

    @Test("every parameter, given by its key at a value of its own, reads back", arguments: Catalog.all)
    func keys(_ entry: CatalogEntry) throws {
        for parameter in entry.parameters {
            let value: ParameterValue =
                switch parameter.kind {
                case .real(let d, _): .real(d == 0 ? 0.5 : d * 0.5)
                case .choice(_, let options): .choice(options.last ?? "")
                }
            // A value that breaks a constraint between parameters (rrelu's lower ≤ upper) is
            // refused as a spec would refuse it.
            let spec = "\(entry.name):\(parameter.name)=\(value)"
            switch (
                Result { try Activation(entry, [parameter.key: value]) },
                Result { try Catalog.activation(spec) }
            ) {
            case (.success(let typed), .success(let named)):
                #expect(typed.parameter(parameter.key) == value)
                let (a, b) = (typed.value(at: -1.25), named.value(at: -1.25))
                #expect(a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN), "\(spec)")
            case (.failure(let a), .failure(let b)):
                #expect(String(describing: a) == String(describing: b))
            default:
                Issue.record("\(spec): the typed and the named forms disagree")
            }
        }
    }

    @Test("literals: numbers, integers and words; an unknown key and a bad value are refused")
    func literals() throws {
        let leaky = try Activation(.leakyReLU, [.alpha: 0.2])
        #expect(leaky.value(at: -1) == -0.2 && leaky.name == "leaky_relu(alpha=0.2)")
        let softplus = try Activation(.softplus, [.beta: 2, .threshold: 20])
        #expect(softplus.parameter(.beta) == .real(2) && softplus.value(at: 11) == 11)
        let gelu = try Activation(.gelu, [.approximate: "tanh"])
        #expect(gelu.value(at: 1) == (try Catalog.activation("gelu:approximate=tanh")).value(at: 1))
        #expect(throws: ActivationError.self) { try Activation(.relu, [.alpha: 0.1]) }
        #expect(throws: ActivationError.self) { try Activation(.elu, [.alpha: .real(.nan)]) }
        let inclusive = try Activation(.relu, kink: .inclusive)
        #expect(inclusive.derivative(at: 0) == 1)
    }
}
