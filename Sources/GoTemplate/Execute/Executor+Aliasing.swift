// Go map identity during execution: see ``MapReference``.
extension Executor {
    /// Sprig functions that change the map given as their first argument in place (Go maps are references, so
    /// charts rely on `$_ := set $d "k" v` changing `$d` and every other path to the same map).
    static let mutatesFirstArgument: Set<String> = [
        "set", "unset", "merge", "mergeOverwrite", "mustMerge", "mustMergeOverwrite",
    ]

    /// Of those, the ones that also change nested maps of the destination (mergo merges key by key).
    static let mutatesDeeply: Set<String> = ["merge", "mergeOverwrite", "mustMerge", "mustMergeOverwrite"]

    /// A value entering execution (the data, a function's result, an object's field) with its maps tagged.
    @inline(__always)
    func adopt(_ value: Value) -> Value {
        switch value {
        case .map, .list: MapReference.tagged(value) ?? value
        default: value
        }
    }

    /// A value leaving for a function, a built-in or the printer: tagged maps carry their current entries.
    @inline(__always)
    func refresh(_ value: EvalValue) -> EvalValue {
        switch value.value {
        case .map(_, .shared(let reference))?:
            return EvalValue(value: .map(reference.snapshot(), .shared(reference)), boxed: value.boxed)
        case .map?, .list?:
            guard let v = value.value else { return value }
            return EvalValue(value: MapReference.refreshed(v), boxed: value.boxed)
        default:
            return value
        }
    }

    /// After a call of `name` with first argument `first` returned `result`: a mutating function's change
    /// becomes the change of the map `first` refers to.
    func applyMutation(_ name: String, first: Value?, result: Value) {
        guard Self.mutatesFirstArgument.contains(name), case .map(_, .shared(let target))? = first,
            case .map(let entries, .shared(let returned)) = result, returned === target
        else { return }
        if Self.mutatesDeeply.contains(name) {
            var seen: Set<ObjectIdentifier> = [ObjectIdentifier(target)]
            target.replace(Self.absorbing(entries, seen: &seen))
        } else {
            target.replace(entries)
        }
    }

    /// `entries` after storing each nested tagged map's payload (a merge's result) into its reference.
    private static func absorbing(_ entries: [String: Value], seen: inout Set<ObjectIdentifier>) -> [String: Value] {
        for value in entries.values {
            guard case .map(let nested, .shared(let reference)) = value,
                seen.insert(ObjectIdentifier(reference)).inserted
            else { continue }
            reference.replace(absorbing(nested, seen: &seen))
        }
        return entries
    }
}

extension Value {
    /// The map's current entries: the reference's for a tagged map, else the payload.
    var currentMap: [String: Value]? {
        switch self {
        case .map(_, .shared(let reference)): reference.entries
        case .map(let entries, _): entries
        default: nil
        }
    }
}
