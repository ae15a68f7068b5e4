import Testing

@testable import HelmEngine

struct ChartArchiveTests {
    private func chartTar() -> TarBuilder {
        var tar = TarBuilder()
        tar.add("mychart/", type: .directory)
        tar.add("mychart/Chart.yaml", "apiVersion: v2\nname: mychart\nversion: 1.0.0\n")
        tar.add("mychart/values.yaml", "\u{FEFF}a: 1\n")
        tar.add("mychart/templates/cm.yaml", "kind: ConfigMap\n")
        return tar
    }

    @Test func testFiles_stripsTopDirectoryAndBOM() throws {
        let files = try ChartArchive.files(from: chartTar().tgz, name: "mychart-1.0.0.tgz")
        #expect(files.map(\.name) == ["Chart.yaml", "values.yaml", "templates/cm.yaml"])
        #expect(files[1].text == "a: 1\n")
    }

    @Test func testFiles_gnuLongNameAndPAXPath() throws {
        var tar = chartTar()
        let long = "mychart/files/" + String(repeating: "d", count: 120) + ".txt"
        tar.addLongName(long, "long")
        tar.addPAXPath("mychart/files/pax-name.txt", contents: "pax", shortName: "mychart/files/short")
        let files = try ChartArchive.files(from: tar.tgz, name: "c.tgz")
        #expect(files.contains { $0.name == String(long.dropFirst("mychart/".count)) && $0.text == "long" })
        #expect(files.contains { $0.name == "files/pax-name.txt" && $0.text == "pax" })
    }

    @Test(arguments: [
        ("mychart/../../etc/passwd", "chart illegally references parent directory"),
        ("mychart/a/../../../x", "chart illegally references parent directory"),
        ("mychart//abs", "chart illegally contains absolute paths"),
        ("toplevel.txt", "chart illegally contains content outside the base directory"),
        ("Chart.yaml/x", "chart yaml not in base directory"),
        ("mychart/C:/windows", "chart contains illegally named files"),
    ])
    func testFiles_rejectsEscapingPaths(path: String, message: String) throws {
        var tar = chartTar()
        tar.add(path, "x")
        let error = try #require(throws: ChartError.self) { try ChartArchive.files(from: tar.tgz, name: "evil.tgz") }
        #expect(error.code == .unsafeArchive)
        #expect(error.message == "evil.tgz: entry \"\(path)\": \(message)")
    }

    @Test func testFiles_rejectsSymlink() throws {
        var tar = chartTar()
        tar.add("mychart/templates/link.yaml", type: .symlink, link: "/etc/passwd")
        let error = try #require(throws: ChartError.self) { try ChartArchive.files(from: tar.tgz, name: "l.tgz") }
        #expect(error.code == .unsafeArchive)
        #expect(
            error.message == "l.tgz: entry \"mychart/templates/link.yaml\" is a symbolic link to \"/etc/passwd\"; "
                + "links are not allowed in charts")
    }

    @Test func testFiles_rejectsHardlinkAndDevice() throws {
        var hard = chartTar()
        hard.add("mychart/x", type: .hardlink, link: "mychart/Chart.yaml")
        let linkError = try #require(throws: ChartError.self) { try ChartArchive.files(from: hard.tgz, name: "h.tgz") }
        #expect(linkError.message.contains("is a hard link to \"mychart/Chart.yaml\""))
        var fifo = chartTar()
        fifo.add("mychart/pipe", type: .fifo)
        let fifoError = try #require(throws: ChartError.self) { try ChartArchive.files(from: fifo.tgz, name: "f.tgz") }
        #expect(fifoError.message == "f.tgz: entry \"mychart/pipe\" has unsupported tar type '6'")
    }

    @Test func testFiles_fileTooLarge() throws {
        var tar = chartTar()
        tar.add("mychart/big.bin", [UInt8](repeating: 7, count: 2048))
        let limits = ArchiveLimits(maxFileSize: 1024)
        let error = try #require(throws: ChartError.self) {
            try ChartArchive.files(from: tar.tgz, name: "big.tgz", limits: limits)
        }
        #expect(error.code == .limitExceeded)
        #expect(
            error.message
                == "big.tgz: decompressed chart file \"mychart/big.bin\" is larger than the maximum file size 1024")
    }

    @Test func testFiles_totalTooLarge() throws {
        var tar = chartTar()
        for index in 0..<4 { tar.add("mychart/f\(index)", [UInt8](repeating: 1, count: 900)) }
        let limits = ArchiveLimits(maxTotalSize: 3000, maxFileSize: 1000)
        let error = try #require(throws: ChartError.self) {
            try ChartArchive.files(from: tar.tgz, name: "t.tgz", limits: limits)
        }
        #expect(error.code == .limitExceeded)
        #expect(error.message.contains("is larger than the maximum size"))
    }

    @Test(.timeLimit(.minutes(1))) func testFiles_zipBombRatio() throws {
        var tar = chartTar()
        tar.add("mychart/zeros", [UInt8](repeating: 0, count: 4 * 1024 * 1024))
        let error = try #require(throws: ChartError.self) {
            try ChartArchive.files(from: tar.tgz, name: "bomb.tgz", limits: ArchiveLimits(maxFileSize: 8 * 1024 * 1024))
        }
        #expect(error.code == .limitExceeded)
        #expect(error.message.hasPrefix("bomb.tgz: compression ratio exceeds 200:1"))
    }

    @Test func testFiles_tooManyEntries() throws {
        var tar = chartTar()
        for index in 0..<20 { tar.add("mychart/f\(index)", "x") }
        let error = try #require(throws: ChartError.self) {
            try ChartArchive.files(from: tar.tgz, name: "n.tgz", limits: ArchiveLimits(maxEntries: 10))
        }
        #expect(error.message == "n.tgz: archive has more than 10 entries")
    }

    @Test func testFiles_truncatedTar() throws {
        let tar = chartTar().bytes
        let cut = Array(tar.prefix(tar.count - 700))
        let error = try #require(throws: ChartError.self) {
            try ChartArchive.files(from: Gzip.compress(cut), name: "cut.tgz")
        }
        #expect(error.code == .invalidArchive)
        #expect(error.message.hasPrefix("cut.tgz: tar "))
        #expect(error.message.hasSuffix("is truncated (unexpected EOF)"))
    }

    @Test func testFiles_truncatedGzip() throws {
        let tgz = chartTar().tgz
        let error = try #require(throws: ChartError.self) {
            try ChartArchive.files(from: Array(tgz.prefix(tgz.count / 2)), name: "half.tgz")
        }
        #expect(error.code == .invalidArchive)
        #expect(error.message == "half.tgz: gzip stream is truncated (unexpected EOF)")
    }

    @Test func testFiles_notGzip() throws {
        let error = try #require(throws: ChartError.self) {
            try ChartArchive.files(from: Array("apiVersion: v2\n".utf8), name: "plain.tgz")
        }
        #expect(
            error.message == "file 'plain.tgz' does not appear to be a valid chart file (details: gzip: invalid header)"
        )
    }

    @Test func testFiles_corruptGzipData() throws {
        var tgz = chartTar().tgz
        for index in 20..<min(60, tgz.count) { tgz[index] ^= 0xFF }
        let error = try #require(throws: ChartError.self) { try ChartArchive.files(from: tgz, name: "bad.tgz") }
        #expect(error.code == .invalidArchive)
        #expect(error.message.hasPrefix("bad.tgz: "))
    }

    @Test func testFiles_badChecksum() throws {
        var tar = TarBuilder()
        tar.add("mychart/Chart.yaml", "x", corruptChecksum: true)
        let error = try #require(throws: ChartError.self) { try ChartArchive.files(from: tar.tgz, name: "sum.tgz") }
        #expect(error.message == "sum.tgz: invalid tar header (checksum mismatch)")
    }

    @Test func testFiles_emptyArchive() throws {
        var tar = TarBuilder()
        tar.add("mychart/", type: .directory)
        let error = try #require(throws: ChartError.self) { try ChartArchive.files(from: tar.tgz, name: "e.tgz") }
        #expect(error.message == "e.tgz: no files in chart archive")
    }

    @Test func testFiles_declaredSizeBeyondData() throws {
        var tar = TarBuilder()
        tar.add("mychart/Chart.yaml", "abc", declaredSize: 1_000_000)
        let error = try #require(throws: ChartError.self) { try ChartArchive.files(from: tar.tgz, name: "s.tgz") }
        #expect(error.message == "s.tgz: tar entry data is truncated (unexpected EOF)")
    }
}
