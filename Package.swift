// swift-tools-version:6.0
// Deepfake Lab: a terminal lab for learning how deepfakes are made and caught.
//
// Module map (read in this order; each arrow is "is used by"):
//   CBLAS, CPNG, CReadline  thin system-library wrappers (OpenBLAS, libpng, GNU readline)
//   CCmarkGFM               cmark-gfm, the CommonMark parser the lessons' Markdown is read with
//   SafeFiles               bounded reads, atomic writes, printable file-borne text (no dependencies)
//   Engine                  tensors, reverse-mode autodiff, layers, losses, optimisers, checkpoints
//   Imaging                 images, PNG, grids with captions, the bitmap font, plots, PSNR/SSIM
//   Faces                   the synthetic-face renderer, datasets, tensor ↔ image conversion
//   Models                  the lessons' networks and the training loop they share
//   Shell                   the lab's language, built-ins, sessions, completion, terminal pictures
//   Lessons                 the lesson system: format, runner, checks, progress
//   Bench                   the reference workloads of shared/BENCHMARKS.md and their runner
//   Lab                     the `lab` executable: terminal and readline only
import PackageDescription

// Numeric code is unusable at -Onone (100x slower gradient checks and dataset renders),
// so the engine-level modules are optimised even in debug builds; tests stay fast.
let optimisedEvenInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "DeepfakeLab",
    products: [
        .executable(name: "lab", targets: ["Lab"]),
        .library(name: "Engine", targets: ["Engine"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
    ],
    targets: [
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        .systemLibrary(name: "CPNG", path: "Sources/CPNG"),
        .systemLibrary(name: "CGIF", path: "Sources/CGIF"),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .systemLibrary(name: "CCmarkGFM", path: "Sources/CCmarkGFM"),
        .target(name: "SafeFiles"),
        .target(name: "Engine", dependencies: ["CBLAS", "SafeFiles"], swiftSettings: optimisedEvenInDebug),
        .target(name: "Imaging", dependencies: ["CPNG", "CGIF", "SafeFiles"], swiftSettings: optimisedEvenInDebug),
        .target(name: "Faces", dependencies: ["Engine", "Imaging", "SafeFiles"], swiftSettings: optimisedEvenInDebug),
        .target(name: "Models", dependencies: ["Engine", "Imaging", "Faces", "SafeFiles"], swiftSettings: optimisedEvenInDebug),
        .target(name: "Detection", dependencies: ["Engine", "Imaging", "Faces", "Models", "SafeFiles"], swiftSettings: optimisedEvenInDebug),
        .target(name: "Shell", dependencies: ["Engine", "Imaging", "Faces", "Models", "Detection", "SafeFiles"]),
        .target(name: "Lessons", dependencies: ["Shell", "Engine", "Imaging", "SafeFiles", "CCmarkGFM",
                                                .product(name: "Yams", package: "Yams")]),
        .target(name: "Bench", dependencies: ["Engine", "Models"], swiftSettings: optimisedEvenInDebug),
        .executableTarget(
            name: "Lab",
            dependencies: [
                "Shell", "Lessons", "Bench", "Engine", "Imaging", "Faces", "Models", "CReadline", "SafeFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "TestSupport", dependencies: ["Engine", "Imaging", "Faces", "Models"], path: "Tests/TestSupport"),
        .testTarget(name: "EngineTests", dependencies: ["Engine", "SafeFiles", "TestSupport"]),
        .testTarget(name: "ImagingTests", dependencies: ["Imaging", "SafeFiles", "TestSupport"]),
        .testTarget(name: "FacesTests", dependencies: ["Faces", "Imaging", "Engine", "SafeFiles", "TestSupport"]),
        .testTarget(name: "ModelsTests", dependencies: ["Models", "Faces", "Imaging", "Engine", "TestSupport"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Models", "Engine", "Imaging", "Faces", "SafeFiles", "TestSupport"]),
        .testTarget(name: "DetectionTests", dependencies: ["Detection", "Models", "Faces", "Imaging", "Engine", "SafeFiles", "TestSupport"]),
        .testTarget(name: "BenchTests", dependencies: ["Bench", "Engine", "TestSupport"]),
        .testTarget(name: "LabTests", dependencies: ["Lab", "Shell", "Imaging", "TestSupport"]),
        .testTarget(name: "LessonSystemTests", dependencies: ["Lessons", "Shell", "Engine", "Imaging"]),
    ],
    swiftLanguageModes: [.v5]
)
