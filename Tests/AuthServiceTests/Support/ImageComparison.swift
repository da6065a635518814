import Foundation

/// Measures how far a decoded picture is from the original, sample by sample.
enum ImageComparison {
    /// Peak signal-to-noise ratio in decibels over all samples (infinite when identical).
    static func peakSignalToNoise(_ original: [UInt8], _ decoded: [UInt8]) -> Double {
        precondition(original.count == decoded.count && !original.isEmpty)
        var squaredError = 0.0
        for (a, b) in zip(original, decoded) {
            let difference = Double(a) - Double(b)
            squaredError += difference * difference
        }
        let meanSquaredError = squaredError / Double(original.count)
        return meanSquaredError == 0 ? .infinity : 10 * log10(255 * 255 / meanSquaredError)
    }

    /// The largest difference between two corresponding samples.
    static func largestDifference(_ original: [UInt8], _ decoded: [UInt8]) -> Int {
        precondition(original.count == decoded.count)
        return zip(original, decoded).map { abs(Int($0) - Int($1)) }.max() ?? 0
    }
}
