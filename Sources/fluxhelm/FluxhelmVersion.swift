/// The version `fluxhelm --version` prints.
enum FluxhelmVersion {
    static let current = "0.1.0-dev"
}
