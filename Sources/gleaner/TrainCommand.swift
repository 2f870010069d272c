import ArgumentParser
import Foundation
import GleanerCore
import GleanerResources

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Trains the extraction core's models from public data.",
        subcommands: [TrainNERCommand.self])
}

struct TrainNERCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ner",
        abstract: "Trains the named-entity tagger on CoNLL-2003 and writes the model file.",
        discussion: """
            Reproduces the bundled model (deterministic for the same data, gazetteer and seed):
              gleaner train ner --train ../shared/data/conll2003/eng.train --dev ../shared/data/conll2003/eng.testa \\
                --out Sources/GleanerResources/Resources/ner-model.bin
            """)

    @Option(help: "CoNLL-2003 training file.")
    var train: String

    @Option(help: "CoNLL-2003 development file, scored after every epoch.")
    var dev: String?

    @Option(help: "Where to write the model.")
    var out: String

    @Option(help: "Training passes over the data.")
    var epochs = 20

    @Option(help: "Seed of the shuffling between passes.")
    var seed: UInt64 = 1

    @Option(help: "Gazetteer TSV (default: the bundled one).")
    var gazetteer: String?

    @OptionGroup var modelOptions: ModelOptions

    func run() throws {
        modelOptions.use()
        let gazetteer =
            try self.gazetteer.map { Gazetteer(tsv: try String(contentsOfFile: $0, encoding: .utf8)) }
            ?? StandardModels.gazetteer()
        let training = CoNLLCorpus(text: try String(contentsOfFile: train, encoding: .utf8))
        let development = try dev.map { CoNLLCorpus(text: try String(contentsOfFile: $0, encoding: .utf8)) }
        var trainer = EntityTaggerTrainer(gazetteer: gazetteer)
        trainer.epochs = epochs
        trainer.seed = seed
        let started = Date()
        let stages = trainer.trainStages(training, development: development) { stage, report in
            var line =
                "\(stage), epoch \(report.epoch): training token accuracy \(String(format: "%.4f", report.trainingTokenAccuracy))"
            if let score = report.development { line += ", dev \(score)" }
            print(line)
        }
        if let development {
            print("stage 1 alone: dev \(trainer.evaluate([stages[0]], on: development))")
            print("final model (both stages, pruned): dev \(trainer.evaluate(stages, on: development))")
        }
        let bytes = EntityTaggerModelFile.serialize(stages)
        try Data(bytes).write(to: URL(fileURLWithPath: out))
        let features = stages.map { String($0.featureCount) }.joined(separator: " + ")
        print(
            "wrote \(out): \(features) features, \(bytes.count / 1024) KiB, \(String(format: "%.0f", Date().timeIntervalSince(started))) s"
        )
    }
}
