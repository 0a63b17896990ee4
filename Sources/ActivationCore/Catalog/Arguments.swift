/// The resolved parameters of one function, as its entry's closures read them.
///
/// A closure reads a parameter through the ``Parameter`` its entry declared, never through a
/// name: `a[alpha]`, where `alpha` is the constant in the entry's `parameters`. Reading a
/// parameter the entry does not declare is a programming error and traps.
struct Arguments: Sendable {
    /// The function's canonical name, for error messages.
    let function: String
    /// Every declared parameter with its value (given or default), in declaration order.
    let values: [(parameter: Parameter, value: ParameterValue)]
    /// The derivative convention at corners.
    let kink: KinkConvention
    /// For a vector function's one-component slice: the fixed other inputs.
    let others: [Double]

    /// The value of a declared parameter.
    private func value(of parameter: Parameter) -> ParameterValue {
        guard let value = values.first(where: { $0.parameter == parameter })?.value else {
            preconditionFailure("\(function) does not declare the parameter '\(parameter.name)'")
        }
        return value
    }

    /// A real parameter's value.
    /// - Parameter parameter: One of the entry's real parameters.
    subscript(_ parameter: Parameter) -> Double {
        guard case .real(let number) = value(of: parameter) else {
            preconditionFailure("\(function)'s parameter '\(parameter.name)' is not a number")
        }
        return number
    }

    /// A choice parameter's word.
    /// - Parameter parameter: One of the entry's choice parameters.
    func choice(_ parameter: Parameter) -> String {
        guard case .choice(let word) = value(of: parameter) else {
            preconditionFailure("\(function)'s parameter '\(parameter.name)' is not a choice")
        }
        return word
    }

    /// Throws unless `condition` holds: the constraint a parameter breaks, in an entry's `validate`.
    /// - Parameters:
    ///   - condition: The constraint.
    ///   - parameter: The parameter to blame.
    ///   - expected: What it must be, in words (`a number ≤ upper (0.1)`).
    func require(_ condition: Bool, _ parameter: Parameter, _ expected: String) throws(ActivationError) {
        guard !condition else { return }
        throw .invalidParameter(
            function: function, parameter: parameter.name, value: value(of: parameter).description,
            expected: expected)
    }
}
