import ArgumentParser
import Foundation
import Shell
import Models
import SafeFiles

/// `lab run FILE`: runs a script top to bottom and stops at the first error, exiting non-zero
/// with the file and line in the message. A script may read anywhere but write only inside
/// the session's output folder.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a lab script; stop at the first error.")

    @Argument(help: "The script to run, one statement per line.")
    var file: String

    @OptionGroup var options: SessionOptions

    /// Scripts are typed text; one past 16 MiB is not a script.
    static let maximumScriptLength = 16 << 20

    func run() throws {
        let data: [UInt8]
        do {
            data = try BoundedFile.read(file, limit: Self.maximumScriptLength)
        } catch let error as FileAccessError {
            fputs("error: cannot read \(PrintableText.escaped(file)): \(error.reason)\n", stderr)
            throw ExitCode(2)
        }
        let session = options.makeSession()
        session.fileName = file
        session.context.writePolicy = .insideOutputFolder
        let printer = options.makePrinter()
        printer.attachLiveReports(to: session)
        Signals.installInterruptHandler(secondPressExits: true)
        let lines = String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
        for (index, line) in lines.enumerated() {
            let reply = session.enter(line, lineNumber: index + 1)
            if printer.print(reply) { throw ExitCode.failure }
            if reply.wantsToQuit { return }
        }
        if let reply = session.finish(), printer.print(reply) { throw ExitCode.failure }
    }
}
