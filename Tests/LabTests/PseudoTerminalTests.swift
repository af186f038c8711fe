import Foundation
import Testing
import TestSupport

/// Drives `lab` through a pseudo-terminal, as a learner's keyboard would: tab completion, the
/// pre-filled "did you mean" fix, Ctrl-C at the prompt, and history written for the next session.
///
/// Each step waits for the text it expects (up to 20 seconds) rather than sleeping, so a slow
/// machine makes the test slower, not flaky.
@Suite(.temporaryFolders) struct PseudoTerminalTests {
    /// The controlling side of a pseudo-terminal, with everything `lab` has written so far.
    final class Terminal {
        let master: Int32
        let process = Process()
        var screen = ""

        init(arguments: [String], environment: [String: String]) throws {
            // posix_openpt and friends are hidden from Swift's Glibc module, so this does what they
            // do on Linux: open the multiplexer, unlock the new terminal and ask its number.
            master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
            var unlock: Int32 = 0
            var number: UInt32 = 0
            let setLock: UInt = 0x4004_5431  // TIOCSPTLCK
            let getNumber: UInt = 0x8004_5430  // TIOCGPTN
            guard master >= 0, ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0,
                  let slave = FileHandle(forUpdatingAtPath: "/dev/pts/\(number)") else {
                throw CocoaError(.fileNoSuchFile)
            }
            process.executableURL = labBinary()
            process.arguments = arguments
            process.environment = environment
            process.standardInput = slave
            process.standardOutput = slave
            process.standardError = slave
            try process.run()
            try slave.close()
        }

        func type(_ text: String) {
            _ = text.utf8CString.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count - 1) }
        }

        /// Reads until `text` has appeared after `offset`; returns where it ended.
        @discardableResult
        func waitFor(_ text: String, after offset: String.Index? = nil) -> String.Index? {
            let deadline = Date().addingTimeInterval(20)
            while Date() < deadline {
                let start = offset ?? screen.startIndex
                if let range = screen.range(of: text, range: start..<screen.endIndex) { return range.upperBound }
                var request = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
                if poll(&request, 1, 100) > 0 {
                    var buffer = [UInt8](repeating: 0, count: 4096)
                    let count = read(master, &buffer, buffer.count)
                    if count <= 0 { break }
                    screen += String(decoding: buffer[..<count], as: UTF8.self)
                }
            }
            return nil
        }

        /// Waits up to 20 seconds for `lab` to exit; a hung shell must fail the test, not hang it.
        func waitForExit() -> Bool {
            let deadline = Date().addingTimeInterval(20)
            while process.isRunning && Date() < deadline { usleep(50_000) }
            if process.isRunning { process.terminate(); return false }
            process.waitUntilExit()
            return true
        }

        deinit {
            if process.isRunning { process.terminate() }
            close(master)
        }
    }

    @Test func completionPrefillInterruptAndHistory() throws {
        let folder = try temporaryFolder("pty")
        let environment = ["TERM": "xterm-256color", "XDG_DATA_HOME": folder.appendingPathComponent("data").path,
                           "HOME": folder.path, "PATH": "/usr/bin:/bin"]
        let terminal = try Terminal(arguments: ["--no-color", "--out", folder.appendingPathComponent("out").path],
                                    environment: environment)
        var mark = terminal.waitFor("lab> ")
        #expect(mark != nil)

        // Tab completes a built-in's name ("ze" would be ambiguous: zeros, zeroGrad).
        terminal.type("ran\t")
        mark = terminal.waitFor("randn", after: mark)
        #expect(mark != nil)
        terminal.type("([2])\r")
        mark = terminal.waitFor("Tensor[2]", after: mark)
        #expect(mark != nil)
        // Type only once the prompt is back: keys typed earlier are echoed by the terminal
        // itself, before readline is listening.
        mark = terminal.waitFor("lab> ", after: mark)

        // A misspelt name: the corrected line waits at the next prompt; Return accepts it.
        terminal.type("Sqrt(16)\r")
        mark = terminal.waitFor("did you mean sqrt?", after: mark)
        mark = terminal.waitFor("lab> sqrt(16)", after: mark)
        #expect(mark != nil)
        terminal.type("\r")
        mark = terminal.waitFor("\r4\r\n", after: mark)
        #expect(mark != nil, "\(terminal.screen.debugDescription)")
        mark = terminal.waitFor("lab> ", after: mark)

        // Ctrl-C (SIGINT) clears a half-typed line, and the session goes on.
        terminal.type("let half = 1 +")
        mark = terminal.waitFor("let half = 1 +", after: mark)
        kill(terminal.process.processIdentifier, SIGINT)  // as Ctrl-C would, without a controlling terminal
        mark = terminal.waitFor("lab> ", after: mark)
        #expect(mark != nil)
        terminal.type("half\r")
        mark = terminal.waitFor("unknown name 'half'", after: mark)
        #expect(mark != nil)
        #expect(terminal.process.isRunning)
        mark = terminal.waitFor("lab> ", after: mark)

        // Training draws a live progress line, and Ctrl-C stops it between steps.
        terminal.type("let model = Sequential(Linear(256, 256), ReLU(), Linear(256, 256))\r")
        mark = terminal.waitFor("lab> ", after: mark)
        terminal.type("train(model, inputs: randn([64, 256]), targets: zeros([64, 256]), steps: 1000000)\r")
        mark = terminal.waitFor("/1000000 ", after: mark)
        #expect(mark != nil)
        kill(terminal.process.processIdentifier, SIGINT)
        mark = terminal.waitFor("interrupted after step ", after: mark)
        #expect(mark != nil, "\(terminal.screen.debugDescription)")
        mark = terminal.waitFor("lab> ", after: mark)

        // Tab after a dot completes the value's members (readline's word starts before the dot).
        terminal.type("model.su\t")
        mark = terminal.waitFor("model.summary(", after: mark)
        #expect(mark != nil)
        terminal.type(")\r")
        mark = terminal.waitFor("Sequential: 3 layers", after: mark)
        #expect(mark != nil)
        mark = terminal.waitFor("lab> ", after: mark)

        // On a colour terminal a picture is drawn inline with half blocks; the PNG is written too.
        let colorTerminal = try Terminal(arguments: ["--out", folder.appendingPathComponent("out2").path], environment: environment)
        var colorMark = colorTerminal.waitFor("lab> ")
        colorTerminal.type("show(ones([3, 4, 4]) * 0.5, name: \"gray\")\r")
        colorMark = colorTerminal.waitFor("\u{1B}[38;2;128;128;128m\u{1B}[48;2;128;128;128m▀", after: colorMark)
        #expect(colorMark != nil)
        colorMark = colorTerminal.waitFor("lab> ", after: colorMark)
        // Training draws each sample grid as soon as it is written, before its summary.
        colorTerminal.type("train(Sequential(Flatten(), Linear(48, 48), Reshape([3, 4, 4])), inputs: ones([4, 3, 4, 4]), "
                           + "targets: ones([4, 3, 4, 4]) * 0.5, steps: 2)\r")
        let trainingStart = colorMark
        colorMark = colorTerminal.waitFor("trained to step 2 in ", after: colorMark)
        #expect(colorMark != nil)
        if let start = trainingStart, let end = colorMark {
            #expect(colorTerminal.screen[start..<end].contains("▀"))
        }
        colorMark = colorTerminal.waitFor("lab> ", after: colorMark)
        colorTerminal.type("\u{4}")
        colorMark = colorTerminal.waitFor("Press Ctrl-D again", after: colorMark)
        colorTerminal.type("\u{4}")
        #expect(colorTerminal.waitForExit())
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out2/gray.png").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("out2/train-step-000002.png").path))

        // A line repeated straight after itself is kept in the history once.
        for _ in 0..<2 {
            terminal.type("7 * 6\r")
            mark = terminal.waitFor("42", after: mark)
            mark = terminal.waitFor("lab> ", after: mark)
        }

        // Ctrl-D with a model never saved asks once; the second Ctrl-D leaves.
        terminal.type("\u{4}")
        mark = terminal.waitFor("Press Ctrl-D again", after: mark)
        #expect(mark != nil)
        mark = terminal.waitFor("lab> ", after: mark)
        // The history file keeps what was entered, for the next session.
        terminal.type("\u{4}")
        #expect(terminal.waitForExit(), "\(terminal.screen.debugDescription)")
        #expect(terminal.process.terminationStatus == 0)
        let history = try String(contentsOf: folder.appendingPathComponent("data/deepfake-lab/history"), encoding: .utf8)
        #expect(history.contains("randn([2])"))
        #expect(history.contains("sqrt(16)"))
        #expect(!history.contains("let half"))
        #expect(history.components(separatedBy: "7 * 6").count == 2, "\(history)")
    }
}
