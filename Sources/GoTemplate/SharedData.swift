/// Template data whose maps keep Go's reference identity across several executions.
///
/// Helm renders every template of a chart with one top-level map, so a `set .Values ...` in one template is seen
/// by the templates rendered after it. Executing each template with this object instead of a plain ``Value``
/// reproduces that: changes made by one execution persist in the object for the next.
///
/// Executions that share one object must run one after another, never at the same time.
public final class SharedData: Sendable {
    let root: MapReference

    /// The top-level map of the data, with its Go type (Helm's is `common.Values`).
    public init(_ entries: [String: Value], kind: MapKind = .interface) {
        root = MapReference(entries: entries, kind: kind)
    }

    /// Sets a top-level entry, as Helm sets `.Template` before rendering each template.
    public func setValue(_ value: Value, forKey key: String) {
        var entries = root.entries
        entries[key] = value
        root.replace(entries)
    }

    /// The whole data as a value with this object's identity.
    var sharedValue: Value { .map(root.entries, .shared(root)) }

    /// The data as it is now, without shared identity (what a later plain execution would see).
    public var value: Value { Value.map(root.snapshot(), .shared(root)).detachingReferences }
}

extension TemplateSet {
    /// Executes the template `name` with `data` as dot; maps changed by the template stay changed in `data`.
    ///
    /// - Throws: as ``execute(name:data:options:)``.
    public func execute(name: String, data: SharedData, options: ExecuteOptions = .init()) throws(TemplateError)
        -> String
    {
        try execute(name: name, data: data.sharedValue, budget: ExecutionBudget(options))
    }
}
