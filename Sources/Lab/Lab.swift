import ArgumentParser
import Engine

/// `lab`: the Deepfake Lab command line. Subcommands are added as their issues land.
@main
struct Lab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "Deepfake Lab: learn how deepfakes are made and caught, on an engine of our own.",
        version: Engine.version,
        subcommands: [BenchCommand.self]  // temporary on branch conv, until the lead registers it
    )

    func run() throws {
        print("Deepfake Lab \(Engine.version). The interactive shell is not built yet; see `lab --help`.")
    }
}
