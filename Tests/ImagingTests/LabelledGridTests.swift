import Testing
@testable import Imaging

/// The readable sample grid: sizes from its formula, faces blown up pixel for pixel, names drawn.
@Suite struct LabelledGridTests {
    @Test func facesAreBlownUpWithoutSmoothingAndRowsAreNamed() throws {
        let red = Image(width: 2, height: 2, channels: 3, fill: [255, 0, 0])
        let blue = Image(width: 2, height: 2, channels: 3, fill: [0, 0, 255])
        let grid = try LabelledGrid.make(rows: [[red, blue], [blue, red]], rowNames: ["A", "B"], title: "T", scale: 3,
                                         textScale: 1, gutter: 1)
        // label: "A" is 3 px wide plus a 1 px gutter; then 2 cells of 6 + 1 and a closing gutter.
        // height: title 5 + 2 gutters, then 2 rows of 6 + 1, then a gutter.
        #expect((grid.width, grid.height) == (4 + 2 * 7 + 1, 7 + 2 * 7 + 1))
        // The first face covers a 6×6 block starting right of the label column, under the title.
        for (x, y) in [(5, 7), (10, 12)] {
            #expect((grid[x, y, 0], grid[x, y, 2]) == (255, 0))
        }
        #expect((grid[12, 7, 0], grid[12, 7, 2]) == (0, 255))
        // The row name "A" starts at x = 1 (the gutter); its left stroke lights column 1 beside the first row.
        let lit = (7..<13).contains { y in grid[1, y, 0] == 230 }
        #expect(lit)
    }

    @Test(arguments: [
        ([["x"], ["y"]], ["one"], "grid: needs one name per row: 2 rows, 1 names"),
        ([[String]](), ["one"], "grid: a labelled grid needs at least one picture"),
    ])
    func badLayoutsAreRefused(rows: [[String]], names: [String], message: String) {
        let face = Image(width: 2, height: 2, channels: 3, fill: [0])
        #expect(throws: ImageGridError(String(message.dropFirst("grid: ".count)))) {
            try LabelledGrid.make(rows: rows.map { $0.map { _ in face } }, rowNames: names, title: "")
        }
    }

    @Test func theArrowIsWrittenSoTheFontCanDrawIt() {
        #expect(LabelledGrid.fontSafe("A → B") == "A -> B")
    }
}
