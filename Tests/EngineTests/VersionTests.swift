import Testing
@testable import Engine

@Test func versionIsSemantic() {
    #expect(Engine.version.split(separator: ".").count == 3)
}
