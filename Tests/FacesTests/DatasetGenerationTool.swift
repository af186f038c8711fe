import Foundation
import Testing
import Faces

/// Regenerates datasets-small/ when asked (the same code path as `lab data generate`):
///
///     FACES_GENERATE_DIR=datasets-small swift test --filter DatasetGenerationTool
/// Without the variable the test is reported as skipped, not as passed.
@Test(.enabled(if: ProcessInfo.processInfo.environment["FACES_GENERATE_DIR"] != nil, "set FACES_GENERATE_DIR to run"))
func regenerateDatasetsWhenAsked() throws {
    let folder = try #require(ProcessInfo.processInfo.environment["FACES_GENERATE_DIR"])
    try FaceDatasetRecipe.generateAll(into: folder) { print($0) }
}
