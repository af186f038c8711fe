import Foundation
import Shell
@testable import Lessons

/// A temporary folder that is removed when `body` returns, whatever happens in it.
func withTemporaryFolder<T>(_ label: String, _ body: (URL) throws -> T) throws -> T {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lesson-tests-\(label)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    return try body(folder)
}

/// The repository's `lessons/` folder, found from this source file.
let shippedLessonsFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("lessons")

/// A small lesson for the runner's tests: two cells with checks and a quiz.
let sampleLesson = """
    ---
    format: 1
    id: sample
    number: 7
    title: A sample
    minutes: 5
    seed: 3
    outcomes:
      - Make a tensor
    ---

    # Start

    Make a tensor.

    ```lab id=make-x
    let x = tensor([[1, 2, 3], [4, 5, 6]])
    ```

    ```check
    shape x == [2, 3]
      hint: Two rows of three numbers.
    ```

    ```hint
    Use `tensor` with two inner lists.
    ```

    ```quiz
    id: count
    question: How many numbers does x hold?
    choices:
      - text: Five
        why: Count again, two rows of three.
      - text: Six
        correct: true
        why: Two times three.
    ```

    ```lab id=double
    let y = x * 2
    ```

    ```check
    value y.sum() == 42
      hint: Doubling 1 to 6 gives a sum of 42.
    ```

    The end.
    """
