/// Reading function specs: `leaky_relu:alpha=0.2`, `torch.softplus`, `keras.layers.LeakyReLU`.
extension Catalog {
    /// Resolves a function spec to an activation.
    ///
    /// ```
    /// spec   = name [":" param "=" value ("," param "=" value)*]
    ///        | "new" class "()"          a framework's class as its code constructs it
    /// name   = catalog name or alias (case, "_", "-" and spaces ignored)
    ///        | framework "." name        torch, jax, keras, keras2, tf, dl4j, caffe, with
    ///                                    module paths such as torch.nn.functional, tf.nn
    ///        | class                     a framework's class (ActivationLReLU)
    /// value  = a number in any Swift/C syntax (0.2, 1e-3, 0x1p-3, inf), a fraction (1/6),
    ///          or a word for choice parameters (approximate=tanh)
    /// ```
    /// `kink=exclusive|inclusive|average` sets the corner convention of a piecewise function.
    /// - Parameters:
    ///   - spec: The text as typed.
    ///   - others: For a vector function, the inputs other than x (nil: the entry's
    ///     ``CatalogEntry/defaultOthers``).
    /// - Returns: The activation, validated.
    /// - Throws: ``ActivationError`` naming what was wrong, with a suggestion for near misses.
    public static func activation(_ spec: String, others: [Double]? = nil) throws(ActivationError)
        -> Activation
    {
        let text = try constructor(spec) ?? spec.trimmingWhitespace
        if isExpression(text) {
            do {
                return try Expression(text).activation
            } catch {
                throw .invalidExpression(error)
            }
        }
        let head: Substring
        let settings: Substring?
        if let colon = settingsColon(text) {
            head = text[..<colon]
            settings = text[text.index(after: colon)...]
        } else {
            head = Substring(text)
            settings = nil
        }
        let name = String(head).trimmingWhitespace
        guard !name.isEmpty else {
            throw .malformedSpec(spec, reason: "expected a function name, e.g. relu or leaky_relu:alpha=0.2")
        }
        let (entry, preset) = try resolve(name)
        var values = preset?.parameters ?? [:]
        var kink = preset?.kink ?? .exclusive
        if let settings {
            let (given, givenKink) = try Self.settings(settings, of: entry, preset: preset, spec: spec)
            values.merge(given) { _, new in new }
            kink = givenKink ?? kink
        }
        do {
            return try Activation(entry, parameters: values, kink: kink, others: others, preset: preset)
        } catch {
            throw preset.map { error.naming($0) } ?? error
        }
    }

    /// The entry and preset a name denotes: a catalog name or alias, `framework.name`, or a
    /// framework's class name alone (`ActivationLReLU`).
    private static func resolve(_ name: String) throws(ActivationError) -> (CatalogEntry, FrameworkPreset?) {
        if name.contains(".") {
            let preset = try preset(named: name)
            return (preset.entry, preset)
        }
        if let entry = entry(named: name) { return (entry, nil) }
        let key = normalize(name)
        if let preset = FrameworkPreset.all.first(where: { $0.spelling(.className).map(normalize) == key }) {
            return (preset.entry, preset)
        }
        // A framework's own name (`gelu_new`, read in a model config) points to its preset.
        if let preset = FrameworkPreset.all.first(where: { $0.names.contains { normalize($0) == key } }) {
            throw .unknownFunction(name, suggestion: preset.qualifiedName)
        }
        let candidates = all.flatMap { [$0.name] + $0.aliases } + classNames
        throw .unknownFunction(name, suggestion: Suggestion.nearest(to: name, among: candidates))
    }

    /// Every framework class name a spec may use alone (`ActivationLReLU`).
    private static var classNames: [String] { FrameworkPreset.all.compactMap { $0.spelling(.className) } }

    /// A constructor call as a framework's code writes it, `new ActivationLReLU()`, as the spec
    /// of its class; nil for any other text.
    /// - Throws: ``ActivationError/unknownFunction(_:suggestion:)`` for a class no framework
    ///   has, ``ActivationError/malformedSpec(_:reason:)`` for constructor arguments, which
    ///   a spec gives by name instead.
    private static func constructor(_ spec: String) throws(ActivationError) -> String? {
        let text = spec.trimmingWhitespace
        // `new NAME(ARGUMENTS)`, a `;` after it allowed; read by hand, as every spec passes here.
        guard text.hasPrefix("new"), let open = text.firstIndex(of: "("),
            let close = text.dropFirst().lastIndex(of: ")"), open < close,
            text[text.index(after: close)...].allSatisfy({ $0 == ";" || $0.isWhitespace })
        else { return nil }
        let head = text[text.index(text.startIndex, offsetBy: 3)..<open]
        let name = head.trimmingWhitespace
        guard head.first?.isWhitespace == true, !name.isEmpty,
            name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
        else { return nil }
        let arguments = text[text.index(after: open)..<close]
        guard let preset = FrameworkPreset.all.first(where: { $0.spelling(.className) == name }) else {
            throw .unknownFunction(name, suggestion: Suggestion.nearest(to: name, among: classNames))
        }
        let spec = "\(preset.framework.rawValue).\(name)"
        guard arguments.allSatisfy(\.isWhitespace) else {
            let parameters = preset.entry.parameters.map { preset.frameworkParameter(named: $0.name) }
            let example = parameters.first.map { "\(spec):\($0)=…" } ?? spec
            let reason = "a spec gives a class's parameters by name, not as constructor arguments"
            throw .malformedSpec(text, reason: "\(reason): write \(example)")
        }
        return spec
    }

    /// Whether a FUNCTION argument is a formula rather than a catalog spec.
    ///
    /// A formula holds an operator or parenthesis, starts with a digit, '.' or '-', or is `x` itself. Specs
    /// (`leaky_relu:alpha=-0.2`, `torch.relu`) and catalog names written with '-' or spaces
    /// (`leaky-relu`, `leaky relu`) never do.
    /// - Parameter text: The argument, trimmed.
    /// - Returns: True for an expression.
    public static func isExpression(_ text: String) -> Bool {
        if settingsColon(text) != nil || entry(named: text) != nil { return false }
        guard let first = text.first else { return false }
        return text == "x" || first.isNumber || first == "." || first == "-" || first == "+" || first == "!"
            || text.contains { "()+-*/^ <>=!&|?²³−×·÷≤≥≠".contains($0) }
    }

    /// The `:` that starts a spec's settings (`leaky_relu:alpha=0.2`): the first outside
    /// parentheses that closes no `?` of a formula's `c ? a : b`; nil if there is none.
    static func settingsColon(_ text: String) -> String.Index? {
        var depth = 0
        var open = 0  // `?`s waiting for their `:`
        for i in text.indices {
            switch text[i] {
            case "(": depth += 1
            case ")": depth -= 1
            case "?" where depth == 0: open += 1
            case ":" where depth == 0:
                if open == 0 { return i }
                open -= 1
            default: break
            }
        }
        return nil
    }

    /// The preset a dotted name denotes.
    /// - Parameter name: `torch.hardsigmoid`, `tf.nn.relu6`, `keras.layers.LeakyReLU`, …; the
    ///   framework may go by another common name (`pytorch.nn.relu`, `tensorflow.nn.elu`).
    /// - Returns: The preset.
    /// - Throws: ``ActivationError/unknownFramework(_:suggestion:)``,
    ///   ``ActivationError/notInFramework(framework:name:suggestion:)``, or
    ///   ``ActivationError/elsewhere(framework:name:answer:)`` for a name that means something
    ///   known (another version's, or a name of another form).
    public static func preset(named name: String) throws(ActivationError) -> FrameworkPreset {
        guard let dot = name.lastIndex(of: ".") else {
            throw .unknownFramework(name, suggestion: nil)
        }
        let path = name[..<dot].lowercased()
        let function = String(name[name.index(after: dot)...])
        let head = path.prefix { $0 != "." }
        let module = path.dropFirst(head.count + 1)
        guard let framework = try? Framework(named: String(head)),
            let selected = framework.modules.first(where: { $0.path.lowercased() == module })
        else {
            if let answer = kerasInsideTensorFlow(path, function) {
                throw .elsewhere(framework: String(name[..<dot]), name: function, answer: answer)
            }
            let prefixes = Framework.allCases.flatMap { $0.prefixes.map(\.path) }
            throw .unknownFramework(
                String(name[..<dot]), suggestion: Suggestion.nearest(to: path, among: prefixes))
        }
        let prefix = framework.rawValue + (selected.path.isEmpty ? "" : "." + selected.path)
        guard let found = lookup(function, in: framework, selected.namespace) else {
            if let answer = MissingActivation.answer(for: function, in: framework, selected.namespace) {
                throw .elsewhere(framework: prefix, name: function, answer: answer)
            }
            // The same name in another part of the framework (keras.tanh for keras.layers.tanh),
            // or the nearest name in this part.
            let other = FrameworkPreset.presets(of: framework).first { preset in
                preset.names.contains { normalize($0) == normalize(function) }
            }
            let names = FrameworkPreset.presets(of: framework).filter { $0.namespace == selected.namespace }
                .flatMap(\.names)
            throw .notInFramework(
                framework: prefix, name: function,
                suggestion: other?.qualifiedName ?? Suggestion.nearest(to: function, among: names))
        }
        if let form = selected.form, let answer = MissingActivation.answer(for: found, needing: form) {
            throw .elsewhere(framework: prefix, name: function, answer: answer)
        }
        return found
    }

    /// The preset of a framework's namespace that answers to a name; `keras.ops` falls back on
    /// `keras.activations`, whose functions it shares where it does not differ.
    private static func lookup(
        _ name: String, in framework: Framework, _ namespace: FrameworkPreset.Namespace
    ) -> FrameworkPreset? {
        let key = normalize(name)
        let presets = FrameworkPreset.presets(of: framework)
        func matches(_ preset: FrameworkPreset) -> Bool {
            preset.names.contains { normalize($0) == key }
        }
        return presets.first { $0.namespace == namespace && matches($0) }
            ?? (namespace == .ops ? presets.first { $0.namespace == .main && matches($0) } : nil)
    }

    /// What `tf.keras.…` means: Keras 2 up to TensorFlow 2.15 and Keras 3 from 2.16, so the
    /// answer names both presets (that exist); nil for any other path.
    private static func kerasInsideTensorFlow(_ path: String, _ function: String) -> String? {
        let head = path.prefix { $0 != "." }
        guard (try? Framework(named: String(head))) == .tf else { return nil }
        let rest = path.dropFirst(head.count + 1)
        guard rest == "keras" || rest.hasPrefix("keras.") else { return nil }
        let module = rest.dropFirst("keras".count)
        let presets = [Framework.keras2, .keras].compactMap { version in
            try? preset(named: "\(version.rawValue)\(module).\(function)")
        }
        guard !presets.isEmpty else { return nil }
        return "tf.keras is Keras 2 up to TensorFlow 2.15 and Keras 3 from 2.16; write "
            + presets.map(\.qualifiedName).joined(separator: " or ")
    }

    /// Reads `param=value,...`.
    private static func settings(
        _ text: Substring, of entry: CatalogEntry, preset: FrameworkPreset?, spec: String
    ) throws(ActivationError) -> ([String: ParameterValue], KinkConvention?) {
        var values: [String: ParameterValue] = [:]
        var kink: KinkConvention?
        for item in text.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let written = parts.first.map { String($0).trimmingWhitespace } ?? ""
            let key = preset?.catalogParameter(named: written) ?? written
            guard parts.count == 2, !written.isEmpty else {
                throw .malformedSpec(
                    spec,
                    reason:
                        "expected PARAM=VALUE after ':', got '\(ActivationError.shown(String(item)))' (e.g. leaky_relu:alpha=0.2)"
                )
            }
            let raw = String(parts[1]).trimmingWhitespace
            if values[key] != nil || (key == "kink" && kink != nil) {
                throw .malformedSpec(spec, reason: "'\(ActivationError.shown(written))' is given twice")
            }
            let function = preset?.qualifiedName ?? entry.name
            if key == "kink" {
                guard entry.hasKinks else {
                    let why = entry.cornerRule.map { "follows \($0)" } ?? "has no corners"
                    throw .malformedSpec(spec, reason: "\(function) \(why), so 'kink' does not apply")
                }
                guard let convention = KinkConvention(rawValue: raw.lowercased()) else {
                    throw .invalidParameter(
                        function: function, parameter: "kink", value: raw,
                        expected: "one of exclusive, inclusive, average")
                }
                kink = convention
                continue
            }
            guard let parameter = entry.parameter(named: key) else {
                let names = entry.parameters.map { preset?.frameworkParameter(named: $0.name) ?? $0.name }
                throw .unknownParameter(
                    function: function, parameter: written, known: names + (entry.hasKinks ? ["kink"] : []))
            }
            switch parameter.kind {
            case .choice:
                values[key] = .choice(raw.lowercased())
            case .real(_, let domain):
                // Checked here, so that the message shows what was typed (1e400, not inf).
                guard let number = DecimalText.parse(raw, allowingFraction: true), domain.contains(number)
                else {
                    throw .invalidParameter(
                        function: function, parameter: written, value: raw, expected: domain.description)
                }
                values[key] = .real(number)
            }
        }
        return (values, kink)
    }
}
