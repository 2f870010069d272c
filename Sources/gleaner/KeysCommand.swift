import ArgumentParser
import ZeroMQ

struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "CURVE key files for the broker, the sink and their clients.",
        subcommands: [KeysGenerateCommand.self])
}

struct KeysGenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Writes a new CURVE key pair: NAME.key (secret, mode 0600) and NAME.pub (public, to share).",
        discussion: "ZeroMQ certificate files with Z85 keys; pyzmq's zmq.auth.load_certificate reads them too.")

    @Option(help: "Path and name of the files, without extension, e.g. keys/server or keys/clients/worker-1.")
    var out: String

    func run() throws {
        guard CurveKeyPair.isSupported else { throw ValidationError("this libzmq was built without CURVE") }
        let written = try KeyFiles.write(try CurveKeyPair.generate(), to: out)
        print("\(written.secret)\n\(written.public)")
    }
}
