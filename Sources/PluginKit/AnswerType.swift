import Foundation

/// The kind of answer a question takes, with its validation.
public enum AnswerType: Sendable, Hashable {
    case yesNo
    /// Exactly one of the listed choice keys.
    case choice([String])
    /// Any number of the listed choice keys (at least one).
    case multiChoice([String])
    /// A whole number within the range.
    case number(ClosedRange<Int>)
    /// A calendar date (ISO 2024-03-01 or German 01.03.2024).
    case date
    /// Free text up to a length; kept short because it is personal data.
    case text(maxLength: Int)
    /// A CEFR level A1–C2.
    case cefrLevel

    /// The choice keys of a choice or multi-choice question, else empty.
    public var choices: [String] {
        switch self {
        case .choice(let keys), .multiChoice(let keys): keys
        default: []
        }
    }

    /// Parses what a user typed. Choices may be given by number (1-based) or key;
    /// several choices are separated by commas.
    public func parse(_ input: String) -> Result<AnswerValue, AnswerError> {
        let text = input.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { return .failure(.empty) }
        switch self {
        case .yesNo:
            switch text.lowercased() {
            case "j", "ja", "y", "yes": return .success(.yes(true))
            case "n", "nein", "no": return .success(.yes(false))
            default: return .failure(.notYesNo)
            }
        case .choice(let keys):
            return Self.choice(text, in: keys).map(AnswerValue.choice)
        case .multiChoice(let keys):
            var picked: [String] = []
            for part in text.split(separator: ",") {
                switch Self.choice(part.trimmingCharacters(in: .whitespaces), in: keys) {
                case .success(let key): if !picked.contains(key) { picked.append(key) }
                case .failure(let error): return .failure(error)
                }
            }
            return picked.isEmpty ? .failure(.empty) : .success(.choices(picked))
        case .number(let range):
            guard let value = Int(text) else { return .failure(.notANumber) }
            return range.contains(value) ? .success(.number(value)) : .failure(.outOfRange(range))
        case .date:
            return LocalDate(parsing: text).map { .success(.date($0)) } ?? .failure(.notADate)
        case .text(let max):
            return text.count <= max ? .success(.text(text)) : .failure(.tooLong(max))
        case .cefrLevel:
            return CEFRLevel(rawValue: text.uppercased()).map { .success(.level($0)) } ?? .failure(.notALevel)
        }
    }

    /// Reads a value back from its stored form (see `AnswerValue.stored`).
    public func decode(stored: String) -> AnswerValue? {
        switch self {
        case .yesNo: stored == "yes" ? .yes(true) : stored == "no" ? .yes(false) : nil
        case .choice(let keys): keys.contains(stored) ? .choice(stored) : nil
        case .multiChoice(let keys):
            stored.split(separator: ";").map(String.init).allSatisfy(keys.contains)
                ? .choices(stored.split(separator: ";").map(String.init)) : nil
        case .number: Int(stored).map(AnswerValue.number)
        case .date: LocalDate(iso: stored).map(AnswerValue.date)
        case .text: .text(stored)
        case .cefrLevel: CEFRLevel(rawValue: stored).map(AnswerValue.level)
        }
    }

    private static func choice(_ text: String, in keys: [String]) -> Result<String, AnswerError> {
        if let index = Int(text) {
            return keys.indices.contains(index - 1) ? .success(keys[index - 1]) : .failure(.unknownChoice(text))
        }
        let lowered = text.lowercased()
        if keys.contains(lowered) { return .success(lowered) }
        let prefixed = keys.filter { $0.hasPrefix(lowered) }
        return prefixed.count == 1 ? .success(prefixed[0]) : .failure(.unknownChoice(text))
    }
}
