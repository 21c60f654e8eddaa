

/// A test on one answer.
public enum AnswerTest: Sendable, Hashable, CustomStringConvertible {
    case isYes
    case isNo
    case isOneOf([String])
    case includes(String)
    case atLeast(Int)
    case levelBelow(CEFRLevel)

    public func holds(for value: AnswerValue) -> Bool {
        switch (self, value) {
        case (.isYes, .yes(let flag)): flag
        case (.isNo, .yes(let flag)): !flag
        case (.isOneOf(let keys), .choice(let key)): keys.contains(key)
        case (.includes(let key), .choices(let keys)): keys.contains(key)
        case (.atLeast(let minimum), .number(let n)): n >= minimum
        case (.levelBelow(let level), .level(let reached)): reached < level
        default: false
        }
    }

    public var description: String {
        switch self {
        case .isYes: "= yes"
        case .isNo: "= no"
        case .isOneOf(let keys): "in {\(keys.joined(separator: ", "))}"
        case .includes(let key): "includes \(key)"
        case .atLeast(let n): "≥ \(n)"
        case .levelBelow(let level): "below \(level.rawValue)"
        }
    }
}
