import GoTemplate

extension ChartLoader {
    /// Helm's `LoadFiles`: sorts files into metadata, values, schema, templates, `.Files` and
    /// subcharts, validates the metadata and loads each subchart.
    func load(files: [ChartFile], depth: Int) throws -> Chart {
        var metadata: ChartMetadata?
        for file in files where file.name == "Chart.yaml" {
            do {
                var decoded = try ChartMetadata.decode(try ValuesYAML.decodeDocument(file.text))
                if decoded.apiVersion.isEmpty { decoded.apiVersion = "v1" }
                metadata = decoded
            } catch {
                throw ChartError(
                    code: .invalidChart, message: "cannot load Chart.yaml: \(Self.describe(error))", path: "Chart.yaml")
            }
        }
        var chart = Chart(metadata: metadata ?? ChartMetadata())
        var subchartFiles: [String: [ChartFile]] = [:]
        for file in files {
            switch file.name {
            case "Chart.yaml":
                continue
            case "Chart.lock", "requirements.lock":
                do {
                    chart.lock = try ChartLock.decode(try ValuesYAML.decodeDocument(file.text))
                } catch {
                    throw ChartError(
                        code: .invalidChart, message: "cannot load \(file.name): \(Self.describe(error))",
                        path: file.name)
                }
                if file.name == "requirements.lock", chart.metadata.apiVersion == "v1" { chart.files.append(file) }
            case "values.yaml":
                do {
                    chart.values = try ValuesYAML.parseValues(file.text)
                    chart.valuesText = file.text
                } catch {
                    throw ChartError(
                        code: .invalidValues, message: "cannot load values.yaml: \(Self.describe(error))",
                        path: "values.yaml")
                }
            case "values.schema.json":
                chart.schema = file.data
            case "requirements.yaml":
                do {
                    chart.metadata = try ChartMetadata.decode(
                        try ValuesYAML.decodeDocument(file.text), over: chart.metadata)
                } catch {
                    throw ChartError(
                        code: .invalidChart, message: "cannot load requirements.yaml: \(Self.describe(error))",
                        path: "requirements.yaml")
                }
                if chart.metadata.apiVersion == "v1" { chart.files.append(file) }
            default:
                if file.name.hasPrefix("templates/") {
                    chart.templates.append(file)
                } else if file.name.hasPrefix("charts/") {
                    if GoPath.ext(file.name) == ".prov" {
                        chart.files.append(file)
                        continue
                    }
                    let inside = String(file.name.dropFirst("charts/".count))
                    let subchart = String(
                        inside.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)[0])
                    subchartFiles[subchart, default: []].append(ChartFile(name: inside, data: file.data))
                } else {
                    chart.files.append(file)
                }
            }
        }
        guard metadata != nil else {
            throw ChartError(code: .invalidChart, message: "Chart.yaml file is missing", path: "Chart.yaml")
        }
        try chart.metadata.validate()

        // Helm iterates a Go map here (random order); sorted names keep loading deterministic.
        for subchart in subchartFiles.keys.sorted() {
            if subchart.hasPrefix("_") || subchart.hasPrefix(".") { continue }
            let parts = subchartFiles[subchart] ?? []
            do {
                if GoPath.ext(subchart) == ".tgz" {
                    let archive = parts[0]
                    guard archive.name == subchart else {
                        throw ChartError(
                            code: .invalidChart,
                            message:
                                "error unpacking subchart tar in \(chart.name): expected \(subchart), got \(archive.name)"
                        )
                    }
                    chart.dependencies.append(
                        try loadArchive(bytes: archive.data, name: "charts/" + subchart, depth: depth + 1))
                } else {
                    var inner: [ChartFile] = []
                    for part in parts {
                        let pieces = part.name.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
                        guard pieces.count == 2 else { continue }
                        inner.append(ChartFile(name: String(pieces[1]), data: part.data))
                    }
                    chart.dependencies.append(try load(files: inner, depth: depth))
                }
            } catch let error as ChartError {
                throw ChartError(
                    code: error.code,
                    message: "error unpacking subchart \(subchart) in \(chart.name): \(error.message)",
                    path: "charts/" + subchart, cause: error.cause)
            }
        }
        return chart
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as ChartError: return error.message
        case let error as EncodingError: return error.message
        case let error as GoStructDecoder.Mismatch:
            if error.message.hasPrefix("validation:") { return error.message }
            return "error unmarshaling JSON: while decoding JSON: " + error.message
        default: return String(describing: error)
        }
    }
}
