/// Fields kube-apiserver refuses to change on update (the validation behind `field is immutable`), for the kinds
/// the test server serves.
extension ObjectStore {
    /// Checks an update of the main resource against kube's immutability rules, filling in what kube keeps:
    ///
    /// - batch/v1 Job: `spec.selector` and `spec.template` never change.
    /// - apps/v1 Deployment, StatefulSet, DaemonSet, ReplicaSet: `spec.selector` never changes.
    /// - v1 Service: a set `spec.clusterIP` may not change; an update that leaves it out keeps it.
    ///
    /// - Throws: 422 Invalid with kube's field path and reason; the offending value is printed as JSON where kube
    ///   prints a Go value (a documented simplification).
    static func checkImmutableFields(
        current: JSONValue, proposed: inout JSONValue, _ resource: ResourceType
    ) throws(APIError) {
        let name = current[path: ["metadata", "name"]]?.stringValue ?? ""
        var causes: [APIError.Cause] = []
        func immutable(_ path: [String]) {
            let old = current[path: path] ?? .null
            let new = proposed[path: path] ?? .null
            guard !old.semanticallyEquals(new) else { return }
            causes.append(
                APIError.Cause(
                    reason: "FieldValueInvalid",
                    message: "Invalid value: \(new.serialized()): field is immutable",
                    field: path.joined(separator: ".")))
        }
        switch (resource.group, resource.plural) {
        case ("batch", "jobs"):
            immutable(["spec", "selector"])
            immutable(["spec", "template"])
        case ("apps", "deployments"), ("apps", "statefulsets"), ("apps", "daemonsets"), ("apps", "replicasets"):
            immutable(["spec", "selector"])
        case ("", "services"):
            let old = current[path: ["spec", "clusterIP"]]?.stringValue ?? ""
            let new = proposed[path: ["spec", "clusterIP"]]?.stringValue ?? ""
            if new.isEmpty, !old.isEmpty {
                proposed[path: ["spec", "clusterIP"]] = .string(old)
            } else if !old.isEmpty, new != old {
                causes.append(
                    APIError.Cause(
                        reason: "FieldValueInvalid",
                        message: "Invalid value: []string{\"\(new)\"}: may not change once set",
                        field: "spec.clusterIPs[0]"))
            }
        default:
            return
        }
        guard !causes.isEmpty else { return }
        var error = APIError.invalid(kind: resource.kind, group: resource.group, name: name, causes: causes)
        // kube names the kind with its group in the message: `Job.batch "x" is invalid: ...`.
        let qualified = resource.group.isEmpty ? resource.kind : "\(resource.kind).\(resource.group)"
        error.message = "\(qualified)" + error.message.dropFirst(resource.kind.count)
        throw error
    }
}
