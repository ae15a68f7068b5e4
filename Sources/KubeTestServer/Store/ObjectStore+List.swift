import Foundation

/// LIST with selectors and `limit`/`continue` pagination.
extension ObjectStore {
    /// What a list request asks for.
    struct ListOptions: Sendable {
        /// Label selector; everything by default.
        var labelSelector = LabelSelector.everything
        /// Field selector; everything by default.
        var fieldSelector = FieldSelector(terms: [])
        /// Page size; nil or 0 for all.
        var limit: Int?
        /// The continue token of the previous page.
        var continueToken: String?
    }

    /// One page of a list.
    struct ListPage: Sendable {
        /// Matching objects in key order, as served at the requested version.
        var items: [JSONValue]
        /// The list's resourceVersion (of the first page's snapshot when continuing).
        var resourceVersion: Int64
        /// The token for the next page; nil on the last page.
        var continueToken: String?
        /// Matching objects after this page, when no selector is given (kube reports it only then).
        var remainingItemCount: Int?
    }

    /// LIST of `resource`, in one namespace or (namespace nil) across all of them.
    ///
    /// Simplification: pages after the first show the current objects after the last key, not a consistent
    /// snapshot; the list resourceVersion stays the first page's. A token older than the retained history
    /// (see ``compact()``) is 410 Expired, as after an etcd compaction.
    func list(_ resource: ResourceType, namespace: String?, options: ListOptions) throws(APIError) -> ListPage {
        var listVersion = resourceVersion
        var startAfter: ObjectKey?
        if let token = options.continueToken, !token.isEmpty {
            guard let decoded = Self.decodeContinue(token) else {
                throw APIError.badRequest("continue key is not valid: invalid continue token")
            }
            if decoded.resourceVersion < historyStart { throw APIError.continueExpired }
            listVersion = decoded.resourceVersion
            startAfter = decoded.after
        }
        let candidates = (objects[resource.storageKey] ?? [:]).filter { key, _ in
            guard let namespace, resource.namespaced else { return true }
            return key.namespace == namespace
        }
        var matching: [(ObjectKey, JSONValue)] = []
        for key in candidates.keys.sorted() {
            if let startAfter, !(startAfter < key) { continue }
            guard let object = candidates[key] else { continue }
            let labels = Self.labels(of: object)
            guard options.labelSelector.matches(labels), options.fieldSelector.matches(object) else { continue }
            matching.append((key, object))
        }
        var page = matching
        var token: String?
        var remaining: Int?
        if let limit = options.limit, limit > 0, matching.count > limit {
            page = Array(matching.prefix(limit))
            if let last = page.last?.0 {
                token = Self.encodeContinue(resourceVersion: listVersion, after: last)
            }
            if options.labelSelector.requirements.isEmpty && options.fieldSelector.terms.isEmpty {
                remaining = matching.count - limit
            }
        }
        let items = page.map { _, object in
            var item = served(object, as: resource)
            // kube's typed JSON encoder leaves TypeMeta off list items of built-in kinds; unstructured (custom)
            // items keep it.
            if !resource.isCustom {
                item["kind"] = nil
                item["apiVersion"] = nil
            }
            return item
        }
        return ListPage(items: items, resourceVersion: listVersion, continueToken: token, remainingItemCount: remaining)
    }

    /// The labels of an object as strings.
    static func labels(of object: JSONValue) -> [String: String] {
        (object[path: ["metadata", "labels"]]?.objectValue ?? [:]).compactMapValues(\.stringValue)
    }

    static func encodeContinue(resourceVersion: Int64, after key: ObjectKey) -> String {
        let payload = JSONValue.object([
            "rv": .int(resourceVersion), "ns": .string(key.namespace), "name": .string(key.name),
        ])
        return Data(payload.serializedBytes()).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decodeContinue(_ token: String) -> (resourceVersion: Int64, after: ObjectKey)? {
        var base64 = token.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard token.count < 4096, let data = Data(base64Encoded: base64),
            let payload = try? JSONParser.parse(Array(data)), let version = payload["rv"]?.intValue,
            let namespace = payload["ns"]?.stringValue, let name = payload["name"]?.stringValue
        else { return nil }
        return (version, ObjectKey(namespace: namespace, name: name))
    }
}
