/// A chart rendered for a release: what Helm installs, the hooks it runs and the notes it prints.
public struct RenderedRelease: Sendable {
    /// The objects to install, in Helm's install order.
    public var manifests: [Manifest]
    /// The hook documents, in install order by kind.
    public var hooks: [Hook]
    /// The top-level chart's rendered NOTES.txt, or empty.
    public var notes: String
    /// The chart's `crds/` files with their paths (`CHART/crds/FILE`), never templated.
    public var crds: [(path: String, file: ChartFile)]
    /// Every rendered template by path, NOTES.txt removed (what Helm's engine returns).
    public var files: [String: String]

    /// The release manifest as Helm stores it: each object as `---\n# Source: PATH\nDOCUMENT\n`,
    /// optionally preceded by the CRDs.
    public func manifestText(includeCRDs: Bool = false) -> String {
        var out = ""
        if includeCRDs {
            for crd in crds { out += "---\n# Source: \(crd.path)\n\(crd.file.text)\n" }
        }
        for manifest in manifests { out += "---\n# Source: \(manifest.sourcePath)\n\(manifest.content)\n" }
        return out
    }

    /// What `helm template` prints: the manifest, then every hook (tests too unless `skipTests`), unless
    /// `noHooks`.
    public func templateOutput(includeCRDs: Bool = false, noHooks: Bool = false, skipTests: Bool = false) -> String {
        var out = manifestText(includeCRDs: includeCRDs).trimmingWhitespace() + "\n"
        guard !noHooks else { return out }
        for hook in hooks {
            if skipTests && hook.events.contains(.test) { continue }
            out += "---\n# Source: \(hook.path)\n\(hook.manifest)\n"
        }
        return out
    }
}
