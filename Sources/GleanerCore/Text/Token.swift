/// A token of the document text. `start` and `end` are Unicode code-point offsets
/// into the text (the contract's offsets), `end` exclusive.
public struct Token: Sendable, Equatable {
    public var text: String
    public var start: Int
    public var end: Int
    /// Line breaks between the previous token and this one: 1 ends a line, 2+ a paragraph.
    public var newlinesBefore: Int

    public init(text: String, start: Int, end: Int, newlinesBefore: Int = 0) {
        self.text = text
        self.start = start
        self.end = end
        self.newlinesBefore = newlinesBefore
    }
}

/// A sentence as a range of token indices.
public struct Sentence: Sendable, Equatable {
    public var tokens: Range<Int>

    public init(tokens: Range<Int>) {
        self.tokens = tokens
    }
}

extension String {
    /// The string of `scalars`, like `String(String.UnicodeScalarView(scalars))`, written
    /// as UTF-8 in one go instead of appending scalar by scalar.
    init(scalarSlice scalars: ArraySlice<Unicode.Scalar>) {
        self.init(unsafeUninitializedCapacity: scalars.count * 4) { buffer in
            var length = 0
            for scalar in scalars {
                if scalar.value < 0x80 {
                    buffer[length] = UInt8(truncatingIfNeeded: scalar.value)
                    length += 1
                } else {
                    UTF8.encode(scalar) { byte in
                        buffer[length] = byte
                        length += 1
                    }
                }
            }
            return length
        }
    }
}
