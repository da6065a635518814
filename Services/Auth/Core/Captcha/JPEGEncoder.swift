/// Writes an `RGBImage` as a baseline sequential JPEG (SOF0, 8-bit, Huffman-coded) in a JFIF
/// file: three YCbCr components, the Annex K quantisation tables scaled by a quality setting and
/// the Annex K Huffman tables, one interleaved scan.
enum JPEGEncoder {
    /// How finely the two colour-difference components are sampled.
    enum ChromaSampling: Sendable {
        /// 4:4:4 — every component at full resolution; sharper colour edges, larger files.
        case full
        /// 4:2:0 — colour differences at half width and half height; the common choice for photos.
        case halved
    }

    /// The JPEG file for `image`. `quality` runs from 1 (smallest) to 100 (finest); values
    /// outside are clamped. 75 to 90 suits most pictures.
    static func encode(_ image: RGBImage, quality: Int, chroma: ChromaSampling = .halved) -> [UInt8] {
        let lumaQuantisation = JPEGTables.scaledQuantisation(JPEGTables.luminanceQuantisation, quality: quality)
        let chromaQuantisation = JPEGTables.scaledQuantisation(JPEGTables.chrominanceQuantisation, quality: quality)
        let lumaTables = JPEGScanEncoder.ComponentTables(
            reciprocalQuantisers: lumaQuantisation.map { 1 / Float($0) },
            dc: JPEGTables.luminanceDC.encodingTable(),
            ac: JPEGTables.luminanceAC.encodingTable())
        let chromaTables = JPEGScanEncoder.ComponentTables(
            reciprocalQuantisers: chromaQuantisation.map { 1 / Float($0) },
            dc: JPEGTables.chrominanceDC.encodingTable(),
            ac: JPEGTables.chrominanceAC.encodingTable())

        let halves = chroma == .halved
        let mcuSide = halves ? 16 : 8
        let planes = JPEGColourPlanes(image, mcuSide: mcuSide, halvesChroma: halves)
        var scan = JPEGScanEncoder(componentCount: 3, expectedBytes: image.width * image.height / 2 + 1024)
        for mcuY in stride(from: 0, to: planes.lumaHeight, by: mcuSide) {
            for mcuX in stride(from: 0, to: planes.lumaWidth, by: mcuSide) {
                for blockY in stride(from: 0, to: mcuSide, by: 8) {
                    for blockX in stride(from: 0, to: mcuSide, by: 8) {
                        scan.encodeBlock(
                            of: planes.luma, width: planes.lumaWidth, x: mcuX + blockX, y: mcuY + blockY,
                            component: 0, tables: lumaTables)
                    }
                }
                let chromaX = halves ? mcuX / 2 : mcuX
                let chromaY = halves ? mcuY / 2 : mcuY
                scan.encodeBlock(
                    of: planes.blueDifference, width: planes.chromaWidth, x: chromaX, y: chromaY,
                    component: 1, tables: chromaTables)
                scan.encodeBlock(
                    of: planes.redDifference, width: planes.chromaWidth, x: chromaX, y: chromaY,
                    component: 2, tables: chromaTables)
            }
        }
        let scanData = scan.finish()

        var file = JPEGSegmentWriter(reservingCapacity: scanData.count + 700)
        file.writeStartOfImage()
        file.writeJFIFHeader()
        file.writeQuantisationTables([lumaQuantisation, chromaQuantisation])
        file.writeBaselineFrame(width: image.width, height: image.height, lumaSampling: halves ? 2 : 1)
        file.writeHuffmanTables([
            (tableClass: 0, identifier: 0, JPEGTables.luminanceDC),
            (tableClass: 1, identifier: 0, JPEGTables.luminanceAC),
            (tableClass: 0, identifier: 1, JPEGTables.chrominanceDC),
            (tableClass: 1, identifier: 1, JPEGTables.chrominanceAC),
        ])
        file.writeScanHeader()
        file.append(scanData)
        file.writeEndOfImage()
        return file.bytes
    }
}
