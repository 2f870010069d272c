import ArgumentParser
import Foundation

/// Every flag of every subcommand may also come from a `GLEANER_*` variable: its long
/// name upper-cased, dashes as underscores (`--log-level` ← GLEANER_LOG_LEVEL,
/// `--metrics-port` ← GLEANER_METRICS_PORT). Precedence: the command line, then the
/// environment, then the flag's default.
///
/// Done once, here, before parsing, from the parser's own description of the chosen
/// subcommand (`_dumpHelp`), so a flag added to any command later has its variable
/// without more code. The environment's values are handed to the same parser as
/// `--name=value`, so they are validated exactly like typed flags (an unknown
/// `GLEANER_LOG_LEVEL=verbose` is refused as `--log-level verbose` is).
struct EnvironmentArguments {
    /// One value taken from the environment, for error messages.
    struct Supplied {
        var variable: String
        var value: String
    }

    struct Failure: Error, CustomStringConvertible {
        let description: String
    }

    static let prefix = "GLEANER_"
    /// Flags the environment never sets: the parser's own.
    static let excluded: Set<String> = ["help", "version", "experimental-dump-help", "generate-completion-script"]
    static let truthy: Set<String> = ["1", "true", "yes", "on"]
    static let falsy: Set<String> = ["0", "false", "no", "off", ""]

    private(set) var arguments: [String]
    private(set) var supplied: [Supplied] = []

    static func variable(forLongName name: String) -> String {
        prefix + name.uppercased().replacingOccurrences(of: "-", with: "_")
    }

    /// `arguments` are the command line without the program name.
    init(_ arguments: [String], root: any ParsableCommand.Type, environment: [String: String]) throws {
        self.arguments = arguments
        var command = root
        var position = 0
        while position < arguments.count, let next = Self.subcommand(named: arguments[position], of: command) {
            command = next
            position += 1
        }
        guard position > 0 else { return }  // `gleaner --help`, `gleaner --version`
        let given = Set(arguments[position...].prefix { $0 != "--" }.map { String($0.prefix { $0 != "=" }) })
        var added: [String] = []
        for argument in Self.arguments(of: command) where argument.names.allSatisfy({ !given.contains($0) }) {
            guard let long = argument.long, !Self.excluded.contains(long),
                let value = environment[Self.variable(forLongName: long)]
            else { continue }
            let variable = Self.variable(forLongName: long)
            supplied.append(Supplied(variable: variable, value: value))
            added += try Self.flags(long: long, value: value, variable: variable, argument: argument)
        }
        self.arguments.insert(contentsOf: added, at: position)
    }

    private static func flags(long: String, value: String, variable: String, argument: Argument) throws -> [String] {
        switch argument.kind {
        case "flag":
            let word = value.lowercased()
            if truthy.contains(word) { return ["--\(long)"] }
            if falsy.contains(word) { return [] }
            throw Failure(description: "\(variable)=\(value): --\(long) is a flag; use 1/true/yes/on or 0/false/no/off")
        case "option" where argument.isRepeating:
            // A list flag given several times on the command line is a comma-separated list here.
            return value.split(separator: ",").map { "--\(long)=\($0.trimmingCharacters(in: .whitespaces))" }
        case "option":
            return ["--\(long)=\(value)"]
        default:
            return []  // positional arguments stay on the command line
        }
    }

    private static func subcommand(named name: String, of command: any ParsableCommand.Type) -> (any ParsableCommand.Type)? {
        command.configuration.subcommands.first { $0._commandName == name || $0.configuration.aliases.contains(name) }
    }

    /// What the parser says about one command's arguments (the JSON of
    /// `--experimental-dump-help`), reduced to what the mapping needs.
    struct Argument {
        var kind: String
        var names: [String]
        var long: String?
        var isRepeating: Bool
    }

    static func arguments(of command: any ParsableCommand.Type) -> [Argument] {
        guard let json = try? JSONSerialization.jsonObject(with: Data(command._dumpHelp().utf8)) as? [String: Any],
            let info = json["command"] as? [String: Any], let arguments = info["arguments"] as? [[String: Any]]
        else { return [] }
        return arguments.map { argument in
            let names = (argument["names"] as? [[String: Any]] ?? []).compactMap { name -> (String, String)? in
                guard let kind = name["kind"] as? String, let text = name["name"] as? String else { return nil }
                return (kind, text)
            }
            return Argument(
                kind: argument["kind"] as? String ?? "",
                names: names.map { $0.0 == "long" ? "--\($0.1)" : "-\($0.1)" },
                long: names.first { $0.0 == "long" }?.1,
                isRepeating: argument["isRepeating"] as? Bool ?? false)
        }
    }
}
