public import SyncHealthServer
import SyncHealthWire

extension DaemonSettingsTable {
    /// Reads the settings flags of a command line: `--key VALUE`,
    /// `--key=VALUE`, the switches (`--demo`, `--no-auth`) and repeatable
    /// family flags (`--connector PLATFORM=HOST:PORT`).
    /// - Returns: key -> value, as `DaemonSettings.resolve` takes them.
    /// - Throws: `SettingsError` for an unknown flag, a missing value or a
    ///   stray argument.
    public static func flags(from arguments: [String]) throws(SettingsError) -> [String: String] {
        var flags: [String: String] = [:]
        var index = 0
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("--"), argument.count > 2 else {
                throw SettingsError("unexpected argument '\(argument)'; settings are given as --key value (see --help)")
            }
            var name = String(argument.dropFirst(2))
            var inlineValue: String?
            if let equals = name.firstIndex(of: "=") {
                inlineValue = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            func value() throws(SettingsError) -> String {
                if let inlineValue { return inlineValue }
                guard index < arguments.count else { throw SettingsError("--\(name) needs a value") }
                index += 1
                return arguments[index - 1]
            }
            if let (key, toggled) = toggle(named: name) {
                guard inlineValue == nil else { throw SettingsError("--\(name) takes no value") }
                flags[key] = toggled
            } else if let setting = setting(forKey: name), case .value = setting.flag {
                flags[setting.key] = try value()
            } else if let family = families.first(where: { $0.flagName == name }) {
                let text = try value()
                guard let assignment = PlatformAssignment(parsing: text) else {
                    throw SettingsError(PlatformAssignment.usage(text))
                }
                flags[family.prefix + assignment.platform] = assignment.address
            } else {
                throw SettingsError("unknown option '--\(name)'; see synchealthd --help")
            }
        }
        return flags
    }

    /// The key and value the switch `--<name>` stands for.
    private static func toggle(named name: String) -> (key: String, value: String)? {
        for setting in settings {
            if case let .toggle(toggleName, value) = setting.flag, toggleName == name { return (setting.key, value) }
        }
        return nil
    }

    /// The settings as `--help` lists them: flag, default, environment
    /// variable and help, one block each.
    public static var helpText: String {
        var lines: [String] = []
        for setting in settings {
            lines.append("  \(setting.flagUsage)  (default \(plain(setting.defaultText)); \(setting.environmentName))")
            lines.append("      \(plain(setting.help))")
        }
        for family in families {
            let usage = family.flagName.map { "--\($0) \(family.nameWord.uppercased())=\(family.valueForm)" }
                ?? "\(family.prefix)<\(family.nameWord)> = \(family.valueForm) (config file)"
            lines.append("  \(usage)")
            lines.append("      \(plain(family.help))")
        }
        return lines.joined(separator: "\n")
    }

    /// The README's table of settings (between its settings-table markers).
    public static var markdown: String {
        var rows = ["| key | flag | default | meaning |", "|---|---|---|---|"]
        for setting in settings {
            rows.append("| `\(setting.key)` | `\(setting.flagUsage)` | \(setting.defaultText) | \(setting.help) |")
        }
        for family in families {
            let flag = family.flagName.map { "`--\($0) \(family.nameWord.uppercased())=\(family.valueForm)`" } ?? "config file only"
            rows.append("| `\(family.prefix)<\(family.nameWord)>` | \(flag) | | \(family.help) |")
        }
        return rows.joined(separator: "\n")
    }

    /// Markdown without its code marks and table escapes, for a terminal.
    private static func plain(_ text: String) -> String {
        text.replacing("`", with: "").replacing("\\|", with: "|")
    }
}
