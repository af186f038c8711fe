import ArgumentParser
import Dispatch
import Faces
import Foundation
import Imaging

/// `lab data generate`: rebuilds the synthetic-face datasets from the code, bit for bit.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Make the lab's synthetic-face datasets.",
        subcommands: [Generate.self, Preview.self]
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

    struct Preview: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Render random synthetic people into one labelled grid PNG, and time the renderer.",
            discussion: "Person n is the same in every run: the seed decides everything about them."
        )

        @Option(help: "How many faces.") var count: Int = 64
        @Option(help: "Picture size in pixels (each face is size × size).") var size: Int = 64
        @Option(help: "The first person's seed; the others follow it.") var seed: UInt64 = 0
        @Option(help: "The grid PNG to write.") var out: String = "faces-preview.png"

        func validate() throws {
            guard (1...10_000).contains(count) else { throw ValidationError("--count must be between 1 and 10000 (got \(count))") }
            guard (8...512).contains(size) else { throw ValidationError("--size must be between 8 and 512 (got \(size))") }
        }

        func run() throws {
            let people = (0..<UInt64(count)).map { FaceAttributes.random(seed: seed &+ $0) }
            // Wall time depends on what else the machine is doing; processor time does not.
            let start = DispatchTime.now().uptimeNanoseconds, startCPU = clock()
            let faces = people.map { FaceRenderer.render($0, size: size) }   // one thread, on purpose
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            let cpuSeconds = Double(clock() - startCPU) / Double(CLOCKS_PER_SEC)
            let columns = max(1, min(count, Int(Double(count).squareRoot().rounded(.up))))
            let captions = size >= 32 ? (0..<UInt64(count)).map { String(seed &+ $0) } : nil
            let grid = try ImageGrid.make(faces, columns: columns, captions: captions)
            try PNGFile.write(grid, to: out, text: PNGFile.labels(model: "FaceRenderer", seed: seed, source: .algorithmicMedia))
            let milliseconds = (seconds * 1000).rounded(), cpuMilliseconds = (cpuSeconds * 1000).rounded()
            print("Rendered \(count) faces of \(size)×\(size) on one thread in \(Int(milliseconds)) ms (\(Int(cpuMilliseconds)) ms of processor time); wrote \(out) (\(grid.width)×\(grid.height)).")
        }
    }
}
