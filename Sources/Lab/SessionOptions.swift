import ArgumentParser
import Foundation
import Shell
import Models

/// Options every way of running lab shares.
struct SessionOptions: ParsableArguments {
    @Option(help: "Seed the random generator, so a session can be replayed exactly.")
    var seed: UInt64?

    @Option(name: .customLong("out"), help: ArgumentHelp("Write this session's files into DIR.", valueName: "DIR"))
    var outputFolder: String?

    @Flag(name: .customLong("no-color"), help: "Print no colour (also honoured: the NO_COLOR variable).")
    var noColor = false

    @Flag(name: .customLong("no-images"), help: "Do not draw pictures in the terminal; PNG files are still written.")
    var noImages = false

    /// A session writing to `--out DIR`, or to a new `runs/<date-time>/` folder.
    func makeSession() -> Session {
        let folder = outputFolder.map { URL(fileURLWithPath: ($0 as NSString).expandingTildeInPath) }
            ?? OutputFolder.forNewSession(under: URL(fileURLWithPath: "runs"))
        let session = Session(outputFolder: folder, registry: .withLessonTools())
        if let seed { session.seedRandom(seed) }
        return session
    }

    /// How this run prints: colours and pictures only on a terminal that wants them.
    func makePrinter() -> CellPrinter {
        let environment = ProcessInfo.processInfo.environment
        let outputIsTerminal = isatty(STDOUT_FILENO) == 1
        let color = colorIsEnabled(environment: environment, outputIsTerminal: outputIsTerminal, disabledByFlag: noColor)
        let pictures = PictureMode.detect(environment: environment, outputIsTerminal: outputIsTerminal,
                                          imagesDisabled: noImages, colorEnabled: color)
        return CellPrinter(colorEnabled: color, pictureMode: pictures)
    }
}
