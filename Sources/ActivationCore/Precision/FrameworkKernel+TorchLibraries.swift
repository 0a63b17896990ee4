/// Hugging Face transformers' and timm's activations that call a torch functional or module
/// (transformers' `ACT2CLS`: nn.ReLU, nn.SiLU, nn.functional.gelu, …; timm's `get_act_layer`):
/// torch's kernels, as torch runs them. Their Python composites (transformers' gelu_new,
/// gelu_fast, quick_gelu, …) are not covered yet.
extension FrameworkKernel {
    /// The presets of transformers and timm that are a torch functional, by the library's name.
    static let torchLibraryNames: [Framework: Set<String>] = [
        .transformers: FrameworkPreset.transformersCallingTorch, .timm: FrameworkPreset.timmCallingTorch,
    ]

    /// torch's kernel for a transformers or timm preset that calls torch, relabelled.
    static func onTorch(_ function: Activation, _ format: NumberFormat, _ isa: InstructionSet)
        -> FrameworkKernel?
    {
        guard let preset = function.preset,
            torchLibraryNames[preset.framework]?.contains(preset.name) == true,
            let kernel = torch(function, format, isa)
        else { return nil }
        return FrameworkKernel(
            preset.framework, kernel.value, saved: kernel.saved, kernel.derivative,
            source: "\(preset.qualifiedName) calls torch: " + kernel.source, residue: kernel.residue,
            flushesFloat32Subnormals: kernel.flushesFloat32Subnormals,
            float32Arguments: kernel.float32Arguments,
            routine: kernel.routine, usesATenErf: kernel.usesATenErf)
    }
}

extension Framework {
    /// Whether the framework's activations run torch's CPU kernels (torch, and the libraries on it).
    var runsOnTorch: Bool { self == .torch || self == .transformers || self == .timm }
}
