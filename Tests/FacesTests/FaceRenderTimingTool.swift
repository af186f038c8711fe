import Foundation
import Testing
import Faces

/// Measures rendering speed when asked (timing never decides a test's outcome):
///
///     FACES_TIMING=1 swift test --filter FaceRenderTimingTool
///
/// The renderer is compiled with -O even in debug builds, so this is close to release speed.
/// Without the variable the test is reported as skipped, not as passed.
@Test(.enabled(if: ProcessInfo.processInfo.environment["FACES_TIMING"] != nil, "set FACES_TIMING=1 to run"))
func measureRenderSpeedWhenAsked() {
    let attributes = (0..<1000).map { FaceAttributes.random(seed: UInt64($0)) }
    let start = DispatchTime.now().uptimeNanoseconds
    var checksum = 0
    for face in attributes { checksum &+= Int(FaceRenderer.render(face, size: 64).pixels[2080]) }
    let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    print("Rendered 1,000 faces at 64×64 in \(seconds) s on one thread (checksum \(checksum))")
}
