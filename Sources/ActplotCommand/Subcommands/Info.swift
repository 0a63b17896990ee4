import ActivationCore
import ArgumentParser

extension Actplot {
    /// `actplot info FUNCTION`: definition, parameters, framework versions, measured properties, notes.
    struct Info: ConsoleCommand {
        static let configuration = CommandConfiguration(
            commandName: "info",
            abstract: "Show a function's formula, parameters, framework versions, properties and notes.",
            discussion: """
                Properties are measured over --range on 20001 points: the output range, \
                monotonicity, whether outputs are centred on 0, f(0), f′(0) and f″(0), the limits \
                at ±∞, smoothness, and where |f′| < 1e-3 (saturated or dead zones).

                Examples:
                  actplot info gelu
                  actplot info torch.softplus --range -30:30
                  actplot info leaky_relu:alpha=0.2 --json
                  actplot info 'x/sqrt(1+x^2)'
                  actplot info --dtype e4m3
                  actplot info gelu --dtype bf16 --arith naive

                With --dtype, info states the format's conversion rules, and with a function \
                where it breaks in that format (as actplot precision does).
                """
        )

        @Argument(help: .function, completion: .functionNames)
        var function: String?

        @OptionGroup var range: RangeOption

        @OptionGroup var precision: PrecisionOptions

        @OptionGroup var survey: SurveyOptions

        @OptionGroup var others: OthersOption

        @OptionGroup var output: JSONOption

        func run(on console: inout Console) throws {
            if let format = try precision.format(scales: function == nil) {
                let coverage = try self.survey.coverage(.standard, formats: [format])
                let progress = SurveyProgress()
                let survey = try function.map { name in
                    let f = try others.activation(name, for: "info")
                    let arithmetics = try precision.arithmetics(for: [f], in: [format])
                    let isa = try precision.instructionSet()
                    return ProgressBar.run(
                        progress, label: "\(f.name) in \(format.name)", in: console.environment
                    ) {
                        SurveyReport(
                            of: f, in: [format], arithmetics: arithmetics, coverage: coverage,
                            threads: self.survey.threads, progress: progress, isa: isa)
                    }
                }
                return try console.print(NumberFormatReport(format, survey: survey), json: output.json)
            }
            guard let function else {
                throw ValidationError(
                    "give a function (actplot info gelu) or a format (actplot info --dtype bf16)")
            }
            let members = try others.activations([function])
            if members.count > 1 {
                let report = FamilyReport(function, members: members, over: range.range.closedRange)
                return try console.print(report, json: output.json)
            }
            try console.print(FunctionReport(members[0], over: range.range.closedRange), json: output.json)
        }
    }
}
