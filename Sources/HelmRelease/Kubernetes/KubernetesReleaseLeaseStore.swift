import HelmEngine

public import KubeAPI

/// Release leases as `coordination.k8s.io/v1` Lease objects named `fluxhelm-release-NAME` in the release's
/// namespace.
///
/// The spec follows the Lease API: `holderIdentity`, `leaseDurationSeconds`, `acquireTime`, `renewTime` (as
/// MicroTime) and `leaseTransitions`. Updates carry the resource version that was read, so the API server's
/// optimistic concurrency decides races between processes.
public struct KubernetesReleaseLeaseStore: ReleaseLeaseStore {
    /// The client that reaches the cluster.
    public var client: KubeClient

    /// Creates a store reached through `client`.
    public init(client: KubeClient) {
        self.client = client
    }

    static let gvk = GroupVersionKind(group: "coordination.k8s.io", version: "v1", kind: "Lease")

    /// The lease, or nil if the Lease object does not exist.
    public func get(release: String, namespace: String) async throws -> ReleaseLease? {
        let key = ObjectKey(namespace: namespace, name: ReleaseLease.objectName(release: release))
        do {
            return Self.lease(try await client.get(Self.gvk, key), release: release)
        } catch let error as KubeAPIError where error.code == .notFound {
            return nil
        } catch let error as KubeAPIError {
            throw Self.storageError(error, "get Lease \(key.namespace)/\(key.name)")
        }
    }

    /// Creates the Lease. - Throws: `.conflict` if it exists.
    public func create(_ lease: ReleaseLease) async throws -> ReleaseLease {
        do {
            return Self.lease(try await client.create(Self.object(lease)), release: lease.release)
        } catch let error as KubeAPIError where error.code == .alreadyExists {
            throw ReleaseError.conflict("lease \(ReleaseLease.objectName(release: lease.release)) already exists")
        } catch let error as KubeAPIError {
            throw Self.storageError(error, "create Lease \(ReleaseLease.objectName(release: lease.release))")
        }
    }

    /// Replaces the Lease if it is still at `lease.resourceVersion`. - Throws: `.conflict` otherwise.
    public func update(_ lease: ReleaseLease) async throws -> ReleaseLease {
        do {
            return Self.lease(try await client.update(Self.object(lease)), release: lease.release)
        } catch let error as KubeAPIError where error.code == .conflict || error.code == .notFound {
            throw ReleaseError.conflict(
                "lease \(ReleaseLease.objectName(release: lease.release)) changed since it was read")
        } catch let error as KubeAPIError {
            throw Self.storageError(error, "update Lease \(ReleaseLease.objectName(release: lease.release))")
        }
    }

    /// Deletes the Lease if it is still at `lease.resourceVersion`; nothing if it is gone. - Throws: `.conflict`.
    public func delete(_ lease: ReleaseLease) async throws {
        let key = ObjectKey(namespace: lease.namespace, name: ReleaseLease.objectName(release: lease.release))
        do {
            _ = try await client.delete(
                Self.gvk, key, options: DeleteOptions(preconditionResourceVersion: lease.resourceVersion))
        } catch let error as KubeAPIError where error.code == .notFound {
            return
        } catch let error as KubeAPIError where error.code == .conflict {
            throw ReleaseError.conflict("lease \(key.name) changed since it was read")
        } catch let error as KubeAPIError {
            throw Self.storageError(error, "delete Lease \(key.namespace)/\(key.name)")
        }
    }

    // MARK: Conversion

    static func object(_ lease: ReleaseLease) -> KubeObject {
        var metadata: JSONValue = [
            "name": .string(ReleaseLease.objectName(release: lease.release)),
            "namespace": .string(lease.namespace),
            "labels": ["app.kubernetes.io/managed-by": "fluxhelm"],
        ]
        if let version = lease.resourceVersion { metadata["resourceVersion"] = .string(version) }
        var spec: JSONValue = [
            // Whole seconds, rounded up so the lease never lasts less than asked.
            "leaseDurationSeconds": .int(Int64((lease.leaseDuration + .nanoseconds(999_999_999)).components.seconds)),
            "acquireTime": .string(lease.acquireTime.rfc3339Micro),
            "renewTime": .string(lease.renewTime.rfc3339Micro),
            "leaseTransitions": .int(Int64(lease.leaseTransitions)),
        ]
        if let holder = lease.holderIdentity { spec["holderIdentity"] = .string(holder) }
        return KubeObject(["apiVersion": "coordination.k8s.io/v1", "kind": "Lease", "metadata": metadata, "spec": spec])
    }

    static func lease(_ object: KubeObject, release: String) -> ReleaseLease {
        let spec = object.json["spec"]
        let holder = spec?["holderIdentity"]?.stringValue
        return ReleaseLease(
            release: release,
            namespace: object.namespace,
            holderIdentity: holder?.isEmpty == false ? holder : nil,
            leaseDuration: .seconds(spec?["leaseDurationSeconds"]?.intValue ?? 0),
            acquireTime: spec?["acquireTime"]?.stringValue.flatMap { GoTime(rfc3339: $0) } ?? .zero,
            renewTime: spec?["renewTime"]?.stringValue.flatMap { GoTime(rfc3339: $0) } ?? .zero,
            leaseTransitions: Int(spec?["leaseTransitions"]?.intValue ?? 0),
            resourceVersion: object.resourceVersion.isEmpty ? nil : object.resourceVersion
        )
    }

    static func storageError(_ error: KubeAPIError, _ action: String) -> ReleaseError {
        ReleaseError(code: .storage, message: "\(action) failed: \(error.message)", cause: error)
    }
}
