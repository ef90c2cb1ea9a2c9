/// "PLATFORM=HOST:PORT": a target platform and the address of its connector
/// service, as `--connector` takes it (synchealthd and `synchealth retry`).
/// The one parser of that form; the address is checked by whoever dials it.
public struct PlatformAssignment: Sendable, Hashable {
    /// The target platform, e.g. "xero".
    public var platform: String
    /// The connector's "host:port".
    public var address: String

    /// Parses "PLATFORM=HOST:PORT"; nil when either side is empty or there
    /// is no '='.
    public init?(parsing text: String) {
        guard let equals = text.firstIndex(of: "=") else { return nil }
        let platform = String(text[..<equals])
        let address = String(text[text.index(after: equals)...])
        guard !platform.isEmpty, !address.isEmpty else { return nil }
        self.platform = platform
        self.address = address
    }

    /// What a malformed value gets told.
    public static func usage(_ text: String) -> String { "--connector wants PLATFORM=HOST:PORT, got '\(text)'" }
}
