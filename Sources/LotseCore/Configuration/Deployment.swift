import PluginKit

/// Settings of the installation as a whole.
public struct Deployment: Sendable, Equatable {
    /// Language of texts, agreements and reports: "de" or "en".
    public var locale = "de"
    /// Years closed cases are kept before `batch purge` deletes them.
    public var retentionYears = 10
    /// Places per funded full-time equivalent (the reference: 613 persons for 7.5 FTE).
    public var personsPerFTE = 82
    /// Months without a conversation after which `batch close --rule inactive` applies.
    public var inactiveMonths = 6
    /// Years of care the funding allows; a justified extension adds one.
    public var maxCareYears = 3
    /// Months before a case reaches its limit of care that `due` lists it and the report
    /// counts it as near the limit.
    public var careEndWarningMonths = 3
    /// Which administrative rule decides the waiting list's order (`Eligibility`).
    public var eligibility = Eligibility.vwv2018
    /// Folder of trusted senders' public keys for signed handover bundles.
    public var trustedKeysDir: String?
    /// Minutes of inactivity after which the kiosk logs out.
    public var idleLogoutMinutes = 10.0
    /// The only folder kiosk users may read files from and write exports to (default:
    /// `lotse-export` in the kiosk account's home).
    public var kioskExportDir: String?
    /// Largest file a received bundle may hold, in MB.
    public var bundleMaxEntryMB = 512
    /// Largest total a received bundle may unpack to, in MB.
    public var bundleMaxTotalMB = 4096
    /// Days a backup is kept before `lotse backup prune` deletes it.
    public var backupRetentionDays = 90
    /// Largest `data/case.json` a received bundle may hold, in MB.
    public var caseJSONMaxMB = 16
    /// Most persons one case may hold; more in a received bundle is refused.
    public var maxPersonsPerCase = 30
    /// Longest field a legacy CSV file may hold, in KB (a line may hold 16 such fields).
    public var csvMaxFieldKB = 64
    /// Longest single-line text field (a name, a title, a place), in characters.
    public var maxFieldChars = 500
    /// Longest note (a conversation's or case note, a referral's problem), in characters.
    public var maxNoteChars = 50_000
    /// The two as the store, the import and the bundle reader check them.
    public var fieldLimits: FieldLimits { FieldLimits(lineChars: maxFieldChars, noteChars: maxNoteChars) }
    /// Largest file a user may attach, in MB.
    public var attachmentMaxMB = 100
    /// Largest backup `restore` reads, in MB.
    public var backupMaxMB = 16_384
    /// Days after which a handover without a receipt is listed by `due` and `handover list`.
    public var receiptOverdueDays = 14
    /// This installation's Ed25519 private key (readable only by the account lotse runs
    /// as): signs receipts and, unless `--sign` names another, bundles.
    public var signingKey: String?
    /// The rules `batch close` runs when no `--rule` is given (the nightly timer).
    public var batchCloseRules: [ClosureRule] = []
    /// Offer cases past retention to the competent archive before `batch purge` deletes
    /// them (Landesarchivgesetz BW); off only for a county with its archive's written waiver.
    public var archiveOffer = true
    /// Months the archive has to answer an offer before `batch purge` may delete.
    public var archiveAnswerMonths = 6
    /// Whether the offer list names the persons (read from the archive bundles).
    public var archiveOfferNames = false

    public init() {}

    /// The range of every numeric setting; a value outside is a configuration error.
    public enum Bounds {
        public static let retentionYears = 1...100
        public static let personsPerFTE = 1...10_000
        public static let inactiveMonths = 1...120
        public static let maxCareYears = 1...20
        public static let careEndWarningMonths = 1...24
        public static let idleLogoutMinutes = 0.05...1440.0  // 3 seconds (tests) to a day
        public static let bundleMaxEntryMB = 1...65_536
        public static let bundleMaxTotalMB = 1...1_048_576
        public static let backupRetentionDays = 1...36_500
        public static let caseJSONMaxMB = 1...1024
        public static let maxPersonsPerCase = 1...1000
        public static let csvMaxFieldKB = 1...65_536
        public static let receiptOverdueDays = 1...365
        public static let maxFieldChars = 20...100_000
        public static let maxNoteChars = 200...10_000_000
        public static let attachmentMaxMB = 1...65_536
        public static let backupMaxMB = 1...1_048_576
        public static let archiveAnswerMonths = 1...60
    }

    /// Every key `deployment` may hold, for the message about an unknown one.
    public static let settingNames = ["locale", "retentionYears", "personsPerFTE", "inactiveMonths", "maxCareYears", "careEndWarningMonths", "eligibility", "idleLogoutMinutes",
                                      "trustedKeysDir", "kioskExportDir", "signingKey", "bundleMaxEntryMB", "bundleMaxTotalMB", "caseJSONMaxMB",
                                      "maxPersonsPerCase", "csvMaxFieldKB", "maxFieldChars", "maxNoteChars", "attachmentMaxMB", "backupMaxMB", "receiptOverdueDays", "backupRetentionDays", "batchCloseRules",
                                      "archiveOffer", "archiveAnswerMonths", "archiveOfferNames"]
}
