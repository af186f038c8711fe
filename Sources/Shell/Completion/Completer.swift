import Foundation

/// Tab completion, worked out from the text left of the cursor:
///
/// - inside a string literal: file and folder names (`load("runs/2026-…`);
/// - after a dot: the members of the value before it (`model.su` → `summary(`);
/// - right after `(` or `,` in a call: that function's argument labels (`kernel: `), and names;
/// - at the start of a line: commands, `let`/`var`, built-ins and variables;
/// - anywhere else: built-ins and variables.
///
/// Names come from the same registry and variables the evaluator uses, so completion never
/// offers something that would then be an unknown name.
public struct Completer {
    public struct Completion: Equatable {
        /// Character offset in the line where the replaced text starts.
        public var replaceFrom: Int
        /// Full replacements for the text from `replaceFrom` to the cursor, sorted.
        public var candidates: [String]
    }

    public let evaluator: Evaluator
    /// Where relative paths in strings are looked up (the working directory by default).
    public var currentDirectory: URL

    public init(evaluator: Evaluator, currentDirectory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)) {
        self.evaluator = evaluator
        self.currentDirectory = currentDirectory
    }

    static let commands = ["help", "vars", "quit"]

    public func complete(_ line: String, cursor: Int) -> Completion {
        let before = Array(line.prefix(cursor))
        if let quote = openQuoteIndex(before) {
            let typed = String(before[(quote + 1)...])
            return Completion(replaceFrom: quote + 1, candidates: paths(matching: typed))
        }
        var wordStart = before.count
        while wordStart > 0, before[wordStart - 1].isLetter || before[wordStart - 1].isNumber || before[wordStart - 1] == "_" {
            wordStart -= 1
        }
        let word = String(before[wordStart...])
        let prefix = before[..<wordStart]
        func completion(_ names: [String]) -> Completion {
            let matching = Set(names.filter { $0.hasPrefix(word) })
            return Completion(replaceFrom: wordStart, candidates: matching.sorted())
        }

        if prefix.last == "." {
            guard let receiver = resolve(chainEndingAt: wordStart - 1, in: before) else { return completion([]) }
            return completion(Members.of(receiver).map { member in
                if case .method = member.kind { return member.name + "(" }
                return member.name
            })
        }
        let lead = String(prefix).trimmingCharacters(in: .whitespaces)
        if lead.isEmpty {
            return completion(Self.commands + ["let", "var"] + evaluator.visibleNames)
        }
        if lead == "help" {
            return completion(evaluator.registry.names)
        }
        var names = evaluator.visibleNames + ["true", "false"]
        if let function = enclosingCall(before: prefix), let last = lead.last, last == "(" || last == "," {
            names += function.parameters.compactMap { $0.label.map { $0 + ": " } }
        }
        return completion(names)
    }

    /// The index of an unclosed `"` in the text, if the cursor is inside a string.
    private func openQuoteIndex(_ characters: [Character]) -> Int? {
        var open: Int?
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if open != nil && character == "\\" { index += 2; continue }
            if character == "\"" { open = open == nil ? index : nil }
            if open == nil && character == "/" && index + 1 < characters.count && characters[index + 1] == "/" { return nil }
            index += 1
        }
        return open
    }

    /// The value of `a.b.c` ending just before `end` (the dot), without calling anything:
    /// only variables, built-ins, properties and method lookups, none of which have side effects.
    private func resolve(chainEndingAt end: Int, in characters: [Character]) -> Value? {
        var start = end
        while start > 0, characters[start - 1].isLetter || characters[start - 1].isNumber
                || characters[start - 1] == "_" || characters[start - 1] == "." {
            start -= 1
        }
        let parts = String(characters[start..<end]).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty else { return nil }
        var value: Value
        if let variable = evaluator.variables[first] {
            value = variable.value
        } else if let builtin = evaluator.registry[first] {
            value = .function(builtin.function)
        } else {
            return nil
        }
        for name in parts.dropFirst() {
            guard let member = Members.of(value).first(where: { $0.name == name }) else { return nil }
            switch member.kind {
            case .property(let get): guard let next = try? get(value) else { return nil }; value = next
            case .method(let bind): value = .function(bind(value))
            }
        }
        return value
    }

    /// The function whose argument list the cursor is in: `Conv2d(3, ` → Conv2d.
    private func enclosingCall(before prefix: ArraySlice<Character>) -> Function? {
        var depth = 0
        var index = prefix.endIndex
        var inString = false
        while index > prefix.startIndex {
            index -= 1
            let character = prefix[index]
            if character == "\"" { inString.toggle(); continue }
            if inString { continue }
            if character == ")" || character == "]" { depth += 1 }
            if character == "(" || character == "[" {
                if depth == 0 {
                    guard character == "(" else { return nil }
                    if case .function(let function)? = resolve(chainEndingAt: index, in: Array(prefix[..<index])) {
                        return function
                    }
                    return nil
                }
                depth -= 1
            }
        }
        return nil
    }

    /// Files and folders whose path starts with `typed`; folders end with `/`.
    private func paths(matching typed: String) -> [String] {
        let expanded = (typed as NSString).expandingTildeInPath
        let slash = typed.lastIndex(of: "/")
        let folderPart = slash.map { String(typed[...$0]) } ?? ""
        let namePart = slash.map { String(typed[typed.index(after: $0)...]) } ?? typed
        let folder: URL
        if expanded.hasPrefix("/") {
            folder = URL(fileURLWithPath: slash == nil ? "/" : (expanded as NSString).deletingLastPathComponent + "/")
        } else {
            folder = currentDirectory.appendingPathComponent(folderPart)
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return entries.filter { $0.hasPrefix(namePart) && (namePart.hasPrefix(".") || !$0.hasPrefix(".")) }
            .map { entry in
                var isFolder: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(entry).path, isDirectory: &isFolder)
                return folderPart + entry + (isFolder.boolValue ? "/" : "")
            }
            .sorted()
    }
}
