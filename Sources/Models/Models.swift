// Models: the lessons' ready-made networks and the training loops that drive them, as
// library code the shell's `train(...)`, `sample`, `reconstruct`, `interpolate` and `swap` call,
// and the tests exercise without a terminal.
//
// Read in this order:
//
//     Autoencoder.swift            conv encoder → 32 numbers → deconv decoder (reconstruct, interpolate)
//     FaceSwapModel.swift          one shared encoder, two decoders: the original deepfake
//     DCGAN.swift                  generator and discriminator (sample, interpolate by slerp)
//     FaceClassifier.swift         a small CNN answering one yes/no question (real or generated?)
//     TrainingConfig.swift         the knobs: learningRate, batchSize, steps, betas, seed, sampleEvery
//     TrainingLoop.swift           what every trainer shares: progress, Ctrl-C, the loss guard, files
//     *Trainer.swift               one step of each model, side by side with its loss
//     FaceSwapModel+Swap.swift     the swap, and its grade against the renderer's true answers
//     DetectionData.swift          real faces and a generator's fakes, labelled for a detector
//
// How the shell drives a training run:
//
//     let trainer = try GANTrainer(model: DCGAN(), faces: train)          // defaults: GANTrainer.defaultConfig
//     trainer.config.steps = 1000                                         // a learner's change
//     let outcome = try trainer.train(output: session.outputFolder) { event in
//         switch event {
//         case .progress(let progress): redraw(ProgressLine.format(progress, width: columns))
//         case .samplesWritten(let file, _): show(file)
//         }
//     }
//     print(outcome.summary)   // finished, interrupted, or why the guard stopped it and where it rolled back
//
// `train` polls `Interrupt.consume()` between steps (pass `interruptRequested:` to replace it),
// may be called again to continue (step numbers carry on), and writes into the folder it is given:
// `<name>-loss.csv` and `<name>-step-NNNNNN.png`, each PNG labelled as synthetic.
