#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Logistic regression over `BlockFeatures`: the probability that a paragraph of the
/// chosen article is the article's own text. Weights come from a `feature<TAB>weight`
/// file (`page-blocks.tsv`, written by `scripts/train-page-blocks`); `bias` and
/// `threshold` are two more lines. A feature the file does not name weighs 0 and a
/// name the reader does not know is ignored, so an old file still loads.
public struct PageBlockModel: Sendable {
    let weights: [Double]
    let bias: Double
    /// Paragraphs scoring below this are dropped.
    let threshold: Double

    public init(tsv: String) {
        var table: [String: Double] = [:]
        for line in tsv.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            if fields.count == 2, let weight = Double(fields[1]) { table[String(fields[0])] = weight }
        }
        weights = BlockFeatures.names.map { table[$0] ?? 0 }
        bias = table["bias"] ?? 0
        threshold = table["threshold"] ?? 0.5
    }

    func probability(_ features: [Double]) -> Double {
        var sum = bias
        for (weight, value) in zip(weights, features) { sum += weight * value }
        return 1 / (1 + exp(-sum))
    }

    /// Each feature's share of the score, largest magnitude first: why a block went.
    func contributions(_ features: [Double]) -> [(name: String, value: Double)] {
        zip(BlockFeatures.names, zip(weights, features)).map { ($0, $1.0 * $1.1) }.filter { $0.1 != 0 }
            .sorted { abs($0.1) > abs($1.1) }
    }
}
