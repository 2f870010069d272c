/// The whole per-document job of a worker, as a pure function: raw message bytes in,
/// one output line out (a result, or an error record that keeps the input).
public struct DocumentProcessor: Sendable {
    public enum Outcome: String, Sendable {
        case result, error
    }

    public struct Output: Sendable {
        public var id: String
        public var outcome: Outcome
        /// One JSON object, no trailing newline.
        public var line: [UInt8]
        public var failureCode: FailureCode?
    }

    public let extractor: any Extractor
    public let decoder: RecordDecoder

    public init(extractor: any Extractor = BaselineExtractor(), maxBytes: Int = RecordDecoder.defaultMaxBytes) {
        self.extractor = extractor
        self.decoder = RecordDecoder(maxBytes: maxBytes)
    }

    public func process(_ raw: [UInt8]) -> Output {
        switch decoder.decode(raw) {
        case .failure(let failure):
            return errorOutput(failure, raw: raw)
        case .success(let document):
            do {
                let result = try extractor.extract(document)
                return Output(id: result.id, outcome: .result, line: JSONWriter.encode(result.json), failureCode: nil)
            } catch {
                let failure = InputFailure(code: .extractionFailed, message: "\(error)", id: document.id)
                return errorOutput(failure, raw: raw)
            }
        }
    }

    /// A document that has already killed or stalled workers too often is not run again:
    /// it goes to the error file so that one poison input cannot stop the pipeline.
    public func abandon(_ raw: [UInt8], attempts: Int) -> Output {
        let id: String
        switch decoder.decode(raw) {
        case .success(let document): id = document.id
        case .failure(let failure): id = failure.id
        }
        let failure = InputFailure(
            code: .maxAttemptsExceeded,
            message: "no worker finished this document in \(attempts - 1) attempts", id: id)
        return errorOutput(failure, raw: raw, attempts: attempts)
    }

    private func errorOutput(_ failure: InputFailure, raw: [UInt8], attempts: Int? = nil) -> Output {
        let record = ErrorRecord(failure: failure, input: raw, attempts: attempts, extractor: extractor.info)
        return Output(id: failure.id, outcome: .error, line: JSONWriter.encode(record.json), failureCode: failure.code)
    }
}
