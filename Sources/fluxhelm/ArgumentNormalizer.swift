/// Rewrites Helm 4's optional-value flags into the forms fluxhelm's parser knows, so scripts written for `helm`
/// run unchanged: `--wait=watcher|legacy|true` becomes `--wait`, `--wait=hookOnly|false` (hooks are always waited
/// for) is dropped, `--dry-run=client|server|true` becomes `--dry-run` and `--dry-run=none|false` is dropped.
enum ArgumentNormalizer {
    static func normalize(_ arguments: [String]) -> [String] {
        var result: [String] = []
        for (index, argument) in arguments.enumerated() {
            if argument == "--" {  // everything after is an argument, not a flag
                result.append(contentsOf: arguments[index...])
                return result
            }
            switch argument {
            case "--wait=watcher", "--wait=legacy", "--wait=true": result.append("--wait")
            case "--wait=hookOnly", "--wait=false": continue
            case "--dry-run=client", "--dry-run=server", "--dry-run=true": result.append("--dry-run")
            case "--dry-run=none", "--dry-run=false": continue
            default: result.append(argument)
            }
        }
        return result
    }
}
