import Faces
import Testing
import TestSupport
@testable import Models

/// The held-out groups lesson 4 asks "where does the swap fail?" with: picked from the manifest's
/// attributes, each with its answers row for row.
struct FaceSwapGroupsTests {
    @Test func groupsFollowTheManifestAndKeepTheirAnswers() throws {
        let pairs = try #require(ExperimentsFixtures.pairs)
        let sizes = try FaceSwapData.Group.allCases.map { try pairs.heldOut($0).faces.count }
        // pair-32's 100 held-out pictures of A: all; 21 frontal; 27 turned 12° or more; 19 side-lit.
        #expect(sizes == [100, 21, 27, 19])
        let (turned, answers) = try pairs.heldOut(.turned)
        for row in 0..<turned.count {
            #expect(abs(Float(turned.attribute("yaw", of: row) ?? "") ?? 0) >= 12)
            // Each answer is B in that very picture's moment: its `source` is the picture's index.
            #expect(answers.attribute("source", of: row) == turned.attribute("index", of: row))
            #expect(answers.attribute("yaw", of: row) == turned.attribute("yaw", of: row))
        }
    }
}
