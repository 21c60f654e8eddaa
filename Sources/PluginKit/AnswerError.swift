import Foundation

/// Why an answer was not accepted. The host turns it into a localized re-ask.
public enum AnswerError: Error, Sendable, Hashable {
    case empty
    case notYesNo
    case unknownChoice(String)
    case notANumber
    case outOfRange(ClosedRange<Int>)
    case notADate
    case tooLong(Int)
    case notALevel
}
