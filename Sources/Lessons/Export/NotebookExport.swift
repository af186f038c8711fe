import Foundation

/// The notebook as a Jupyter notebook (nbformat 4): prose and quizzes as markdown cells, each
/// lab cell as a code cell with its printed output and its pictures as `image/png` outputs.
/// The kernel is named "lab" and marked as not Python, so Jupyter shows it without running it.
public enum NotebookExport {
    public static func render(_ notebook: Notebook) throws -> String {
        var cells: [[String: Any]] = [markdownCell("# " + notebook.title)]
        var executionCount = 0
        for entry in notebook.entries {
            switch entry {
            case .prose(let blocks):
                cells.append(markdownCell(MarkdownWriter.write(blocks)))
            case .cell(let code, let outputs):
                executionCount += 1
                var jupyterOutputs: [[String: Any]] = []
                for output in outputs {
                    switch output {
                    case .text(let text):
                        jupyterOutputs.append(["output_type": "stream", "name": "stdout", "text": lines(text + "\n")])
                    case .error(let text):
                        jupyterOutputs.append(["output_type": "stream", "name": "stderr", "text": lines(text + "\n")])
                    case .picture(let picture):
                        jupyterOutputs.append([
                            "output_type": "display_data",
                            "data": ["image/png": Data(picture.png).base64EncodedString(), "text/plain": [picture.provenance]],
                            "metadata": ["image/png": ["width": picture.width * 4, "height": picture.height * 4]],
                        ])
                    }
                }
                cells.append(["cell_type": "code", "execution_count": executionCount, "metadata": [String: Any](),
                              "source": lines(code), "outputs": jupyterOutputs])
            case .quiz(let question, let choices, let reply, let verdict):
                let text = (["**Quiz.** " + question, ""] + choices.enumerated().map { "\(Quiz.letter($0.offset))) \($0.element)  " }
                            + ["", "Answered: **\(reply)**. \(verdict)"]).joined(separator: "\n")
                cells.append(markdownCell(text))
            case .note(let text):
                cells.append(markdownCell("> " + text.replacingOccurrences(of: "\n", with: "\n> ")))
            }
        }
        let document: [String: Any] = [
            "nbformat": 4, "nbformat_minor": 5,
            "metadata": [
                "kernelspec": ["name": "deepfake-lab", "display_name": "Deepfake Lab (lab shell)", "language": "lab"],
                "language_info": ["name": "lab", "file_extension": ".lab"],
            ],
            "cells": cells.enumerated().map { index, cell in
                var cell = cell
                cell["id"] = String(format: "cell-%04d", index)  // nbformat 4.5 wants a unique id per cell
                return cell
            },
        ]
        let data = try JSONSerialization.data(withJSONObject: document, options: [.prettyPrinted, .sortedKeys])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    private static func markdownCell(_ text: String) -> [String: Any] {
        ["cell_type": "markdown", "metadata": [String: Any](), "source": lines(text)]
    }

    /// Jupyter stores text as a list of lines, each keeping its newline.
    private static func lines(_ text: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "\n" { result.append(current); current = "" }
        }
        if !current.isEmpty { result.append(current) }
        return result
    }
}

/// Writes the three exports of a notebook into `folder`: NAME.md (with NAME-files/ for its
/// pictures), NAME.html and NAME.ipynb. Returns the files written.
public enum NotebookWriter {
    public static func write(_ notebook: Notebook, to folder: URL, name: String) throws -> [URL] {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let markdown = MarkdownExport.render(notebook, pictureFolder: name + "-files")
        let pictureFolder = folder.appendingPathComponent(name + "-files")
        if !markdown.pictures.isEmpty { try FileManager.default.createDirectory(at: pictureFolder, withIntermediateDirectories: true) }
        for picture in markdown.pictures {
            try Data(picture.png).write(to: pictureFolder.appendingPathComponent(picture.name), options: .atomic)
        }
        let files = [folder.appendingPathComponent(name + ".md"), folder.appendingPathComponent(name + ".html"),
                     folder.appendingPathComponent(name + ".ipynb")]
        try ExportFile.write(markdown.text, to: files[0])
        try ExportFile.write(HTMLExport.render(notebook), to: files[1])
        try ExportFile.write(try NotebookExport.render(notebook), to: files[2])
        return files
    }
}
