import Foundation
import Testing
import Faces

/// Regenerates datasets-small/ when asked (the same code path as `lab data generate`):
///
///     FACES_GENERATE_DIR=datasets-small swift test --filter DatasetGenerationTool
@Test func regenerateDatasetsWhenAsked() throws {
    guard let folder = ProcessInfo.processInfo.environment["FACES_GENERATE_DIR"] else { return }
    try FaceDatasetRecipe.generateAll(into: folder) { print($0) }
}
