import CReadline
import Foundation
import Shell
import Models

/// GNU readline, adapted: line editing, history kept across sessions, tab completion from
/// `Completer`, and a line pre-filled at the prompt for the learner to edit.
///
/// Readline calls back through C function pointers, which cannot capture Swift state, so the
/// little state they need lives in static properties. There is only one terminal.
enum LineReader {
    enum Result {
        case line(String)
        /// Ctrl-C at the prompt: the line was cleared.
        case interrupted
        /// Ctrl-D on an empty line.
        case endOfInput
    }

    nonisolated(unsafe) private static var completer: Completer?
    nonisolated(unsafe) private static var prefill: String?
    nonisolated(unsafe) private static var wasInterrupted = false
    nonisolated(unsafe) private static var historyFile: URL?

    static func start(completer: Completer, historyFile: URL) {
        self.completer = completer
        self.historyFile = historyFile
        try? FileManager.default.createDirectory(at: historyFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: historyFile.path) {
            _ = FileManager.default.createFile(atPath: historyFile.path, contents: Data())
        }
        read_history(historyFile.path)
        // Our own SIGINT handler is in charge (see Signals.swift), not readline's.
        rl_catch_signals = 0
        rl_getc_function = readCharacter
        rl_attempted_completion_function = attemptCompletion
        rl_startup_hook = insertPrefill
        // Completion works on the whole line itself, so readline need only stop at spaces and brackets.
        rl_completer_word_break_characters = UnsafePointer(strdup(" \t\n()[],=+-*"))
    }

    static func finish() {
        if let historyFile { history_truncate_file(historyFile.path, Int32(HistoryLocation.maximumLines)) }
    }

    /// Reads one line; `suggestion` starts out typed at the prompt, ready to edit.
    static func read(prompt: String, suggestion: String?) -> Result {
        prefill = suggestion
        wasInterrupted = false
        Interrupt.reset()
        guard let pointer = readline(prompt) else { return .endOfInput }
        defer { free(pointer) }
        if wasInterrupted { return .interrupted }
        let line = String(cString: pointer)
        // Blank lines and a line repeated straight after itself add nothing to recall with ↑.
        let previous = history_get(history_base + history_length - 1).flatMap { $0.pointee.line.map { String(cString: $0) } }
        if !line.trimmingCharacters(in: .whitespaces).isEmpty && line != previous {
            add_history(pointer)
            if let historyFile { append_history(1, historyFile.path) }
        }
        return .line(line)
    }

    /// Readline's key reader, replaced so Ctrl-C can clear the line. `poll` is interrupted by a
    /// signal even with SA_RESTART (unlike `read`), which gives us the moment to notice it; the
    /// short timeout also catches a Ctrl-C that lands while readline is busy redrawing.
    private static let readCharacter: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { stream in
        let descriptor = stream.map { fileno($0) } ?? STDIN_FILENO
        while true {
            if Interrupt.consume() {
                // Empty the line and press Return for the learner: readline hands back "".
                rl_replace_line("", 0)
                wasInterrupted = true
                return 10
            }
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, 100)
            if ready < 0 && errno != EINTR { return EOF }
            if ready <= 0 { continue }
            var character: UInt8 = 0
            let count = Foundation.read(descriptor, &character, 1)
            if count == 1 { return Int32(character) }
            if count < 0 && errno == EINTR { continue }
            return EOF
        }
    }

    private static let insertPrefill: @convention(c) () -> Int32 = {
        if let text = prefill {
            rl_insert_text(text)
            prefill = nil
        }
        return 0
    }

    /// Asks `Completer` and hands readline its candidates. Readline replaces the text from its
    /// own word start, so each candidate is re-expressed relative to that point.
    private static let attemptCompletion: @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = { _, start, _ in
        rl_attempted_completion_over = 1  // never fall back to readline's own file-name completion
        rl_completion_suppress_append = 1
        guard let completer, let buffer = rl_line_buffer else { return nil }
        let bytes = Array(UnsafeBufferPointer(start: UnsafeRawPointer(buffer).assumingMemoryBound(to: UInt8.self), count: Int(strlen(buffer))))
        let cursorBytes = min(Int(rl_point), bytes.count)
        let line = String(decoding: bytes, as: UTF8.self)
        let cursor = String(decoding: bytes[..<cursorBytes], as: UTF8.self).count
        let startCharacters = String(decoding: bytes[..<min(Int(start), cursorBytes)], as: UTF8.self).count
        let completion = completer.complete(line, cursor: cursor)
        let head = String(line.prefix(completion.replaceFrom))
        let matches = completion.candidates.compactMap { candidate -> String? in
            let full = head + candidate
            return full.count >= startCharacters ? String(full.dropFirst(startCharacters)) : nil
        }
        guard !matches.isEmpty else { return nil }
        // readline's format: the common prefix first, then every match, then NULL.
        let common = matches.dropFirst().reduce(matches[0]) { prefix, match in String(prefix.commonPrefix(with: match)) }
        let list = matches.count == 1 ? [matches[0]] : [common] + matches
        let array = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: list.count + 1)
        for (index, text) in list.enumerated() { array[index] = strdup(text) }
        array[list.count] = nil
        return array
    }
}
