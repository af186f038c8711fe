import Testing
import Lessons

@Test func lessonsModuleLinks() { #expect(String(describing: Lessons.self) == "Lessons") }
