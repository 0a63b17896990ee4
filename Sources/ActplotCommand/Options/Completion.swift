import ActivationCore
import ArgumentParser

extension CompletionKind {
    /// What the shell offers for a FUNCTION: every catalog name and every framework preset
    /// (`gelu`, `leaky_relu`, `torch.hardsigmoid`, `keras.layers.LeakyReLU`).
    ///
    /// The argument parser evaluates every argument's completion each time it instantiates a
    /// command, and building this list (with every preset) cost 5 % of a chart's start-up; the
    /// list is only read when a completion script is generated, so only then is it built.
    static let functionNames: CompletionKind =
        CommandLine.arguments.contains { $0.hasPrefix("--generate-completion-script") }
        ? .list(Catalog.all.map(\.name) + FrameworkPreset.all.map(\.qualifiedName)) : .default
}
