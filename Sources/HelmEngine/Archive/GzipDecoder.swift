import CompressNIO
import NIOCore

/// Decompresses a gzip stream in fixed-size chunks, stopping as soon as a limit is passed.
enum GzipDecoder {
    /// Size of each input slice and output window.
    static let chunkSize = 64 * 1024

    /// Inflates `input` (a complete gzip file) and returns the decompressed bytes.
    ///
    /// - Parameters:
    ///   - maxOutput: the most bytes allowed out; one more is an error.
    ///   - limits: for the compression-ratio check.
    ///   - name: the archive's name, for messages.
    static func decompress(_ input: [UInt8], maxOutput: Int, limits: ArchiveLimits, name: String) throws -> [UInt8] {
        guard input.count >= 3, input[0] == 0x1F, input[1] == 0x8B, input[2] == 0x08 else {
            throw ChartError(
                code: .invalidArchive,
                message: "file '\(name)' does not appear to be a valid chart file (details: gzip: invalid header)",
                path: name)
        }
        let decompressor: ZlibDecompressor
        do {
            decompressor = try ZlibDecompressor(algorithm: .gzip)
        } catch {
            throw ChartError(code: .io, message: "\(name): cannot start gzip decompression: \(error)", path: name)
        }
        var output: [UInt8] = []
        var window = ByteBufferAllocator().buffer(capacity: chunkSize)
        var offset = 0
        var inputSlice = ByteBufferAllocator().buffer(capacity: 16)
        var finished = false
        while !finished {
            if inputSlice.readableBytes == 0, offset < input.count {
                let end = min(offset + chunkSize, input.count)
                inputSlice = ByteBuffer(bytes: input[offset..<end])
                offset = end
            }
            let noMoreInput = inputSlice.readableBytes == 0 && offset >= input.count
            window.clear()
            do {
                try decompressor.inflate(from: &inputSlice, to: &window)
                // A normal return is either the end of the stream or "all input used, need more";
                // with no input left, only the end of the stream returns normally.
                finished = inputSlice.readableBytes > 0 || noMoreInput
            } catch let error as CompressNIOError where error == .bufferOverflow {
                // Output window full: drain it and continue.
            } catch let error as CompressNIOError where error == .inputBufferOverflow {
                if noMoreInput {
                    throw ChartError(
                        code: .invalidArchive, message: "\(name): gzip stream is truncated (unexpected EOF)",
                        path: name)
                }
            } catch {
                throw ChartError(
                    code: .invalidArchive, message: "\(name): gzip data is corrupt (\(error))", path: name, cause: error
                )
            }
            if let bytes = window.readBytes(length: window.readableBytes) {
                output.append(contentsOf: bytes)
            }
            if output.count > maxOutput {
                throw ChartError(
                    code: .limitExceeded,
                    message: "\(name): decompressed chart is larger than the maximum size \(maxOutput)", path: name)
            }
            let consumed = offset - inputSlice.readableBytes
            if output.count > limits.ratioCheckThreshold, consumed > 0,
                output.count / consumed > limits.maxCompressionRatio
            {
                throw ChartError(
                    code: .limitExceeded,
                    message: "\(name): compression ratio exceeds \(limits.maxCompressionRatio):1 "
                        + "(\(output.count) bytes from \(consumed)); refusing a likely zip bomb",
                    path: name)
            }
        }
        return output
    }
}
