// swift-tools-version:6.0
// Deepfake Lab: a terminal lab for learning how deepfakes are made and caught.
//
// Module map (read in this order):
//   CBLAS, CPNG, CReadline  thin system-library wrappers (OpenBLAS, libpng, GNU readline)
//   Engine                  tensors, reverse-mode autodiff, layers, losses, optimisers, checkpoints
//   Imaging                 PNG input/output, image grids, conversions (no terminal code)
//   Faces                   the synthetic-face renderer and the shipped datasets
//   Lessons                 the shell's language, sessions, lessons and their experiments
//   Lab                     the `lab` executable: terminal, readline, inline pictures
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
    ],
    targets: [
        .systemLibrary(name: "CBLAS", path: "Sources/CBLAS"),
        .systemLibrary(name: "CPNG", path: "Sources/CPNG"),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),
        .target(name: "Engine", dependencies: ["CBLAS"], swiftSettings: optimisedEvenInDebug),
        .target(name: "Imaging", dependencies: ["CPNG", "Engine"], swiftSettings: optimisedEvenInDebug),
        .target(name: "Faces", dependencies: ["Engine", "Imaging"], swiftSettings: optimisedEvenInDebug),
        .target(name: "Lessons", dependencies: ["Engine", "Imaging", "Faces"]),
        .target(name: "Detection", dependencies: ["Engine", "Imaging", "Faces"], swiftSettings: optimisedEvenInDebug),
        .executableTarget(
            name: "Lab",
            dependencies: [
                "Lessons", "Engine", "Imaging", "Faces", "CReadline",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "EngineTests", dependencies: ["Engine"]),
        .testTarget(name: "FacesTests", dependencies: ["Faces", "Imaging", "Engine"]),
        .testTarget(name: "LessonsTests", dependencies: ["Lessons", "Engine", "Imaging", "Faces"]),
        .testTarget(name: "DetectionTests", dependencies: ["Detection", "Imaging", "Engine", "Faces"]),
        .testTarget(name: "LabTests", dependencies: ["Lab", "Lessons", "Imaging"]),
    ],
    swiftLanguageModes: [.v5]
)
