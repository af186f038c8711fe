import ArgumentParser
import Faces

/// `lab data generate`: rebuilds the synthetic-face datasets from the code, bit for bit.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Make the lab's synthetic-face datasets.",
        subcommands: [Generate.self]
    )

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render every dataset (faces and the A/B pair, at 32×32 and 64×64) with its manifest.",
            discussion: "The same code always produces the same pixels, so the output matches the committed datasets-small/ folder."
        )

        @Option(name: .long, help: "The folder to write into.")
        var out: String = "datasets-small"

        @Option(name: .long, parsing: .upToNextOption, help: "Only these datasets (for example faces-32 pair-64).")
        var only: [String] = []

        func validate() throws {
            let known = FaceDatasetRecipe.all.map(\.name)
            if let unknown = only.first(where: { !known.contains($0) }) {
                throw ValidationError("unknown dataset '\(unknown)'; choose from \(known.joined(separator: ", ")).")
            }
        }

        func run() throws {
            print("Writing synthetic faces into \(out)/ (no real person is depicted).")
            try FaceDatasetRecipe.generateAll(into: out, only: only) { print("  " + $0) }
        }
    }
}
