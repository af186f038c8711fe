import Foundation
import Lessons
import Shell

/// Prints what the lesson runner says: prose rendered for the terminal (wrapped to the window,
/// paged when it is longer than the screen), the lab's notes dimmed, problems in yellow.
/// On a pipe or with NO_COLOR the text is plain and never paged.
struct LessonPrinter {
    let cells: CellPrinter
    let interactive: Bool

    func print(_ reply: LessonRunner.Reply) {
        for output in reply.outputs { print(output) }
    }

    func print(_ output: LessonRunner.Output) {
        let renderer = TerminalRenderer(width: min(100, cells.terminalColumns() - 1), color: cells.colorEnabled)
        switch output {
        case .markdown(let blocks):
            page(renderer.render(blocks) + "\n\n")
        case .text(let text):
            fputs(renderer.wrapPlain(text) + "\n\n", stdout)
        case .note(let text):
            cells.note(renderer.wrapPlain(text))
        case .problem(let text):
            let wrapped = renderer.wrapPlain(text)
            fputs((cells.colorEnabled ? "\u{1B}[33m" + wrapped + "\u{1B}[0m" : wrapped) + "\n", stdout)
        case .session(let reply):
            cells.print(reply)
        }
        fflush(stdout)
    }

    /// Shows long prose a screen at a time; Return shows the next screen.
    private func page(_ text: String) {
        guard interactive, isatty(STDIN_FILENO) == 1 else {
            fputs(text, stdout)
            return
        }
        var size = winsize()
        let rows = ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0 && size.ws_row > 0 ? Int(size.ws_row) : 24
        let pages = Pager.pages(text, height: rows - 1)
        for (index, page) in pages.enumerated() {
            fputs(page + (page.hasSuffix("\n") ? "" : "\n"), stdout)
            if index < pages.count - 1 {
                fputs(cells.colorEnabled ? "\u{1B}[7m-- more: Return --\u{1B}[0m" : "-- more: Return --", stdout)
                fflush(stdout)
                _ = readLine()
            }
        }
    }
}
