import ActivationCore
import ArgumentParser

extension CompletionKind {
    /// What the shell offers for a FUNCTION: every catalog name, every framework preset under
    /// each of its names, and each of them followed by a parameter (`torch.Softplus:beta=`) (`gelu`, `torch.LeakyReLU`, `torch.leaky_relu`, `keras.layers.LeakyReLU`,
    /// `dl4j.ActivationLReLU`, `caffe.PReLU`), and DL4J's class names alone (`ActivationLReLU`).
    ///
    /// The argument parser evaluates every argument's completion each time it instantiates a
    /// command, and building this list (with every preset) cost 5 % of a chart's start-up; the
    /// list is only read when a completion script is generated, so only then is it built.
    static let functionNames: CompletionKind =
        CommandLine.arguments.contains { $0.hasPrefix("--generate-completion-script") }
        ? .list(Catalog.all.map(\.name) + presetNames + parameterSpecs) : .default

    /// `NAME:PARAMETER=` for every function and preset with parameters, under the preset's own
    /// parameter names (`torch.nn.LeakyReLU:negative_slope=`, `leaky_relu:alpha=`).
    private static var parameterSpecs: [String] {
        let catalog = Catalog.all.flatMap { entry in entry.parameters.map { "\(entry.name):\($0.name)=" } }
        let presets = FrameworkPreset.all.flatMap { preset in
            let prefix = preset.qualifiedName.dropLast(preset.name.count)
            return preset.names.flatMap { name in
                preset.entry.parameters.map {
                    "\(prefix)\(name):\(preset.frameworkParameter(named: $0.name))="
                }
            }
        }
        var seen = Set<String>()
        // DL4J's ELU is both its name and its enum constant: offer each spec once.
        return (catalog + presets).filter { seen.insert($0).inserted }
    }

    /// Each preset under its qualified name and its aliases and spellings, then the class names.
    private static var presetNames: [String] {
        let qualified = FrameworkPreset.all.flatMap { preset in
            let prefix = preset.qualifiedName.dropLast(preset.name.count)
            return preset.names.map { String(prefix) + $0 }
        }
        var seen = Set<String>()
        let classes = FrameworkPreset.all.compactMap { $0.spelling(.className) }
        return (qualified + classes).filter { seen.insert($0).inserted }
    }
}
