import Testing

@testable import ActivationCore

/// What a survey visits, and that its answer does not depend on the cores it runs on.
@Suite("Survey coverage")
struct SurveyCoverageTests {
    @Test("float32 has 2^32 − 2^24 − 2 finite non-zero inputs; a stride of 2^k takes every 2^k-th")
    func counts() {
        #expect(FormatSurvey.inputs(.float32, coverage: .every) == 4_278_190_078)
        #expect(
            FormatSurvey.inputs(.float32, coverage: .standard)
                == FormatSurvey.inputs(.float32, coverage: .stride(14)))
        #expect(FormatSurvey.inputs(.bfloat16, coverage: .standard) == 65_280 - 2)
        // 1, 1 + 2^20, … below the largest finite pattern 0x7F7FFFFF, then it: 2041 a side.
        #expect(FormatSurvey.inputs(.float32, coverage: .stride(20)) == 2 * (0x7F7F_FFFD / (1 << 20) + 2))
    }

    @Test("one core or two, the same thresholds, worst errors and uncertain counts")
    func threads() throws {
        let cases =
            ["sigmoid", "gelu", "softplus"].flatMap { spec in
                FormatEvaluation.Arithmetic.textbook.map { (spec, $0) }
            } + [("torch.GELU", FormatEvaluation.Arithmetic.framework)]
        for (spec, arithmetic) in cases {
            let e = FormatEvaluation(try Catalog.activation(spec), format: .float32, arithmetic: arithmetic)
            let one = FormatSurvey(e, coverage: .stride(16), threads: 1)
            let two = FormatSurvey(e, coverage: .stride(16), threads: 2)
            #expect(one.thresholds == two.thresholds && one.worst == two.worst, "\(spec) \(arithmetic)")
            #expect(one.uncertain == two.uncertain && one.inputs == two.inputs)
        }
    }

    @Test("every bfloat16 input by request is the standard survey; a stride samples and says so")
    func explicit() throws {
        let e = FormatEvaluation(try Catalog.activation("gelu"), format: .bfloat16, arithmetic: .naive)
        let (standard, every) = (FormatSurvey(e), FormatSurvey(e, coverage: .every))
        #expect(standard.thresholds == every.thresholds && standard.worst == every.worst && every.exhaustive)
        let sampled = FormatSurvey(e, coverage: .stride(4))
        #expect(!sampled.exhaustive && sampled.stride == 4 && sampled.inputs < every.inputs / 15)
    }

    @Test("progress counts every input a survey visits")
    func progress() throws {
        let progress = SurveyProgress()
        let e = FormatEvaluation(try Catalog.activation("tanh"), format: .float16)
        progress.plan(FormatSurvey.inputs(.float16, coverage: .standard))
        let survey = FormatSurvey(e, progress: progress)
        #expect(
            progress.visited == survey.inputs && progress.total == survey.inputs && progress.fraction == 1)
    }
}
