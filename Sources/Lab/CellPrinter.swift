import Foundation
import Shell
import Models

/// Prints what a cell produced: values to standard output, errors to standard error, pictures
/// in whatever way the terminal supports.
struct CellPrinter {
    let colorEnabled: Bool
    let pictureMode: PictureMode

    /// Prints a reply; returns whether it was an error.
    @discardableResult
    func print(_ reply: Session.Reply) -> Bool {
        for output in reply.outputs {
            switch output {
            case .text(let text): write(text + "\n", to: stdout)
            case .picture(let picture): draw(picture)
            }
        }
        guard let error = reply.error else { return false }
        fflush(stdout)
        write((colorEnabled ? colorizeError(error) : error) + "\n", to: stderr)
        return true
    }

    /// Live progress and sample pictures during training, on a terminal only: a pipe gets the
    /// summary at the end and nothing in between, so its output stays free of escape codes.
    func attachLiveReports(to session: Session) {
        guard isatty(STDOUT_FILENO) == 1 else { return }
        var lastDrawn = Date.distantPast
        session.context.onProgress = { progress, finished in
            // Redraw at most ten times a second: printing every step would slow small models down.
            guard finished || Date().timeIntervalSince(lastDrawn) > 0.1 else { return }
            lastDrawn = Date()
            let line = ProgressLine.format(progress, width: terminalColumns() - 1)
            write("\r" + line + "\u{1B}[K" + (finished ? "\n" : ""), to: stdout)
            fflush(stdout)
        }
        session.context.onPicture = { picture in
            write("\r\u{1B}[K", to: stdout)
            draw(picture)
        }
        // A note replaces the progress row; the next step's progress draws a new one under it.
        session.context.onNote = { text in
            write("\r\u{1B}[K" + text + "\n", to: stdout)
            fflush(stdout)
        }
    }

    /// Informational notes from the shell itself (dimmed when colour is on).
    func note(_ text: String) {
        write((colorEnabled ? "\u{1B}[2m" + text + "\u{1B}[0m" : text) + "\n", to: stdout)
    }

    /// `error:` in bold red, the caret line in green, like a compiler.
    private func colorizeError(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        if let first = lines.first, let range = first.range(of: "error:") {
            lines[0] = first.replacingCharacters(in: range, with: "\u{1B}[1;31merror:\u{1B}[0m")
        }
        if lines.count == 3 { lines[2] = "\u{1B}[32m" + lines[2] + "\u{1B}[0m" }
        return lines.joined(separator: "\n")
    }

    func draw(_ picture: Picture) {
        switch pictureMode {
        case .off:
            break
        case .halfBlocks:
            write(HalfBlockEncoder.encode(picture, maxColumns: max(8, terminalColumns() - 2)), to: stdout)
        case .kitty:
            write(InlineImageEncoder.kitty(picture), to: stdout)
        case .iTerm:
            if let path = picture.savedPath, let data = FileManager.default.contents(atPath: path) {
                write(InlineImageEncoder.iTerm(pngData: data, name: (path as NSString).lastPathComponent), to: stdout)
            } else {
                write(HalfBlockEncoder.encode(picture, maxColumns: max(8, terminalColumns() - 2)), to: stdout)
            }
        }
    }

    func terminalColumns() -> Int {
        var size = winsize()
        if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }

    private func write(_ text: String, to stream: UnsafeMutablePointer<FILE>) {
        fputs(text, stream)
    }
}
