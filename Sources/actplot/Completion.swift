import ActivationCore
import ArgumentParser

extension CompletionKind {
    /// What the shell offers for a FUNCTION: every catalog name and every framework preset
    /// (`gelu`, `leaky_relu`, `torch.hardsigmoid`, `keras.layers.LeakyReLU`).
    static var functionNames: CompletionKind {
        .list(Catalog.all.map(\.name) + FrameworkPreset.all.map(\.qualifiedName))
    }
}
