/// A name a framework does not have that its users type anyway, with the answer a spec gets:
/// what the name meant, and which spec draws it.
///
/// Three kinds are answered: names with a story of their own (this type's ``all``), names that
/// another version of the framework has (`keras.layers.ThresholdedReLU` is Keras 2's), and
/// names in the wrong form for their module (`dl4j.Activation.PRELU`: PReLU is a class only).
struct MissingActivation: Sendable {
    /// The framework the name was looked up in.
    let framework: Framework
    /// The part of its API.
    let namespace: FrameworkPreset.Namespace
    /// The name as its users write it.
    let name: String
    /// What it meant and what to write instead.
    let answer: String

    init(_ framework: Framework, _ namespace: FrameworkPreset.Namespace, _ name: String, _ answer: String) {
        self.framework = framework
        self.namespace = namespace
        self.name = name
        self.answer = answer
    }

    /// The names with a story of their own; each spec an answer names resolves (a test checks).
    static let all: [MissingActivation] = [
        MissingActivation(
            .keras, .layers, "ThresholdedReLU",
            "removed in Keras 3; keras2.layers.ThresholdedReLU is Keras 2's, and "
                + "keras.layers.ReLU:threshold=1 has its values"),
        MissingActivation(
            .tf, .main, "relu_x",
            "TensorFlow 1's overview of activations names relu_x beside relu and relu6 for a ReLU capped "
                + "at some X, but tf.nn never had it; relu:max_value=X draws it (tf.nn.relu6 is X = 6)"),
    ]

    /// The answer for a name a framework's namespace does not have, if there is one.
    /// - Parameters:
    ///   - name: The name after the module path.
    ///   - framework: The framework.
    ///   - namespace: The part of its API the module path selected.
    /// - Returns: What the name meant and what to write, or nil to fall back on the nearest name.
    static func answer(for name: String, in framework: Framework, _ namespace: FrameworkPreset.Namespace)
        -> String?
    {
        let key = Catalog.normalize(name)
        if let known = all.first(where: {
            $0.framework == framework && $0.namespace == namespace && Catalog.normalize($0.name) == key
        }) {
            return known.answer
        }
        func named(in framework: Framework) -> [FrameworkPreset] {
            FrameworkPreset.presets(of: framework).filter { preset in
                preset.names.contains { Catalog.normalize($0) == key }
            }
        }
        // Another version's, in the same part of its API (keras2.layers for keras.layers), or in
        // any part when this version has the name nowhere.
        let elsewhereHere = !named(in: framework).isEmpty
        for other in framework.otherVersions {
            let found = named(in: other)
            if let preset = found.first(where: { $0.namespace == namespace })
                ?? (elsewhereHere ? nil : found.first),
                let version = other.versionName
            {
                return "\(version) has it: \(preset.qualifiedName)"
            }
        }
        return nil
    }

    /// The answer for a preset found under a module that holds only one form of name it lacks
    /// (`dl4j.Activation.PRELU`: PReLU is not a constant of DL4J's Activation enum).
    /// - Parameters:
    ///   - preset: The preset the name matched.
    ///   - form: The form of name the module holds.
    /// - Returns: What to write, or nil when the preset has that form.
    static func answer(for preset: FrameworkPreset, needing form: FrameworkPreset.Spelling.Kind) -> String? {
        guard preset.spelling(form) == nil else { return nil }
        let home = preset.framework.home(of: form).map {
            "the \($0) \(form == .enumConstant ? "enum" : "package")"
        }
        let forms = preset.spellings.map { "\($0.kind.rawValue) \(preset.framework.rawValue).\($0.text)" }
        return "\(preset.name) is not in \(home ?? preset.framework.rawValue)"
            + (forms.isEmpty ? "" : "; it is the \(forms.joined(separator: ", the "))")
    }
}
