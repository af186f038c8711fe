import Foundation
import SafeFiles
import Yams

/// Reads a lesson file: the YAML front matter with Yams, the rest with cmark-gfm, then turns the
/// fenced blocks into steps. Collects every mistake it finds, each with its line.
public enum LessonParser {
    /// The fenced blocks that mean something to the lab; any other fence is a listing in the prose.
    static let blockKinds = ["lab", "quiz", "check", "hint"]

    /// The largest lesson file read: a long lesson is some tens of kilobytes.
    public static let maximumFileSize = 1 << 20

    public static func load(_ url: URL, displayName: String? = nil) throws(LessonFormatErrors) -> Lesson {
        let name = displayName ?? url.path
        let bytes: [UInt8]
        do {
            // Bounded and regular files only: a lesson named /dev/zero or a FIFO must not hang the lab.
            bytes = try BoundedFile.read(url.path, limit: maximumFileSize)
        } catch {
            let reason = (error as? FileAccessError)?.reason ?? String(describing: error)
            throw LessonFormatErrors(errors: [LessonFormatError(file: name, line: 1, .unreadable(reason))])
        }
        guard let text = String(bytes: bytes, encoding: .utf8) else {
            throw LessonFormatErrors(errors: [LessonFormatError(file: name, line: 1, .unreadable("it is not UTF-8 text"))])
        }
        return try parse(text, file: name)
    }

    public static func parse(_ text: String, file: String) throws(LessonFormatErrors) -> Lesson {
        var reader = Reader(file: file)
        let lesson = reader.read(text)
        if !reader.errors.isEmpty { throw LessonFormatErrors(errors: reader.errors.sorted { $0.line < $1.line }) }
        return lesson!
    }

    private struct Reader {
        let file: String
        var errors: [LessonFormatError] = []

        init(file: String) { self.file = file }

        mutating func fail(_ line: Int, _ problem: LessonFormatError.Problem) {
            errors.append(LessonFormatError(file: file, line: line, problem))
        }

        mutating func read(_ text: String) -> Lesson? {
            let lines = text.components(separatedBy: "\n")
            guard lines.first?.trimmingCharacters(in: .whitespaces) == "---",
                  let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == "---" }) else {
                fail(1, .missingFrontMatter)
                return nil
            }
            var lesson = readFrontMatter(lines[1..<end].joined(separator: "\n"))
            let bodyFirstLine = end + 2
            let blocks = Markdown.parse(lines[(end + 1)...].joined(separator: "\n"), firstLine: bodyFirstLine)
            readSteps(blocks, into: &lesson)
            if lesson.steps.isEmpty && errors.isEmpty { fail(bodyFirstLine, .noSteps) }
            return lesson
        }

        // MARK: front matter

        mutating func readFrontMatter(_ yaml: String) -> Lesson {
            var lesson = Lesson(id: "", number: 0, title: "", minutes: 0, outcomes: [], seed: 0, file: file, steps: [], closing: [])
            let node: Node?
            do {
                node = try Yams.compose(yaml: yaml)
            } catch {
                fail(1, .frontMatterNotYAML(Self.describe(error)))
                return lesson
            }
            guard let mapping = node?.mapping else {
                fail(1, .frontMatterNotYAML("expected `key: value` lines"))
                return lesson
            }
            // Line 1 of the file is the opening ---, so YAML line n is file line n + 1.
            func line(_ key: String) -> Int { (mapping[key]?.mark?.line ?? 1) + 1 }
            func integer(_ key: String) -> Int? {
                guard let value = mapping[key] else { fail(2, .missingField(key)); return nil }
                guard let number = value.int else { fail(line(key), .fieldType(field: key, expected: "a whole number")); return nil }
                return number
            }
            func string(_ key: String) -> String? {
                guard let value = mapping[key] else { fail(2, .missingField(key)); return nil }
                guard let text = value.string, !text.isEmpty, value.scalar != nil else {
                    fail(line(key), .fieldType(field: key, expected: "text")); return nil
                }
                return text
            }
            if let format = integer("format"), format != Lesson.formatVersion {
                fail(line("format"), .unsupportedFormat(found: format, supported: Lesson.formatVersion))
            }
            if let id = string("id") {
                if Self.isValidID(id) { lesson.id = id } else { fail(line("id"), .badStepID(id)) }
            }
            lesson.number = integer("number") ?? 0
            lesson.title = string("title") ?? ""
            lesson.minutes = integer("minutes") ?? 0
            if let seed = integer("seed") {
                if seed >= 0 { lesson.seed = UInt64(seed) } else { fail(line("seed"), .fieldType(field: "seed", expected: "a whole number from 0")) }
            }
            if let outcomes = mapping["outcomes"] {
                let items = outcomes.sequence?.compactMap(\.string) ?? []
                if items.isEmpty || items.count != outcomes.sequence?.count {
                    fail(line("outcomes"), .fieldType(field: "outcomes", expected: "a list of sentences (- The learner can …)"))
                }
                lesson.outcomes = items
            } else {
                fail(2, .missingField("outcomes"))
            }
            if let sources = mapping["sources"] {
                let items = sources.sequence?.compactMap(\.string) ?? []
                if items.count != sources.sequence?.count {
                    fail(line("sources"), .fieldType(field: "sources", expected: "a list of works (- Title, authors, year)"))
                }
                lesson.sources = items
            }
            return lesson
        }

        // MARK: steps

        mutating func readSteps(_ blocks: [MarkdownBlock], into lesson: inout Lesson) {
            var prose: [MarkdownBlock] = []
            var seenIDs: [String: Int] = [:]
            func claim(_ id: String, line: Int) -> Bool {
                guard Self.isValidID(id) else { fail(line, .badStepID(id)); return false }
                if let first = seenIDs[id] { fail(line, .duplicateStepID(id, firstLine: first)); return false }
                seenIDs[id] = line
                return true
            }
            for block in blocks {
                guard case .code(let info, let text, let line) = block else {
                    prose.append(block)
                    continue
                }
                let words = info.split(separator: " ").map(String.init)
                let kind = words.first ?? ""
                guard LessonParser.blockKinds.contains(kind) else {
                    if LessonParser.blockKinds.contains(where: { Self.isOneEditAway(kind, $0) }) { fail(line, .unknownBlock(info: kind)) }
                    prose.append(block)
                    continue
                }
                switch kind {
                case "lab":
                    guard let id = words.dropFirst().first(where: { $0.hasPrefix("id=") }).map({ String($0.dropFirst(3)) }) else {
                        fail(line, .cellWithoutID)
                        continue
                    }
                    guard claim(id, line: line) else { continue }
                    let code = text.hasSuffix("\n") ? String(text.dropLast()) : text
                    if code.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { fail(line, .emptyCell(id)) }
                    lesson.steps.append(LessonStep(id: id, line: line, prose: prose, kind: .cell(LessonCell(code: code, checks: [], hints: []))))
                    prose = []
                case "quiz":
                    guard let (id, quiz) = readQuiz(text, fenceLine: line) else { continue }
                    guard claim(id, line: line) else { continue }
                    lesson.steps.append(LessonStep(id: id, line: line, prose: prose, kind: .quiz(quiz)))
                    prose = []
                default:  // check, hint: they belong to the cell before them
                    guard let last = lesson.steps.indices.last, case .cell(var cell) = lesson.steps[last].kind else {
                        fail(line, .orphan(kind: kind))
                        continue
                    }
                    if kind == "check" {
                        cell.checks += readChecks(text, fenceLine: line)
                    } else {
                        cell.hints.append(text.trimmingCharacters(in: .whitespacesAndNewlines))
                    }
                    lesson.steps[last].kind = .cell(cell)
                }
            }
            lesson.closing = prose
        }

        /// Conditions at the start of a line; each one's hint on the indented lines under it.
        mutating func readChecks(_ text: String, fenceLine: Int) -> [CheckCondition] {
            var conditions: [CheckCondition] = []
            var hintLines: [String] = []
            // The hint lines under a condition that could not be read belong to it, not to an error.
            var skippingHint = false
            func finish() {
                guard var last = conditions.popLast() else { return }
                last.hint = hintLines.joined(separator: " ")
                hintLines = []
                conditions.append(last)
            }
            for (offset, raw) in text.components(separatedBy: "\n").enumerated() {
                let line = fenceLine + 1 + offset
                let trimmed = raw.trimmingCharacters(in: .whitespaces)
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                if raw.first == " " || raw.first == "\t" {
                    if skippingHint { continue }
                    guard !conditions.isEmpty else {
                        fail(line, .checkSyntax(condition: trimmed, reason: "an indented line continues a condition's hint, but no condition comes before it"))
                        continue
                    }
                    hintLines.append(trimmed.hasPrefix("hint:") ? String(trimmed.dropFirst(5)).trimmingCharacters(in: .whitespaces) : trimmed)
                    continue
                }
                finish()
                skippingHint = false
                do {
                    conditions.append(CheckCondition(source: trimmed, line: line, test: try CheckCondition.parseTest(trimmed), hint: ""))
                } catch {
                    fail(line, .checkSyntax(condition: trimmed, reason: error.reason))
                    skippingHint = true
                }
            }
            finish()
            for condition in conditions where condition.hint.isEmpty {
                fail(condition.line, .checkWithoutHint(condition: condition.source))
            }
            return conditions
        }

        mutating func readQuiz(_ text: String, fenceLine: Int) -> (String, Quiz)? {
            let node: Node?
            do {
                node = try Yams.compose(yaml: text)
            } catch {
                fail(fenceLine, .quizNotYAML(Self.describe(error)))
                return nil
            }
            guard let mapping = node?.mapping else {
                fail(fenceLine, .quizNotYAML("expected id:, question: and choices: or answer:"))
                return nil
            }
            func line(_ node: Node?) -> Int { fenceLine + (node?.mark?.line ?? 1) }
            var complete = true
            func field(_ key: String, in mapping: Node.Mapping) -> String? {
                guard let value = mapping[key]?.string, !value.isEmpty else {
                    complete = false
                    fail(line(mapping[key]), .quizMissing(field: key))
                    return nil
                }
                return value
            }
            let id = field("id", in: mapping)
            let question = field("question", in: mapping)
            var answer: Quiz.Answer?
            if let choicesNode = mapping["choices"] {
                var choices: [Quiz.Choice] = []
                for (index, choiceNode) in (choicesNode.sequence ?? []).enumerated() {
                    guard let choice = choiceNode.mapping, let choiceText = choice["text"]?.string else {
                        fail(line(choiceNode), .quizChoiceWithoutText(choice: index + 1))
                        complete = false
                        continue
                    }
                    guard let why = choice["why"]?.string, !why.isEmpty else {
                        fail(line(choiceNode), .quizChoiceWithoutWhy(choice: index + 1))
                        complete = false
                        continue
                    }
                    choices.append(Quiz.Choice(text: choiceText, isCorrect: choice["correct"]?.bool ?? false, why: why))
                }
                let correct = choices.filter(\.isCorrect).count
                if complete && correct != 1 { fail(line(choicesNode), .quizCorrectCount(correct)); complete = false }
                if choices.count < 2 && complete { fail(line(choicesNode), .quizTooFewChoices); complete = false }
                answer = .choices(choices)
            } else if let value = mapping["answer"] {
                guard let number = value.float else {
                    fail(line(value), .fieldType(field: "answer", expected: "a number"))
                    return nil
                }
                let tolerance = mapping["tolerance"]?.float ?? 0
                if let why = field("why", in: mapping) { answer = .number(number, tolerance: tolerance, why: why) }
            } else {
                fail(fenceLine, .quizWithoutAnswer)
                return nil
            }
            guard complete, let id, let question, let answer else { return nil }
            return (id, Quiz(question: question, answer: answer))
        }

        static func isValidID(_ id: String) -> Bool {
            !id.isEmpty && id.allSatisfy { ($0.isLetter && $0.isLowercase && $0.isASCII) || $0.isNumber || $0 == "-" }
        }

        /// `labb`, `quizz`, `chek`: one typing slip from a block kind, so surely meant as one.
        static func isOneEditAway(_ a: String, _ b: String) -> Bool {
            let x = Array(a), y = Array(b)
            guard x != y, abs(x.count - y.count) <= 1 else { return false }
            var previous = Array(0...y.count)
            for i in 1...max(x.count, 1) where !x.isEmpty {
                var current = [i] + Array(repeating: 0, count: y.count)
                for j in 1...max(y.count, 1) where !y.isEmpty {
                    current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
                }
                previous = current
            }
            return previous[y.count] == 1
        }

        static func describe(_ error: Error) -> String {
            if let yaml = error as? YamlError { return String(describing: yaml).components(separatedBy: "\n").first ?? "" }
            return String(describing: error)
        }
    }
}
