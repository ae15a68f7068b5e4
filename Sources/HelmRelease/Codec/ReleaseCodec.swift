import CompressNIO
import NIOCore

/// Encodes releases as Helm stores them in records, and decodes what Helm stored.
///
/// The stored form is Helm's `encodeRelease`: the release's JSON, gzip-compressed at the best level, then
/// standard base64. Decoding follows Helm's `decodeRelease`: base64, then gunzip if the bytes start with the
/// gzip magic (`1f 8b 08`), otherwise plain JSON (records written before Helm compressed them). Every step is
/// capped, so a hostile record fails with a ``ReleaseError`` instead of exhausting memory.
///
/// ```swift
/// let codec = ReleaseCodec()
/// let text = try codec.encode(release)          // what goes into data.release
/// let back = try codec.decode(text, record: "sh.helm.release.v1.web.v3")
/// ```
public struct ReleaseCodec: Sendable {
    /// Limits that keep hostile records from exhausting memory.
    public struct Configuration: Sendable, Hashable {
        /// Largest encoded (base64) record accepted, in bytes. Default 8 MiB: a Kubernetes object cannot
        /// exceed about 1.5 MiB.
        public var maxEncodedSize: Int
        /// Largest JSON accepted after gunzip, in bytes. Default 128 MiB, far above any real chart, and the
        /// bound on memory a gzip bomb can claim.
        public var maxDecodedSize: Int

        /// Creates limits; each parameter defaults as documented on its property.
        public init(maxEncodedSize: Int = 8 << 20, maxDecodedSize: Int = 128 << 20) {
            self.maxEncodedSize = maxEncodedSize
            self.maxDecodedSize = maxDecodedSize
        }
    }

    /// The limits in force.
    public var configuration: Configuration

    /// Creates a codec with the given limits (defaults: see ``Configuration``).
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    // MARK: JSON

    /// The release's JSON, byte for byte as Helm's `json.Marshal` writes it.
    public func encodeJSON(_ release: Release) -> [UInt8] {
        var writer = GoJSONWriter(reservingCapacity: 4096 + release.manifest.utf8.count * 2)
        release.write(to: &writer)
        return writer.bytes
    }

    /// Reads a release from JSON.
    /// - Parameters:
    ///   - json: the JSON bytes.
    ///   - record: the record key, used in error messages.
    /// - Throws: ``ReleaseError/Code/corruptedRecord`` if the JSON is invalid or a field has the wrong type.
    public func decodeJSON(_ json: [UInt8], record: String? = nil) throws(ReleaseError) -> Release {
        let value: LosslessJSON
        do {
            value = try JSONParser.parse(json)
        } catch {
            throw .corrupted(record: record, "the release JSON is invalid (\(error))", cause: error)
        }
        return try Release(json: value, record: record)
    }

    // MARK: Record body

    /// Encodes a release as Helm's `encodeRelease` does: JSON, gzip (best compression), base64.
    /// - Throws: ``ReleaseError/Code/storage`` if compression fails.
    public func encode(_ release: Release) throws(ReleaseError) -> String {
        let json = encodeJSON(release)
        var input = ByteBuffer(bytes: json)
        let compressed: ByteBuffer
        do {
            compressed = try input.compress(with: .gzip(configuration: .init(compressionLevel: .bestCompression)))
        } catch {
            throw ReleaseError(code: .storage, message: "gzip of release \(release.storageKey) failed", cause: error)
        }
        return Base64.encode(compressed.readableBytesView)
    }

    /// Decodes a record body as Helm's `decodeRelease` does (base64, then gzip if present, then JSON).
    /// - Parameters:
    ///   - text: the base64 text (a ConfigMap's `data.release`, or a Secret's after the Secret's own base64).
    ///   - record: the record key, used in error messages.
    /// - Throws: ``ReleaseError/Code/corruptedRecord`` for bad base64, gzip or JSON, and
    ///   ``ReleaseError/Code/recordTooLarge`` when a limit is exceeded.
    public func decode(_ text: some StringProtocol, record: String? = nil) throws(ReleaseError) -> Release {
        try decode(bytes: Array(text.utf8), record: record)
    }

    /// Decodes a record body given as the bytes of its base64 text.
    public func decode(bytes text: [UInt8], record: String? = nil) throws(ReleaseError) -> Release {
        guard text.count <= configuration.maxEncodedSize else {
            throw .tooLarge(record: record, limit: configuration.maxEncodedSize)
        }
        guard let raw = Base64.decode(text) else {
            throw .corrupted(record: record, "the release data is not valid base64")
        }
        return try decodeJSON(try gunzipIfNeeded(raw, record: record), record: record)
    }

    /// Gunzips `raw` when it starts with the gzip magic, as Helm does; otherwise returns it unchanged.
    func gunzipIfNeeded(_ raw: [UInt8], record: String?) throws(ReleaseError) -> [UInt8] {
        // Helm checks len(b) > 3 and the three magic bytes 1f 8b 08.
        guard raw.count > 3, raw[0] == 0x1F, raw[1] == 0x8B, raw[2] == 0x08 else {
            guard raw.count <= configuration.maxDecodedSize else {
                throw .tooLarge(record: record, limit: configuration.maxDecodedSize)
            }
            return raw
        }
        // A gzip member is at least a 10-byte header and an 8-byte trailer.
        guard raw.count >= 18 else { throw .corrupted(record: record, "the release data is truncated gzip") }
        var input = ByteBuffer(bytes: raw)
        let output: [UInt8]
        do {
            // maxSize + 1 lets output of exactly maxDecodedSize through; CompressNIO throws at the cap.
            var buffer = try input.decompress(with: .gzip(), maxSize: configuration.maxDecodedSize + 1)
            output = buffer.readBytes(length: buffer.readableBytes) ?? []
        } catch let error as CompressNIOError where error == .bufferOverflow {
            throw .tooLarge(record: record, limit: configuration.maxDecodedSize)
        } catch {
            throw .corrupted(record: record, "the release data is not valid gzip (\(error))", cause: error)
        }
        // zlib stops quietly at the end of truncated input, so check the trailer as Go's gzip reader does:
        // CRC-32 and length (mod 2^32) of the output, little-endian, in the last 8 bytes.
        let trailer = raw.suffix(8).map(UInt32.init)
        let crc = trailer[0] | trailer[1] << 8 | trailer[2] << 16 | trailer[3] << 24
        let size = trailer[4] | trailer[5] << 8 | trailer[6] << 16 | trailer[7] << 24
        guard size == UInt32(truncatingIfNeeded: output.count), crc == CRC32.checksum(output) else {
            throw .corrupted(record: record, "the release data is truncated or damaged gzip (checksum mismatch)")
        }
        return output
    }
}
