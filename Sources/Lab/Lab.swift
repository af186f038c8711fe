import ArgumentParser
import Engine

/// `lab`: the Deepfake Lab command line. With no subcommand it opens the shell.
@main
struct Lab: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab",
        abstract: "Deepfake Lab: learn how deepfakes are made and caught, on an engine of our own.",
        discussion: """
            With no subcommand, lab opens the interactive shell. Type help at its prompt.
            Piped input (lab < script.lab) runs line by line and carries on after errors,
            exiting with status 1 if any line failed; lab run stops at the first error.

            Options for the shell and for run: --seed N (reproducible randomness),
            --out DIR (where files go; default runs/<date-time>/), --no-color, --no-images.
            See lab shell --help.
            """,
        version: Engine.version,
        subcommands: [ShellCommand.self, RunCommand.self, LessonCommand.self, LessonsCommand.self, BenchCommand.self, DataCommand.self],
        defaultSubcommand: ShellCommand.self
    )
}
