import ArgumentParser
import GleanerResources

/// `--models DIR` for every command that loads the extraction models.
struct ModelOptions: ParsableArguments {
    @Option(
        help:
            "Folder holding gazetteer.idx, ner-model.bin and speaker-ranker.tsv (default: the gleaner_GleanerResources.resources folder beside the binary)."
    )
    var models: String?

    /// Must run before the first model load.
    func use() {
        StandardModels.useDirectory(models)
    }
}
