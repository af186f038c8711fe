import Testing
@testable import Lessons

@Suite struct TerminalRendererTests {
    let source = "# Title\n\nSome *emphasis*, **strong** and `code` with a [link](https://example.org).\n\n- one\n- two words here\n"

    @Test func plainTextHasNoEscapesAndWraps() {
        let text = TerminalRenderer(width: 24, color: false).render(Markdown.parse(source))
        #expect(text == """
            Title
            =====

            Some emphasis, strong
            and code with a link
            <https://example.org>.

            • one
            • two words here
            """)
        #expect(!text.contains("\u{1B}"))
    }

    @Test func colourStylesWithoutCountingEscapesAsWidth() {
        let text = TerminalRenderer(width: 30, color: true).render(Markdown.parse("Some *emphasis* here and `code` there, wrapped."))
        #expect(text == "Some \u{1B}[3memphasis\u{1B}[0m here and \u{1B}[36mcode\u{1B}[0m\nthere, wrapped.")
    }

    @Test func listContinuationLinesAreIndented() {
        let text = TerminalRenderer(width: 20, color: false).render(Markdown.parse("1. a long item that wraps\n"))
        #expect(text == "1. a long item that\n   wraps")
    }

    @Test func notesWrapWithTheirIndent() {
        let text = TerminalRenderer(width: 20, color: false).wrapPlain("✗ Not yet: x has shape [3].\n  Hint: Two rows of three numbers.")
        #expect(text == "✗ Not yet: x has\nshape [3].\n  Hint: Two rows of\n  three numbers.")
    }

    @Test func pagerSplitsOnlyLongText() {
        #expect(Pager.pages("a\nb", height: 10) == ["a\nb"])
        #expect(Pager.pages((1...7).map(String.init).joined(separator: "\n"), height: 4) == ["1\n2\n3", "4\n5\n6", "7"])
    }
}
