/// JSON patch (RFC 6902): add, remove, replace, move, copy and test, with RFC 6901 pointers.
///
/// Failures carry the messages of the evanphx/json-patch library kube-apiserver uses, which kube returns as
/// 422 (see `APIError` use in the router).
enum JSONPatch {
    /// Why a patch could not be applied.
    struct Failure: Error, Sendable, Equatable {
        /// Library-style text, e.g. `testing value /data/a failed: test failed`.
        var message: String
    }

    /// Applies every operation of `patch` (a JSON array) in order; all or nothing.
    static func apply(_ patch: JSONValue, to target: JSONValue) throws(Failure) -> JSONValue {
        guard case .array(let operations) = patch else {
            throw Failure(message: "json: cannot unmarshal \(patch.typeName) into Go value of type jsonpatch.Patch")
        }
        var document = target
        for operation in operations {
            guard case .object(let members) = operation else {
                throw Failure(
                    message: "json: cannot unmarshal \(operation.typeName) into Go value of type jsonpatch.Operation")
            }
            guard let op = members["op"]?.stringValue else { throw Failure(message: "missing op") }
            guard let path = members["path"]?.stringValue else {
                throw Failure(message: "operation missing path")
            }
            let pointer = try parsePointer(path)
            switch op {
            case "add":
                guard let value = members["value"] else { throw Failure(message: "operation missing value") }
                try add(value, at: pointer, path: path, in: &document)
            case "remove":
                _ = try remove(at: pointer, path: path, in: &document)
            case "replace":
                guard let value = members["value"] else { throw Failure(message: "operation missing value") }
                _ = try remove(at: pointer, path: path, in: &document, verb: "replace")
                try add(value, at: pointer, path: path, in: &document)
            case "move":
                guard let from = members["from"]?.stringValue else { throw Failure(message: "operation missing from") }
                let fromPointer = try parsePointer(from)
                if pointer.count > fromPointer.count, Array(pointer.prefix(fromPointer.count)) == fromPointer {
                    throw Failure(message: "Unable to move \(from) into its own child \(path)")
                }
                let value = try remove(at: fromPointer, path: from, in: &document, verb: "move")
                try add(value, at: pointer, path: path, in: &document)
            case "copy":
                guard let from = members["from"]?.stringValue else { throw Failure(message: "operation missing from") }
                let value = try get(at: try parsePointer(from), path: from, in: document, verb: "copy")
                try add(value, at: pointer, path: path, in: &document)
            case "test":
                let expected = members["value"] ?? .null
                let actual = try? get(at: pointer, path: path, in: document, verb: "test")
                guard let actual, actual.semanticallyEquals(expected) else {
                    throw Failure(message: "testing value \(path) failed: test failed")
                }
            default:
                throw Failure(message: "Unexpected kind: \(op)")
            }
        }
        return document
    }

    /// Splits an RFC 6901 pointer into unescaped tokens.
    static func parsePointer(_ path: String) throws(Failure) -> [String] {
        if path.isEmpty { return [] }
        guard path.hasPrefix("/") else { throw Failure(message: "JSON pointer must be empty or start with a \"/\"") }
        return path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            String($0).replacing("~1", with: "/").replacing("~0", with: "~")
        }
    }

    private static func arrayIndex(_ token: String, count: Int, allowEnd: Bool, path: String) throws(Failure) -> Int {
        if allowEnd && token == "-" { return count }
        guard let index = Int(token), index >= 0, String(index) == token else {
            throw Failure(message: "Unable to access invalid index: \(token)")
        }
        guard index < count || (allowEnd && index == count) else {
            throw Failure(message: "Unable to access invalid index: \(index)")
        }
        return index
    }

    private static func get(
        at pointer: [String], path: String, in document: JSONValue, verb: String
    ) throws(Failure)
        -> JSONValue
    {
        var current = document
        for token in pointer {
            switch current {
            case .object(let members):
                guard let next = members[token] else {
                    throw Failure(message: "\(verb) operation does not apply: doc is missing path: \"\(path)\"")
                }
                current = next
            case .array(let elements):
                current = elements[try arrayIndex(token, count: elements.count, allowEnd: false, path: path)]
            default:
                throw Failure(message: "\(verb) operation does not apply: doc is missing path: \"\(path)\"")
            }
        }
        return current
    }

    private static func add(
        _ value: JSONValue, at pointer: [String], path: String, in document: inout JSONValue
    )
        throws(Failure)
    {
        guard let last = pointer.last else {
            document = value
            return
        }
        try modifyParent(of: pointer, path: path, verb: "add", in: &document) {
            (parent: inout JSONValue) throws(Failure) in
            switch parent {
            case .object(var members):
                members[last] = value
                parent = .object(members)
            case .array(var elements):
                let index = try arrayIndex(last, count: elements.count, allowEnd: true, path: path)
                elements.insert(value, at: index)
                parent = .array(elements)
            default:
                throw Failure(message: "add operation does not apply: doc is missing path: \"\(path)\"")
            }
        }
    }

    private static func remove(
        at pointer: [String], path: String, in document: inout JSONValue, verb: String = "remove"
    )
        throws(Failure) -> JSONValue
    {
        guard let last = pointer.last else {
            let whole = document
            document = .null
            return whole
        }
        var removed = JSONValue.null
        try modifyParent(of: pointer, path: path, verb: verb, in: &document) {
            (parent: inout JSONValue) throws(Failure) in
            switch parent {
            case .object(var members):
                guard let value = members.removeValue(forKey: last) else {
                    throw Failure(message: "\(verb) operation does not apply: doc is missing key: \(path)")
                }
                removed = value
                parent = .object(members)
            case .array(var elements):
                let index = try arrayIndex(last, count: elements.count, allowEnd: false, path: path)
                removed = elements.remove(at: index)
                parent = .array(elements)
            default:
                throw Failure(message: "\(verb) operation does not apply: doc is missing path: \"\(path)\"")
            }
        }
        return removed
    }

    /// Walks to the parent of the pointer's last token and lets `body` change it in place.
    private static func modifyParent(
        of pointer: [String], path: String, verb: String, in document: inout JSONValue,
        _ body: (inout JSONValue) throws(Failure) -> Void
    ) throws(Failure) {
        if pointer.count == 1 {
            try body(&document)
            return
        }
        let token = pointer[0]
        let rest = Array(pointer.dropFirst())
        switch document {
        case .object(var members):
            guard var child = members[token] else {
                throw Failure(message: "\(verb) operation does not apply: doc is missing path: \"\(path)\"")
            }
            members[token] = nil
            try modifyParent(of: rest, path: path, verb: verb, in: &child, body)
            members[token] = child
            document = .object(members)
        case .array(var elements):
            let index = try arrayIndex(token, count: elements.count, allowEnd: false, path: path)
            var child = elements[index]
            try modifyParent(of: rest, path: path, verb: verb, in: &child, body)
            elements[index] = child
            document = .array(elements)
        default:
            throw Failure(message: "\(verb) operation does not apply: doc is missing path: \"\(path)\"")
        }
    }
}
