import Foundation

/// Endpoint options that take several brokers: repeated, or comma-separated (one
/// environment variable in a systemd unit or a manifest can then name them all).
enum EndpointList {
    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { String($0).trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
