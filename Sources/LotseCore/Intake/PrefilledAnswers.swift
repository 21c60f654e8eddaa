import Foundation
import PluginKit

/// `lotse intake --answers FILE.json`: `{"household": {"housing.current": "own_flat"},
/// "persons": {"12": {"language.in_course": "ja"}}}` — values as one would type them.
public struct PrefilledAnswers: Decodable, Sendable {
    var household: [String: String]
    var persons: [String: [String: String]]

    enum CodingKeys: String, CodingKey { case household, persons }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        household = try container.decodeIfPresent([String: String].self, forKey: .household) ?? [:]
        persons = try container.decodeIfPresent([String: [String: String]].self, forKey: .persons) ?? [:]
    }

    /// Reads the file (at most 1 MiB), with the user's rights.
    public static func load(_ path: String) throws -> PrefilledAnswers {
        let data = try UserRights.read(path, limit: 1 << 20)
        do { return try JSONDecoder().decode(PrefilledAnswers.self, from: data) } catch {
            throw UsageError("intake.answersFile", ["path": .text(path)])
        }
    }

    /// Every answer the file gives, checked against the plan and parsed, in the plan's
    /// order; a bad one stops with the question it belongs to.
    func answers(for plan: IntakePlan, caseId: Int64) throws -> [(IntakeStep, AnswerValue)] {
        var given: [(IntakeStep, String)] = household.map { (IntakeStep(module: Self.module($0.key), question: $0.key, personId: nil), $0.value) }
        for (person, values) in persons {
            guard let id = Int64(person), plan.persons.contains(where: { $0.id == id }) else {
                throw UsageError("intake.answersPerson", ["person": .text(person), "case": .number(caseId)])
            }
            given += values.map { (IntakeStep(module: Self.module($0.key), question: $0.key, personId: id), $0.value) }
        }
        return try given.sorted { (plan.index(of: $0.0) ?? 0) < (plan.index(of: $1.0) ?? 0) }.map { step, input in
            guard plan.index(of: step) != nil else { throw UsageError("intake.answersQuestion", ["question": .text(step.key)]) }
            switch plan.question(step).type.parse(input) {
            case .success(let value): return (step, value)
            case .failure(let error):
                throw UsageError("intake.answersValue", ["question": .text(step.key), "value": .text(input), "problem": .message(error.message)])
            }
        }
    }

    private static func module(_ question: String) -> String { String(question.prefix { $0 != "." }) }
}
