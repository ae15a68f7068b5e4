public import GoTemplate

/// Reads live objects from a cluster for Helm's `lookup` function.
///
/// `helm template` and `helm install --dry-run` render without a cluster; then no reader is
/// given and `lookup` returns an empty map, as Helm does.
public protocol ClusterReader: Sendable {
    /// Returns one object (when `name` is set) or a list object (when `name` is empty), as
    /// Helm's `lookup` does, with Go's JSON types (`map[string]interface {}`, float64 numbers).
    /// Return an empty map when the object does not exist.
    /// - Throws: an error whose description becomes the template error text.
    func lookup(apiVersion: String, kind: String, namespace: String, name: String) throws -> Value
}
