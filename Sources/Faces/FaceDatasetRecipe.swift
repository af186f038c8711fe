import Dispatch
import Engine
import Foundation
import Imaging

/// How each shipped dataset is made: which pictures, in what order, at what size. Running a
/// recipe again gives the same pixels and the same manifest, which a test checks against the
/// committed files in `datasets-small/`.
public struct FaceDatasetRecipe: Sendable {
    /// One picture to render, with the facts the manifest records about it.
    public struct Item: Sendable {
        public var split: String        // "train" or "test"
        public var role: String         // "person", "A", "B", "B-as-A" or "A-as-B"
        public var source: Int          // index of the picture whose moment is copied, or −1
        public var seed: UInt64
        public var attributes: FaceAttributes
    }

    public let name: String
    public let imageSize: Int
    /// 32×32 pictures are rendered at 64×64 and averaged down, so tiny pupils stay honest.
    public let supersampling: Int
    public let items: [Item]

    /// Every dataset in `datasets-small/`, by folder name.
    public static let all: [FaceDatasetRecipe] = [
        faces(size: 32, train: 10_000, test: 1_000, supersampling: 2),
        pair(size: 32, train: 2_000, test: 100, supersampling: 2),
        // The 64×64 sets are smaller so that everything stays under 30 MB.
        faces(size: 64, train: 600, test: 200, supersampling: 1),
        pair(size: 64, train: 450, test: 50, supersampling: 1),
    ]

    /// Random people, each seen once. Person i is `FaceAttributes.random(seed: i)`; the
    /// held-out people come after the training ones, so the 64×64 set holds the same people.
    public static func faces(size: Int, train: Int, test: Int, supersampling: Int) -> FaceDatasetRecipe {
        let trainItems = (0..<train).map { index -> Item in
            Item(split: "train", role: "person", source: -1, seed: UInt64(index), attributes: .random(seed: UInt64(index)))
        }
        let testItems = (0..<test).map { index -> Item in
            let seed = UInt64(10_000 + index)   // the same held-out people at every size
            return Item(split: "test", role: "person", source: -1, seed: seed, attributes: .random(seed: seed))
        }
        return FaceDatasetRecipe(name: "faces-\(size)", imageSize: size, supersampling: supersampling, items: trainItems + testItems)
    }

    /// Persons A and B in many moments, plus the answers for the held-out moments: B in A's
    /// exact expression, pose and light ("B-as-A"), and A in B's ("A-as-B").
    public static func pair(size: Int, train: Int, test: Int, supersampling: Int) -> FaceDatasetRecipe {
        var items: [Item] = []
        func add(_ person: FaceIdentity, role: String, split: String, seeds: Range<UInt64>, source: (UInt64) -> Int = { _ in -1 }) {
            for seed in seeds {
                items.append(Item(split: split, role: role, source: source(seed), seed: seed,
                                  attributes: FacePair.attributes(person, momentSeed: seed)))
            }
        }
        // A's moments use seeds from 1,000,000, B's from 2,000,000: never the same moment twice.
        let aStart: UInt64 = 1_000_000, bStart: UInt64 = 2_000_000, n = UInt64(train), m = UInt64(test)
        add(FacePair.personA, role: "A", split: "train", seeds: aStart..<(aStart + n))
        add(FacePair.personB, role: "B", split: "train", seeds: bStart..<(bStart + n))
        let aTestIndex = items.count
        add(FacePair.personA, role: "A", split: "test", seeds: (aStart + n)..<(aStart + n + m))
        let bTestIndex = items.count
        add(FacePair.personB, role: "B", split: "test", seeds: (bStart + n)..<(bStart + n + m))
        add(FacePair.personB, role: "B-as-A", split: "test", seeds: (aStart + n)..<(aStart + n + m)) { aTestIndex + Int($0 - aStart - n) }
        add(FacePair.personA, role: "A-as-B", split: "test", seeds: (bStart + n)..<(bStart + n + m)) { bTestIndex + Int($0 - bStart - n) }
        return FaceDatasetRecipe(name: "pair-\(size)", imageSize: size, supersampling: supersampling, items: items)
    }

    public var sheetCount: Int { (items.count + SpriteSheet.capacity - 1) / SpriteSheet.capacity }

    public static func sheetName(_ number: Int) -> String { number < 10 ? "sheet-0\(number).png" : "sheet-\(number).png" }

    /// Renders every picture (on all cores: each picture is independent, so the result does
    /// not depend on the order threads finish in) and packs them into sheets.
    public func renderSheets() -> [Image] {
        var tiles = [Image?](repeating: nil, count: items.count)
        tiles.withUnsafeMutableBufferPointer { slots in
            let chunk = 250   // pictures per work item: big enough to keep thread overhead small
            DispatchQueue.concurrentPerform(iterations: (items.count + chunk - 1) / chunk) { part in
                for index in (part * chunk)..<min(items.count, (part + 1) * chunk) {
                    // Each thread writes only its own slots, so no locking is needed.
                    slots[index] = FaceRenderer.render(items[index].attributes, size: imageSize, supersampling: supersampling)
                }
            }
        }
        let rendered = tiles.map { $0! }
        return (0..<sheetCount).map { sheet in
            let start = sheet * SpriteSheet.capacity
            return SpriteSheet.pack(rendered[start..<min(rendered.count, start + SpriteSheet.capacity)], tileSize: imageSize)
        }
    }

    /// The manifest's text: a header line, then one line per picture.
    public func manifest() -> String {
        var lines = [FaceManifest.header]
        lines.reserveCapacity(items.count + 1)
        for (index, item) in items.enumerated() {
            let origin = SpriteSheet.origin(ofTile: index % SpriteSheet.capacity, tileSize: imageSize)
            let placement = [String(index), Self.sheetName(index / SpriteSheet.capacity), String(origin.x), String(origin.y),
                             item.split, item.role, String(item.source), String(item.seed)]
            let fields = placement + FaceManifest.identityFields(item.attributes.identity)
                + FaceManifest.momentFields(item.attributes) + FaceManifest.landmarkFields(FaceLandmarks(item.attributes, size: imageSize))
            lines.append(fields.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The text chunks of every sheet: what it is, and that nobody real is in it.
    public func sheetLabels(_ number: Int) -> [(key: String, value: String)] {
        PNGFile.labels(model: "FaceRenderer", source: .algorithmicMedia, extra: [
            ("Title", "\(name) \(Self.sheetName(number))"),
            ("Description", "\(SpriteSheet.columns)x\(SpriteSheet.rows) tiles of \(imageSize)x\(imageSize) synthetic faces; see manifest.csv"),
            ("Copyright", "Deepfake Lab contributors; same licence as the code"),
        ])
    }

    /// Writes `folder/<name>/sheet-NN.png` and `manifest.csv`, each atomically.
    public func write(into folder: String) throws {
        let directory = (folder as NSString).appendingPathComponent(name)
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ImageFileError.unwritable(path: directory, reason: "the folder cannot be created")
        }
        for (number, sheet) in renderSheets().enumerated() {
            let path = (directory as NSString).appendingPathComponent(Self.sheetName(number))
            try PNGFile.write(sheet, to: path, text: sheetLabels(number))
        }
        try PNGFile.writeAtomically(Array(manifest().utf8), to: (directory as NSString).appendingPathComponent("manifest.csv"))
    }
}

extension FaceDatasetRecipe {
    /// Regenerates every dataset under `folder`, reporting each as it is written.
    public static func generateAll(into folder: String, only names: [String] = [], progress: (String) -> Void = { _ in }) throws {
        for recipe in all where names.isEmpty || names.contains(recipe.name) {
            let start = DispatchTime.now().uptimeNanoseconds
            try recipe.write(into: folder)
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            progress("\(recipe.name): \(recipe.items.count) faces of \(recipe.imageSize)×\(recipe.imageSize) in \(recipe.sheetCount) sheets (\((seconds * 10).rounded() / 10) s)")
        }
    }
}
