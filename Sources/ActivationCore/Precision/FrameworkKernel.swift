/// How a framework computes one of its presets on CPU in a format (`--arith framework`): the
/// forward formula and the backward as the framework's code writes them, and where each one's
/// operations are rounded.
///
/// ```swift
/// let softsign = try Catalog.activation("torch.Softsign")
/// let kernel = FrameworkKernel(softsign, format: .float16)   // autograd through x/(1 + |x|)
/// ```
/// The backward is written out as the framework runs it: a hand-written kernel reading the
/// saved output y (torch's σ′ = (1 − y)·y), a saved intermediate stored in the format (torch's
/// log_sigmoid buffer), or autograd through a composite, each operation's gradient in the
/// order the framework's derivative rules compute it. The elementary functions are correctly
/// rounded (``RoundedArithmetic``); where the framework's own vectorised library decides a
/// result (Sleef, oneDNN, ATen's erf polynomial), the kernel's ``residue`` says so.
public struct FrameworkKernel: Sendable {
    /// Where a formula's operations are rounded.
    public enum Rounding: String, Sendable {
        /// In float32, the result stored in the format: a kernel's opmath.
        case float32 = "float32, stored in the format"
        /// Every operation in the format, as operations dispatched one by one round.
        case format = "every operation in the format"
    }

    /// A formula in x (and y, what the forward saved) and its rounding.
    public struct Step: Sendable {
        /// The formula in the expression grammar.
        public let text: String
        /// Where its operations are rounded.
        public let rounding: Rounding
        let node: ExpressionNode

        init(_ text: String, _ rounding: Rounding) {
            self.text = text
            self.rounding = rounding
            node = NaiveFormula.parse(text, allowsOutput: true)
        }

        /// The formula at x (a value of the format), y the saved value, stored in the format,
        /// on the kernel's machine.
        func run(x: Double, y: Double, _ format: NumberFormat, _ kernel: FrameworkKernel) -> Double {
            var machine = RoundedArithmetic(format: rounding == .float32 ? .float32 : format)
            machine.flushes = kernel.flushesFloat32Subnormals
            machine.float32Arguments = kernel.float32Arguments
            machine.tanhPassesTinyArguments = kernel.framework == .jax
            if kernel.usesATenErf { machine.float32Erf = ATen.erf }
            if kernel.framework.runsOnTorch {
                machine.float32Exp = Sleef.expf
                machine.contractsMultiplyAdd = true
            }
            return format.rounded(machine.value(node, x: x, y: y))
        }
    }

    /// The framework.
    public let framework: Framework
    /// f.
    public let value: Step
    /// What the forward saves for the backward, stored in the format and read as y; nil: the
    /// output.
    public let saved: Step?
    /// f′ with a cotangent of 1, in x and y.
    public let derivative: Step
    /// Where the code is (the framework's source files and functions).
    public let source: String
    /// What the framework does that this does not reproduce, if anything: its vectorised
    /// library's own results, measured.
    public let residue: String?
    /// Whether float32 subnormals are flushed (inputs read as zero, results below 2⁻¹²⁶ made
    /// zero), as XLA's and Eigen's CPU code runs: bfloat16 and float32 subnormals vanish,
    /// float16 ones (float32 normals) survive.
    public let flushesFloat32Subnormals: Bool
    /// A library routine the framework calls for f and f′, reproduced bit for bit, in place of
    /// the formulas (which then say what it approximates).
    public let routine: Routine?
    /// Whether erf is ATen's vectorised float32 erf (``ATen``) rather than correctly rounded.
    public let usesATenErf: Bool
    /// The elementary functions whose argument the framework computes in float32 without
    /// rounding it to the format (XLA's bfloat16 erfc, expanded in float32).
    let float32Arguments: Set<Elementary>

    /// A vectorised library routine reproduced bit for bit.
    public enum Routine: Sendable {
        /// oneDNN 3.13's eltwise_gelu_erf on AVX-512: a piecewise minimax polynomial forward,
        /// Abramowitz–Stegun with oneDNN's exp backward, in float32 (``OneDNN``).
        case oneDNNGELUErf
        /// oneDNN's eltwise_gelu_erf below AVX-512: Abramowitz–Stegun with oneDNN's exp both
        /// ways, in float32.
        case oneDNNGELUErfAVX2

        /// What the routine computes, in a sentence.
        public var text: String {
            switch self {
            case .oneDNNGELUErfAVX2:
                "oneDNN 3.13's eltwise_gelu_erf on AVX2, in float32: forward S + S·erf with S = 0.5·x and erf by "
                    + "Abramowitz–Stegun 7.1.26 with oneDNN's exp; backward as on AVX-512"
            case .oneDNNGELUErf:
                "oneDNN 3.13's eltwise_gelu_erf on AVX-512, in float32: forward 0.5·x·(1 + erf), erf(x/√2) a "
                    + "degree-5 minimax polynomial of |x| (25 pieces, ±1 past 5.5425806); bfloat16 stored by "
                    + "VCVTNEPS2BF16, which flushes float32 subnormals; backward 0.5 + x/√(2π)·e^(−x²/2) + "
                    + "0.5·erf with Abramowitz–Stegun 7.1.26 and oneDNN's exp"
            }
        }

        /// f and f′ at x, rounded to the format.
        func evaluate(at x: Double, format: NumberFormat) -> (value: Double, derivative: Double) {
            switch self {
            case .oneDNNGELUErf, .oneDNNGELUErfAVX2:
                let forward = self == .oneDNNGELUErf ? OneDNN.geluErf : OneDNN.geluErfAbramowitzStegun
                let (f, df) = (forward(Float(x)), OneDNN.geluErfDerivative(Float(x)))
                if format == .bfloat16 { return (OneDNN.bfloat16(f), OneDNN.bfloat16(df)) }
                return (format.rounded(Double(f)), format.rounded(Double(df)))
            }
        }
    }

    /// f and f′ at x, a value of the format, as the framework returns them.
    public func evaluate(at x: Double, format: NumberFormat) -> (value: Double, derivative: Double) {
        if let routine { return routine.evaluate(at: x, format: format) }
        let f = value.run(x: x, y: .nan, format, self)
        let y = saved.map { $0.run(x: x, y: .nan, format, self) } ?? f
        return (f, derivative.run(x: x, y: y, format, self))
    }

    /// The kernel in a few lines: f, what the forward saves, f′ (each with where it rounds),
    /// where the code is, and what is not reproduced.
    public var description: [String] {
        let measured = "as " + Self.measured(framework, instructionSet)
        if let routine {
            return [
                "f, f′: " + routine.text, "approximating f = \(value.text), f′ = \(derivative.text)",
                "from \(framework.rawValue): \(source)", measured,
            ] + (residue.map { ["not reproduced: " + $0] } ?? [])
        }
        var lines = ["f = \(value.text) (\(value.rounding.rawValue))"]
        if let saved { lines.append("saved y = \(saved.text) (\(saved.rounding.rawValue))") }
        lines.append("f′ = \(derivative.text) (\(derivative.rounding.rawValue))")
        if flushesFloat32Subnormals {
            lines.append("float32 subnormals flushed to zero, inputs and results (FTZ and DAZ)")
        }
        lines.append("from \(framework.rawValue): \(source)")
        lines.append(measured)
        if let residue { lines.append("not reproduced: \(residue)") }
        return lines
    }

    /// The framework version, build and instruction set the kernels reproduce, as
    /// Scripts/check-framework-arithmetic.py measured them (`make check-frameworks`).
    public static func measured(_ framework: Framework, _ isa: InstructionSet = .avx512) -> String {
        let machine = isa == .avx512 ? "on x86-64 with AVX-512 and AVX512-BF16" : "on x86-64 with AVX2"
        let torch =
            isa == .avx512
            ? "CPU capability AVX512, oneDNN 3.13"
            : "ATEN_CPU_CAPABILITY=avx2, ONEDNN_MAX_CPU_ISA=AVX2, oneDNN 3.13"
        switch framework {
        case .torch:
            return "torch 2.15.0 runs it \(machine) (\(torch), eager, one thread)"
        case .jax: return "JAX 0.10.2 runs it \(machine) (XLA CPU, under jax.jit)"
        case .transformers, .timm:
            return "\(framework.rawValue) on torch 2.15.0 runs it \(machine) (\(torch))"
        default: return "TensorFlow 2.21.0 with Keras 3.15.1 runs it \(machine) (eager, oneDNN opts on)"
        }
    }

    /// The formats `--arith framework` covers.
    public static let formats: [NumberFormat] = [.bfloat16, .float16, .float32]

    /// The frameworks whose presets `--arith framework` covers, so far.
    public static let frameworks: [Framework] = [.torch, .jax, .tf, .keras, .transformers, .timm]

    /// The instruction set whose dispatch a kernel follows: what the framework's CPU code picks on
    /// a machine with it (torch's GELU goes to oneDNN's AVX-512 kernel, or ATen's own on AVX2).
    public enum InstructionSet: String, CaseIterable, Sendable {
        /// x86-64 with AVX-512 and AVX512-BF16, the measured machine (the default).
        case avx512
        /// x86-64 with AVX2 and FMA (torch with ATEN_CPU_CAPABILITY=avx2, oneDNN at AVX2).
        case avx2
    }

    /// The instruction set whose dispatch this kernel follows.
    public private(set) var instructionSet: InstructionSet = .avx512

    /// The kernel of a framework preset in a format, or nil where there is none: the function
    /// is not a preset of a covered framework, the format is not bfloat16, float16 or float32,
    /// or the framework's kernel for it is not written yet.
    /// - Parameter isa: The instruction set whose dispatch to follow (AVX-512 by default).
    public init?(_ function: Activation, format: NumberFormat, isa: InstructionSet = .avx512) {
        guard let preset = function.preset, Self.formats.contains(format),
            var kernel = Self.kernel(preset.framework, function, format, isa)
        else { return nil }
        kernel.instructionSet = isa
        if format == .float32 && kernel.routine == nil {
            kernel = kernel.with(
                residue: (preset.framework.runsOnTorch
                    ? "in float32 Sleef's tanh, log1p and expm1 (its exp is reproduced) decide the last bits"
                    : "in float32 the framework's vectorised exp, tanh, log1p and erf ("
                        + (preset.framework == .jax ? "XLA's CPU approximations" : "Eigen's")
                        + ") decide the last bits")
                    + "; they are taken here as correctly rounded, so expect an ulp's difference at some inputs"
                    + (kernel.residue.map { "; also: " + $0 } ?? ""))
        }
        self = kernel
    }

    init(
        _ framework: Framework, _ value: Step, saved: Step? = nil, _ derivative: Step, source: String,
        residue: String? = nil, flushesFloat32Subnormals: Bool = false,
        float32Arguments: Set<Elementary> = [],
        routine: Routine? = nil, usesATenErf: Bool = false
    ) {
        self.routine = routine
        self.usesATenErf = usesATenErf
        self.flushesFloat32Subnormals = flushesFloat32Subnormals
        self.float32Arguments = float32Arguments
        self.framework = framework
        self.value = value
        self.saved = saved
        self.derivative = derivative
        self.source = source
        self.residue = residue
    }

    private static func kernel(
        _ framework: Framework, _ function: Activation, _ format: NumberFormat, _ isa: InstructionSet
    ) -> FrameworkKernel? {
        switch framework {
        case .torch: torch(function, format, isa)
        case .jax: jax(function, format)
        case .tf, .keras: tensorFlow(function, format)
        case .transformers, .timm: onTorch(function, format, isa)
        default: nil
        }
    }

    /// Whether a preset keeps its framework's parameter values, or changes only ones the
    /// framework has (`honouring`, by catalog entry): a kernel is written for those alone.
    static func keepsFrameworkParameters(_ function: Activation, honouring: [CatalogEntry]) -> Bool {
        honouring.contains { $0.name == function.entry.name }
            || function.name == function.preset?.qualifiedName
    }

    /// A parameter's value as formula text.
    static func literal(_ function: Activation, _ name: Parameter.Name) -> String {
        NaiveFormula.literal(function.parameter(name)?.number ?? .nan)
    }

    /// GELU's form as the preset or spec sets it, or the framework's default.
    static func geluForm(_ function: Activation, default form: CatalogEntry.GELUForm) -> CatalogEntry.GELUForm
    {
        function.parameter(.approximate).flatMap { CatalogEntry.GELUForm(rawValue: $0.description) } ?? form
    }

    /// Why there is no kernel for a function in a format.
    public enum Unsupported: Sendable, Equatable {
        /// Not a preset of a covered framework.
        case notAPreset
        /// A format not covered.
        case format
        /// A covered framework's preset without a kernel yet (or with parameters its framework
        /// does not have).
        case noKernel
    }

    /// Why ``init(_:format:)`` gives no kernel for a function in a format, or nil if it does.
    public static func unsupported(_ function: Activation, format: NumberFormat) -> Unsupported? {
        guard let preset = function.preset, frameworks.contains(preset.framework) else { return .notAPreset }
        guard formats.contains(format) else { return .format }
        return FrameworkKernel(function, format: format) == nil ? .noKernel : nil
    }

    /// The presets of `framework` that have a kernel, by qualified name.
    public static func covered(_ framework: Framework) -> [String] {
        if let names = torchLibraryNames[framework] {
            return FrameworkPreset.all.filter { $0.framework == framework && names.contains($0.name) }
                .map(\.qualifiedName).sorted()
        }
        let entries: [String] =
            switch framework {
            case .torch: torchEntries.map(\.name)
            case .jax: jaxEntries.map(\.name)
            default: tensorFlowEntries[framework]?.map(\.name) ?? []
            }
        return FrameworkPreset.all.filter {
            $0.framework == framework && $0.namespace == .main && entries.contains($0.function)
        }
        .map(\.qualifiedName).sorted()
    }
}
