/// Options for delete calls, sent as a `DeleteOptions` body.
public struct DeleteOptions: Sendable, Hashable {
    /// How dependents are handled, the API's `propagationPolicy`.
    public struct PropagationPolicy: Sendable, Hashable, CustomStringConvertible {
        /// The wire value.
        public let description: String
        private init(_ value: String) { description = value }
        /// Delete dependents in the background after the owner is gone.
        public static let background = PropagationPolicy("Background")
        /// Keep the owner (with a `foregroundDeletion` finalizer) until its dependents are deleted.
        public static let foreground = PropagationPolicy("Foreground")
        /// Leave dependents in place.
        public static let orphan = PropagationPolicy("Orphan")
    }

    /// Dependent handling. Default: none (the kind's default, usually background).
    public var propagationPolicy: PropagationPolicy?
    /// Delete only if the object still has this uid. Default: none.
    public var preconditionUID: String?
    /// Delete only if the object is still at this resourceVersion (else Conflict). Default: none.
    public var preconditionResourceVersion: String?
    /// Seconds before forced deletion (pods). Default: none (the kind's default).
    public var gracePeriodSeconds: Int?
    /// Validate but do not persist. Default: `false`.
    public var dryRun: Bool

    /// Creates delete options; every parameter defaults to "not set".
    public init(
        propagationPolicy: PropagationPolicy? = nil, preconditionUID: String? = nil,
        preconditionResourceVersion: String? = nil, gracePeriodSeconds: Int? = nil, dryRun: Bool = false
    ) {
        self.propagationPolicy = propagationPolicy
        self.preconditionUID = preconditionUID
        self.preconditionResourceVersion = preconditionResourceVersion
        self.gracePeriodSeconds = gracePeriodSeconds
        self.dryRun = dryRun
    }

    /// The `DeleteOptions` body.
    var json: JSONValue {
        var body: JSONValue = ["apiVersion": "v1", "kind": "DeleteOptions"]
        if let propagationPolicy { body["propagationPolicy"] = .string(propagationPolicy.description) }
        if preconditionUID != nil || preconditionResourceVersion != nil {
            var pre: JSONValue = .object([:])
            if let preconditionUID { pre["uid"] = .string(preconditionUID) }
            if let preconditionResourceVersion { pre["resourceVersion"] = .string(preconditionResourceVersion) }
            body["preconditions"] = pre
        }
        if let gracePeriodSeconds { body["gracePeriodSeconds"] = .int(Int64(gracePeriodSeconds)) }
        if dryRun { body["dryRun"] = ["All"] }
        return body
    }
}
