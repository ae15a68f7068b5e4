/// The record as the JSON body of a Kubernetes Secret or ConfigMap, for the API-backed drivers and fixtures.
extension ReleaseRecord {
    /// The object as JSON: `apiVersion`, `kind`, `metadata` (name, namespace, labels, resourceVersion),
    /// `type` for a Secret, and `data.release` (base64-encoded again for a Secret).
    public var kubernetesObject: LosslessJSON {
        var metadata: [String: LosslessJSON] = [
            "name": .string(name),
            "namespace": .string(namespace),
            "labels": .object(labels.mapValues(LosslessJSON.string)),
        ]
        if let resourceVersion { metadata["resourceVersion"] = .string(resourceVersion) }
        var object: [String: LosslessJSON] = [
            "apiVersion": "v1",
            "kind": .string(kind.rawValue),
            "metadata": .object(metadata),
        ]
        switch kind {
        case .secret:
            object["type"] = .string(Self.secretType)
            object["data"] = ["release": .string(Base64.encode(Array(body.utf8)))]
        case .configMap:
            object["data"] = ["release": .string(body)]
        }
        return .object(object)
    }

    /// The object as JSON bytes, ready to send to an API server.
    public var kubernetesObjectJSON: [UInt8] {
        var writer = GoJSONWriter()
        writer.value(kubernetesObject)
        return writer.bytes
    }

    /// Reads a record from a Secret or ConfigMap as an API server returns it.
    /// - Throws: ``ReleaseError/Code/corruptedRecord`` if the object is not a release record (wrong kind, no
    ///   `data.release`, a Secret's data not base64).
    public init(kubernetesObject object: LosslessJSON) throws(ReleaseError) {
        let metadata = object["metadata"]?.objectValue ?? [:]
        let name = metadata["name"]?.stringValue ?? ""
        let record = name.isEmpty ? nil : name
        guard let kindText = object["kind"]?.stringValue, let kind = Kind(rawValue: kindText) else {
            throw .corrupted(record: record, "expected a Secret or ConfigMap", path: "kind")
        }
        guard let data = object["data"]?["release"]?.stringValue else {
            throw .corrupted(record: record, "the object has no data.release", path: "data.release")
        }
        let body: String
        switch kind {
        case .secret:
            guard let raw = Base64.decode(data.utf8) else {
                throw .corrupted(record: record, "the Secret's data.release is not valid base64", path: "data.release")
            }
            body = String(decoding: raw, as: UTF8.self)
        case .configMap:
            body = data
        }
        var labels: [String: String] = [:]
        for (key, value) in metadata["labels"]?.objectValue ?? [:] {
            labels[key] = value.stringValue ?? ""
        }
        self.init(
            kind: kind, name: name, namespace: metadata["namespace"]?.stringValue ?? "", labels: labels, body: body,
            resourceVersion: metadata["resourceVersion"]?.stringValue
        )
    }

    /// Reads a record from the JSON bytes of a Secret or ConfigMap.
    public init(kubernetesObjectJSON json: [UInt8]) throws(ReleaseError) {
        let value: LosslessJSON
        do {
            value = try JSONParser.parse(json)
        } catch {
            throw .corrupted(record: nil, "the object is not valid JSON (\(error))", cause: error)
        }
        try self.init(kubernetesObject: value)
    }
}
