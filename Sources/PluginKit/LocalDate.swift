/// A calendar date without time or time zone: what case files record (birth dates,
/// conversations, due dates). Comparable, and stored as ISO "YYYY-MM-DD" so that SQL
/// compares dates as text.
public struct LocalDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the date exists in the calendar.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "2024-03-01".
    public init?(iso text: some StringProtocol) {
        // The usual shape, "2024-03-01", read from its bytes (imports read millions of
        // dates); anything else the long way.
        var fields = (year: 0, month: 0, day: 0), position = 0
        for byte in text.utf8 {
            let digit = Int(byte) - Int(UInt8(ascii: "0"))
            let expected = position == 4 || position == 7 ? byte == UInt8(ascii: "-") : (0...9).contains(digit)
            guard position < 10, expected else { position = 11; break }
            switch position {
            case 0...3: fields.year = fields.year * 10 + digit
            case 5, 6: fields.month = fields.month * 10 + digit
            case 8, 9: fields.day = fields.day * 10 + digit
            default: break
            }
            position += 1
        }
        if position == 10 {
            self.init(year: fields.year, month: fields.month, day: fields.day)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Parses ISO "2024-03-01" or German "1.3.2024" / "01.03.2024".
    public init?(parsing text: some StringProtocol) {
        if let date = LocalDate(iso: text) { self = date; return }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[2].count == 4,
              let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public var iso: String {
        // Written byte by byte (year 1…9999): reports and imports write millions of dates.
        let zero = UInt8(ascii: "0"), dash = UInt8(ascii: "-")
        return String(unsafeUninitializedCapacity: 10) { buffer in
            buffer[0] = zero + UInt8(year / 1000)
            buffer[1] = zero + UInt8(year / 100 % 10)
            buffer[2] = zero + UInt8(year / 10 % 10)
            buffer[3] = zero + UInt8(year % 10)
            buffer[4] = dash
            buffer[5] = zero + UInt8(month / 10)
            buffer[6] = zero + UInt8(month % 10)
            buffer[7] = dash
            buffer[8] = zero + UInt8(day / 10)
            buffer[9] = zero + UInt8(day % 10)
            return 10
        }
    }

    public var description: String { iso }

    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// The first and last dates lotse can hold; arithmetic beyond them stops there.
    public static let earliest = LocalDate(year: 1, month: 1, day: 1)!
    public static let latest = LocalDate(year: 9999, month: 12, day: 31)!

    /// The same day `months` later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)
    /// and to `earliest…latest`, so no setting can make date arithmetic trap.
    public func adding(months: Int) -> LocalDate {
        let (shift, overflow) = months.addingReportingOverflow(year * 12 + (month - 1))
        if overflow || shift < 12 { return months < 0 ? .earliest : .latest }
        let y = shift / 12, m = shift % 12 + 1
        guard y <= 9999 else { return .latest }
        return LocalDate(year: y, month: m, day: min(day, Self.daysIn(month: m, year: y)))!
    }

    /// The same day `days` later (or earlier when negative), clamped to `earliest…latest`.
    public func adding(days: Int) -> LocalDate {
        let (target, overflow) = dayNumber.addingReportingOverflow(days)
        if overflow { return days < 0 ? .earliest : .latest }
        return LocalDate(dayNumber: min(max(target, Self.earliest.dayNumber), Self.latest.dayNumber))
    }

    /// Full years between a birth date and `date`: the age on that day.
    public func age(on date: LocalDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    /// Days since 1970-01-01 (proleptic Gregorian), for date arithmetic.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = LocalDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected a date YYYY-MM-DD, got \"\(text)\""))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
