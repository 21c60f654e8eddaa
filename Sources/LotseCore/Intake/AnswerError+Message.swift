import PluginKit

extension AnswerError {
    /// Why a typed answer was not taken, in the catalog's words.
    public var message: Message {
        switch self {
        case .empty: Message("validation.empty")
        case .notYesNo: Message("validation.notYesNo")
        case .unknownChoice(let input): Message("validation.unknownChoice", ["input": .text(input)])
        case .notANumber: Message("validation.notANumber")
        case .outOfRange(let range): Message("validation.outOfRange", ["min": .number(range.lowerBound), "max": .number(range.upperBound)])
        case .notADate: Message("validation.notADate")
        case .tooLong(let max): Message("validation.tooLong", ["max": .number(max)])
        case .notALevel: Message("validation.notALevel")
        }
    }
}
