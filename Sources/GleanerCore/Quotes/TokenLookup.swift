/// Tokens by code-point offset, and text trimmed of spaces: the quote stage works on
/// tokens, its output on offsets.
extension QuoteContext {
    func tokenIndex(startingAt offset: Int) -> Int {
        tokenRange(from: offset, to: offset).lowerBound
    }

    func tokenIndex(endingAt offset: Int) -> Int {
        var index = tokenRange(from: offset, to: offset).lowerBound
        while index > 0, analysis.tokens[index - 1].end > offset { index -= 1 }
        return max(0, index - 1)
    }

    func tokenRange(from start: Int, to end: Int) -> Range<Int> {
        var low = 0
        var high = analysis.tokens.count
        while low < high {
            let middle = (low + high) / 2
            if analysis.tokens[middle].start < start { low = middle + 1 } else { high = middle }
        }
        var upper = low
        while upper < analysis.tokens.count, analysis.tokens[upper].end <= end { upper += 1 }
        return low..<upper
    }

    func trimmed(_ start: Int, _ end: Int) -> (text: String, start: Int, end: Int) {
        var start = start
        var end = end
        while start < end, analysis.scalars[start].isSpace { start += 1 }
        while end > start, analysis.scalars[end - 1].isSpace { end -= 1 }
        return (analysis.text(start, end), start, end)
    }
}
