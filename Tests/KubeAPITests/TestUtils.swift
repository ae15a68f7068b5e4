import Foundation

@testable import KubeAPI

/// A fresh temporary directory, removed by the caller with `removeTemporaryDirectory`.
func makeTemporaryDirectory(_ label: String = "kubeapi") throws -> String {
    let path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Writes a text file, creating parent directories.
func writeFile(_ path: String, _ text: String) throws {
    let directory = (path as NSString).deletingLastPathComponent
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    try Data(text.utf8).write(to: URL(fileURLWithPath: path))
}

/// Base64 of a string, for kubeconfig `*-data` fields.
func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

/// A discovery document for core/v1 with the resources the client tests use.
let coreV1Discovery: JSONValue = [
    "kind": "APIResourceList", "groupVersion": "v1",
    "resources": [
        [
            "name": "configmaps", "singularName": "configmap", "namespaced": true, "kind": "ConfigMap",
            "verbs": ["get", "list", "watch", "create", "update", "patch", "delete"],
        ],
        [
            "name": "namespaces", "singularName": "namespace", "namespaced": false, "kind": "Namespace",
            "verbs": ["get", "list", "watch", "create", "update", "patch", "delete"],
        ],
        [
            "name": "namespaces/status", "singularName": "", "namespaced": false, "kind": "Namespace",
            "verbs": ["get", "patch", "update"],
        ],
    ],
]
