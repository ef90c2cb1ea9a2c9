import SyncHealthServer

/// One daemon setting, declared once in `DaemonSettingsTable`: its key (the
/// config-file key, `--key` flag and `SYNCHEALTH_KEY` variable), how it is
/// given on the command line, its default, its help, and how a value is
/// checked and stored. Flags, environment, config file, `--help` and the
/// README's table are all read from it.
public struct DaemonSetting: Sendable {
    /// How the setting is given on the command line.
    public enum Flag: Sendable, Equatable {
        /// `--<key> VALUE` (or `--<key>=VALUE`).
        case value(placeholder: String)
        /// A switch `--<name>` that stands for `<key> = <value>`, e.g.
        /// `--no-auth` for `auth = off`.
        case toggle(name: String, value: String)
    }

    /// Where a value came from, for error messages.
    public enum Source: Sendable, CustomStringConvertible {
        case file
        case environment(String)
        case flag(String)

        public var description: String {
            switch self {
            case .file: return "config file"
            case let .environment(name): return name
            case let .flag(key): return "--\(key)"
            }
        }
    }

    /// The config-file key, e.g. "max-connections".
    public let key: String
    /// The command-line form.
    public let flag: Flag
    /// The default, as the README and `--help` show it.
    public let defaultText: String
    /// What the setting does, for `--help` and the README.
    public let help: String
    /// Checks `value` and stores it; `source` names where it came from.
    let apply: @Sendable (inout DaemonSettings, _ value: String, _ source: String) throws(SettingsError) -> Void

    /// `SYNCHEALTH_<KEY>`, dashes as underscores.
    public var environmentName: String { "SYNCHEALTH_" + key.uppercased().replacingDashes() }

    /// The flag as typed: "--max-connections N" or "--no-auth".
    public var flagUsage: String {
        switch flag {
        case let .value(placeholder): return "--\(key) \(placeholder)"
        case let .toggle(name, _): return "--\(name)"
        }
    }
}

/// A family of settings named `<prefix><name>`: `connector.<platform>` and
/// `token.<name>`.
public struct DaemonSettingFamily: Sendable {
    /// "connector." or "token.".
    public let prefix: String
    /// What the name part is called in help: "platform", "name".
    public let nameWord: String
    /// A repeatable flag `--<flagName> NAME=VALUE`, or nil when the family
    /// may only be set in the config file.
    public let flagName: String?
    /// The value's form, for help.
    public let valueForm: String
    /// What the family does, for `--help` and the README.
    public let help: String
    /// Checks and stores one member.
    let apply: @Sendable (inout DaemonSettings, _ name: String, _ value: String, _ source: DaemonSetting.Source) throws -> Void
}

// MARK: Builders

extension DaemonSetting {
    /// A whole number in `range`.
    static func integer(
        _ key: String, _ path: any WritableKeyPath<DaemonSettings, Int> & Sendable, _ range: ClosedRange<Int>,
        placeholder: String = "N", unit: String = "", help: String
    ) -> DaemonSetting {
        DaemonSetting(
            key: key, flag: .value(placeholder: placeholder),
            defaultText: "\(DaemonSettings()[keyPath: path])" + unit, help: help
        ) { settings, value, source throws(SettingsError) in
            settings[keyPath: path] = try wholeNumber(value, range, key: key, source: source)
        }
    }

    /// A duration in whole milliseconds in `range`.
    static func milliseconds(
        _ key: String, _ path: any WritableKeyPath<DaemonSettings, Int64> & Sendable,
        _ range: ClosedRange<Int> = 1...86_400_000, help: String
    ) -> DaemonSetting {
        DaemonSetting(
            key: key, flag: .value(placeholder: "MS"), defaultText: "\(DaemonSettings()[keyPath: path]) ms", help: help
        ) { settings, value, source throws(SettingsError) in
            settings[keyPath: path] = Int64(try wholeNumber(value, range, key: key, source: source))
        }
    }

    /// One of `choices`.
    static func choice(
        _ key: String, _ path: any WritableKeyPath<DaemonSettings, String> & Sendable, _ choices: [String], help: String
    ) -> DaemonSetting {
        DaemonSetting(
            key: key, flag: .value(placeholder: choices.joined(separator: "|")),
            defaultText: "`\(DaemonSettings()[keyPath: path])`", help: help
        ) { settings, value, source throws(SettingsError) in
            guard choices.contains(value) else {
                throw SettingsError("\(source): \(key) must be one of \(choices.joined(separator: ", ")), got '\(value)'")
            }
            settings[keyPath: path] = value
        }
    }

    /// On or off, with `toggle` as the command-line switch that sets
    /// `toggleValue`.
    static func boolean(
        _ key: String, _ path: any WritableKeyPath<DaemonSettings, Bool> & Sendable, trueWords: [String], falseWords: [String],
        toggle: String, toggleValue: String, defaultText: String, help: String
    ) -> DaemonSetting {
        DaemonSetting(
            key: key, flag: .toggle(name: toggle, value: toggleValue), defaultText: defaultText, help: help
        ) { settings, value, source throws(SettingsError) in
            if trueWords.contains(value) {
                settings[keyPath: path] = true
            } else if falseWords.contains(value) {
                settings[keyPath: path] = false
            } else {
                throw SettingsError("\(source): \(key) must be \(trueWords[0]) or \(falseWords[0])")
            }
        }
    }

    /// `value` as a whole number in `range`, or the error naming key and source.
    static func wholeNumber(_ value: String, _ range: ClosedRange<Int>, key: String, source: String) throws(SettingsError) -> Int {
        guard let n = Int(value), range.contains(n) else {
            throw SettingsError("\(source): \(key) must be a whole number in \(range.lowerBound)...\(range.upperBound), got '\(value)'")
        }
        return n
    }
}
