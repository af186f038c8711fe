/// The trace a stride-2 transposed convolution leaves: power at the frequencies that repeat
/// every 2, 4, 8 pixels.
///
/// A generator that doubles its resolution three times with stride-2 transposed convolutions
/// paints each output pixel from a kernel tap chosen by the pixel's position modulo 2 (then 4,
/// then 8). Any unevenness between taps repeats with those periods, so a centred spectrum of
/// size n gets bright points on the grid of multiples of n/8 (at 32×32: 0, ±4, ±8, ±12, 16
/// cycles along each axis) and faint ones at the frequencies in between. Nearest up-sampling
/// followed by a convolution treats every pixel alike and leaves no such grid (Odena et al.,
/// Distill 2016; Durall et al., CVPR 2020).
public enum SpectralPeaks {
    /// How much brighter, in dB, the spectrum is on the n/8 grid than right next to it: the mean
    /// over every grid point except the centre of (value − mean of its 8 neighbours). About 0 for
    /// natural pictures; clearly positive for a transposed-convolution generator.
    public static func gridProminence(_ spectrum: PowerSpectrum) -> Double {
        let height = spectrum.height, width = spectrum.width
        let stepY = max(1, height / 8), stepX = max(1, width / 8)
        var total = 0.0, count = 0
        for y in stride(from: 0, to: height, by: stepY) {
            for x in stride(from: 0, to: width, by: stepX) where !(y == height / 2 && x == width / 2) {
                var neighbours = 0.0, neighbourCount = 0
                for dy in -1...1 {
                    for dx in -1...1 where dx != 0 || dy != 0 {
                        let ny = y + dy, nx = x + dx
                        guard ny >= 0, ny < height, nx >= 0, nx < width else { continue }
                        neighbours += Double(spectrum.decibels[ny * width + nx])
                        neighbourCount += 1
                    }
                }
                total += Double(spectrum.decibels[y * width + x]) - neighbours / Double(neighbourCount)
                count += 1
            }
        }
        return total / Double(max(count, 1))
    }
}
