#!/usr/bin/env python3
"""Make real Helm (the oracle, helm-python-sdk) write and read release records.

Helm's SDK exposes no encoded record, so this script runs a tiny loopback Kubernetes API server that keeps
Secrets and ConfigMaps in memory, points Helm at it, and saves the objects Helm stores.

    $ORACLE_PYTHON scripts/helm-release-fixture.py generate Tests/HelmReleaseTests/Fixtures
        installs Fixtures/chart as release `rel` in namespace `ns` (revision 1), upgrades it (revision 2), with the
        Secret driver, then installs it as `cmrel` with the ConfigMap driver, and writes every record Helm stored
        as the JSON the API server returns (helm-secret-rel-v1.json, ...).

    $ORACLE_PYTHON scripts/helm-release-fixture.py listing OUT_DIR
        writes a set of Secret records (several releases in several states, with fixed times) for the CLI's list,
        history and get tests, encoded as Helm encodes them (JSON, gzip, base64). They are test input; what Helm
        makes of them comes from `read`.

    $ORACLE_PYTHON scripts/helm-release-fixture.py read [--upgrade-with CHART] RECORD.json...
        loads the given Secret/ConfigMap records (for example ones fluxhelm wrote) into the fake server and prints
        what Helm's `list` (all states; default states; filtered; paged), `history`, `status`, `get values`
        (user-supplied and computed) and `get all` make of them, as JSON. With
        --upgrade-with, Helm then upgrades each release to CHART (reusing its values) and the output adds the
        history after that upgrade, which shows whether Helm can take over a release fluxhelm recorded.

Only the parts of the API that Helm's release actions touch are served: discovery, an OpenAPI v3 document that
announces server-side field validation (so Helm skips client-side schema downloads), and CRUD plus label-selector
lists for ConfigMaps and Secrets. Helm's typed client writes Secrets and ConfigMaps as protobuf, which the server
decodes with the small protobuf reader below.
"""

import base64
import json
import os
import sys
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

RESOURCES = {"configmaps": "ConfigMap", "secrets": "Secret"}


# MARK: protobuf (only what a Secret/ConfigMap write needs)

def _varint(buf, i):
    result, shift = 0, 0
    while True:
        byte = buf[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def _fields(buf):
    i, out = 0, []
    while i < len(buf):
        key, i = _varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(buf, i)
        elif wire == 2:
            length, i = _varint(buf, i)
            value = buf[i:i + length]
            i += length
        elif wire == 1:
            value, i = buf[i:i + 8], i + 8
        elif wire == 5:
            value, i = buf[i:i + 4], i + 4
        else:
            raise ValueError(f"unsupported wire type {wire}")
        out.append((number, value))
    return out


def _map(entries):
    result = {}
    for entry in entries:
        pairs = dict(_fields(entry))
        result[pairs.get(1, b"").decode()] = pairs.get(2, b"")
    return result


def _object_from_protobuf(body, kind):
    """Decode k8s's protobuf envelope (magic "k8s\\0", runtime.Unknown{raw=2}) holding a Secret or ConfigMap."""
    if body[:4] != b"k8s\x00":
        raise ValueError("not a kubernetes protobuf body")
    top = _fields(dict(_fields(body[4:]))[2])
    meta = _fields(next(v for f, v in top if f == 1))
    metadata = {"name": dict(meta).get(1, b"").decode()}
    labels = {k: v.decode() for k, v in _map([v for f, v in meta if f == 11]).items()}
    if labels:
        metadata["labels"] = labels
    obj = {"apiVersion": "v1", "kind": kind, "metadata": metadata}
    data = _map([v for f, v in top if f == 2])
    if kind == "Secret":
        obj["data"] = {k: base64.b64encode(v).decode() for k, v in data.items()}
        kinds = [v for f, v in top if f == 3]
        if kinds:
            obj["type"] = kinds[0].decode()
    else:
        obj["data"] = {k: v.decode() for k, v in data.items()}
    return obj


# MARK: fake API server

def _openapi_v1():
    paths = {}
    for plural, kind in RESOURCES.items():
        op = {
            "x-kubernetes-group-version-kind": {"group": "", "version": "v1", "kind": kind},
            "parameters": [{"name": "fieldValidation", "in": "query", "schema": {"type": "string"}}],
            "responses": {},
        }
        paths["/api/v1/namespaces/{namespace}/" + plural + "/{name}"] = {"patch": op, "put": op}
        paths["/api/v1/namespaces/{namespace}/" + plural] = {"post": op}
    return {"openapi": "3.0.0", "info": {"title": "Kubernetes", "version": "v1.36.0"}, "paths": paths,
            "components": {"schemas": {}}}


class FakeCluster:
    def __init__(self):
        self.store = {}  # (namespace, plural, name) -> object
        self.lock = threading.Lock()
        self.resource_version = 1
        cluster = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _send(self, code, obj):
                body = json.dumps(obj).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _status(self, code, reason):
                self._send(code, {"kind": "Status", "apiVersion": "v1", "status": "Failure", "reason": reason,
                                  "code": code, "message": reason})

            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                content_type = self.headers.get("Content-Type") or ""
                url = urllib.parse.urlparse(self.path)
                query = urllib.parse.parse_qs(url.query)
                parts = url.path.strip("/").split("/")
                if url.path == "/version":
                    return self._send(200, {"major": "1", "minor": "36", "gitVersion": "v1.36.0"})
                if url.path == "/openapi/v3":
                    return self._send(200, {"paths": {"api/v1": {"serverRelativeURL": "/openapi/v3/api/v1?h=1"}}})
                if url.path == "/openapi/v3/api/v1":
                    return self._send(200, _openapi_v1())
                if url.path == "/api":
                    return self._send(200, {"kind": "APIVersions", "versions": ["v1"], "serverAddressByClientCIDRs": [
                        {"clientCIDR": "0.0.0.0/0", "serverAddress": "127.0.0.1"}]})
                if url.path == "/apis":
                    return self._send(200, {"kind": "APIGroupList", "apiVersion": "v1", "groups": []})
                if url.path == "/api/v1":
                    resources = [{"name": plural, "singularName": kind.lower(), "namespaced": True, "kind": kind,
                                  "verbs": ["create", "delete", "get", "list", "patch", "update", "watch"]}
                                 for plural, kind in RESOURCES.items()]
                    return self._send(200, {"kind": "APIResourceList", "groupVersion": "v1", "resources": resources})
                if len(parts) < 5 or parts[:3] != ["api", "v1", "namespaces"] or parts[4] not in RESOURCES:
                    return self._status(404, "NotFound")
                namespace, plural = parts[3], parts[4]
                name = parts[5] if len(parts) > 5 else None
                with cluster.lock:
                    if self.command == "GET" and name is None:
                        selector = query.get("labelSelector", [""])[0]
                        wanted = dict(pair.split("=", 1) for pair in selector.split(",") if pair)
                        items = [obj for (ns, pl, _), obj in sorted(cluster.store.items())
                                 if ns == namespace and pl == plural
                                 and all(obj["metadata"].get("labels", {}).get(k) == v for k, v in wanted.items())]
                        return self._send(200, {"kind": RESOURCES[plural] + "List", "apiVersion": "v1",
                                                "metadata": {"resourceVersion": str(cluster.resource_version)},
                                                "items": items})
                    key = (namespace, plural, name)
                    if self.command == "GET":
                        return self._send(200, cluster.store[key]) if key in cluster.store else \
                            self._status(404, "NotFound")
                    if self.command == "DELETE":
                        if key not in cluster.store:
                            return self._status(404, "NotFound")
                        return self._send(200, cluster.store.pop(key))
                    if "protobuf" in content_type:
                        obj = _object_from_protobuf(body, RESOURCES[plural])
                    else:
                        obj = json.loads(body)  # JSON, or apply-patch+yaml that Helm sends as JSON
                    if self.command == "POST":
                        key = (namespace, plural, obj["metadata"]["name"])
                        if key in cluster.store:
                            return self._status(409, "AlreadyExists")
                    elif self.command == "PUT" and key not in cluster.store:
                        return self._status(404, "NotFound")
                    cluster.resource_version += 1
                    metadata = obj.setdefault("metadata", {})
                    metadata["namespace"] = namespace
                    metadata["resourceVersion"] = str(cluster.resource_version)
                    obj.setdefault("apiVersion", "v1")
                    obj.setdefault("kind", RESOURCES[plural])
                    cluster.store[key] = obj
                    return self._send(201 if self.command == "POST" else 200, obj)

            do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def config(self, helm, driver):
        return helm.Config(kube_apiserver=self.url, kube_token="fixture", namespace="ns", storage_driver=driver)

    def records(self, plural):
        return {name: obj for (_, pl, name), obj in sorted(self.store.items())
                if pl == plural and name.startswith("sh.helm.release.v1.")}


def generate(out_dir):
    import helm_python as helm
    chart = os.path.join(out_dir, "chart")
    cluster = FakeCluster()
    with cluster.config(helm, "secret") as cfg:
        cfg.install(chart, "rel", {"greeting": "hi", "extra": {"n": 3, "f": 1.5, "s": "x"}},
                    namespace="ns", description="first install", labels={"team": "blue"})
        cfg.upgrade(chart, "rel", {"greeting": "bonjour"}, namespace="ns", description="second")
    with cluster.config(helm, "configmap") as cfg:
        cfg.install(chart, "cmrel", None, namespace="ns")
    written = []
    for plural, prefix in (("secrets", "helm-secret"), ("configmaps", "helm-configmap")):
        for name, obj in cluster.records(plural).items():
            path = os.path.join(out_dir, f"{prefix}-{name.removeprefix('sh.helm.release.v1.').replace('.', '-')}.json")
            with open(path, "w") as handle:
                json.dump(obj, handle, indent=2, sort_keys=True)
                handle.write("\n")
            written.append(path)
    print("\n".join(written))


def read(paths, upgrade_chart=None):
    import helm_python as helm
    cluster = FakeCluster()
    names, drivers = set(), set()
    for path in paths:
        with open(path) as handle:
            obj = json.load(handle)
        plural = "secrets" if obj["kind"] == "Secret" else "configmaps"
        obj.setdefault("metadata", {})["namespace"] = "ns"
        cluster.store[("ns", plural, obj["metadata"]["name"])] = obj
        names.add(obj["metadata"]["labels"]["name"])
        drivers.add("secret" if plural == "secrets" else "configmap")
    result = {}
    for driver in sorted(drivers):
        with cluster.config(helm, driver) as cfg:
            result[driver] = {"list": cfg.list(all_states=True), "list_default": cfg.list(),
                              "list_filter": cfg.list(all_states=True, name_filter="l[pt]"),
                              "list_page": cfg.list(all_states=True, limit=2, offset=1)}
            for name in sorted(names):
                entry = {}
                for label, call in (("history", lambda: cfg.history(name)),
                                    ("status", lambda: cfg.status(name)),
                                    ("values", lambda: cfg.get_values(name)),
                                    ("values_all", lambda: cfg.get_values(name, all_values=True)),
                                    ("all", lambda: cfg.get_all(name))):
                    try:
                        entry[label] = call()
                    except Exception as error:  # report Helm's refusal instead of stopping
                        entry[label] = {"error": f"{type(error).__name__}: {error}"}
                if upgrade_chart is not None:
                    try:
                        cfg.upgrade(upgrade_chart, name, None, namespace="ns", reuse_values=True,
                                    description="upgraded by helm")
                        entry["history_after_upgrade"] = cfg.history(name)
                        entry["values_after_upgrade"] = cfg.get_values(name)
                    except Exception as error:
                        entry["history_after_upgrade"] = {"error": f"{type(error).__name__}: {error}"}
                result[driver][name] = entry
    print(json.dumps(result, indent=2, sort_keys=True, default=str))


def listing(out_dir):
    """Secret records of releases in several states, as Helm's Secret driver stores them."""
    import gzip

    chart = {"metadata": {"name": "demo", "version": "0.3.0", "appVersion": "2.1", "apiVersion": "v2"},
             "lock": None, "templates": [], "values": {"replicas": 1, "image": {"tag": "stable", "pull": "IfNotPresent"}},
             "schema": None, "schema_mod_time": "0001-01-01T00:00:00Z", "files": []}
    revisions = [
        # name, version, status, last deployed, description, config
        ("alpha", 1, "superseded", "2026-03-01T10:00:00.5Z", "Install complete", {"replicas": 2}),
        ("alpha", 2, "deployed", "2026-03-02T11:30:00.123456789Z", "Upgrade complete", {"replicas": 3}),
        ("beta", 1, "failed", "2026-02-01T09:00:00Z", "Release \"beta\" failed: timed out", None),
        ("gamma", 1, "uninstalled", "2026-01-15T08:00:00+02:00", "Uninstallation complete",
         {"image": {"tag": "v1", "pull": None}}),
        ("delta", 1, "pending-install", "2026-04-01T00:00:00Z", "Initial install underway", None),
    ]
    for name, version, status, deployed, description, config in revisions:
        release = {"name": name, "info": {"first_deployed": "2026-01-01T00:00:00Z", "last_deployed": deployed,
                                          "description": description, "status": status,
                                          "notes": f"{name} notes\n"},
                   "chart": chart, "manifest": f"---\n# Source: demo/templates/cm.yaml\nkind: ConfigMap\n",
                   "version": version, "namespace": "ns"}
        if config is not None:
            release["config"] = config
        body = base64.b64encode(gzip.compress(json.dumps(release, separators=(",", ":")).encode(), 9)).decode()
        labels = {"name": name, "owner": "helm", "status": status, "version": str(version)}
        obj = {"apiVersion": "v1", "kind": "Secret", "type": "helm.sh/release.v1",
               "metadata": {"name": f"sh.helm.release.v1.{name}.v{version}", "namespace": "ns", "labels": labels},
               "data": {"release": base64.b64encode(body.encode()).decode()}}
        path = os.path.join(out_dir, f"listing-{name}-v{version}.json")
        with open(path, "w") as handle:
            json.dump(obj, handle, indent=2, sort_keys=True)
            handle.write("\n")
        print(path)


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "listing":
        listing(sys.argv[2])
        sys.exit(0)
    if len(sys.argv) >= 3 and sys.argv[1] == "generate":
        generate(sys.argv[2])
    elif len(sys.argv) >= 5 and sys.argv[1] == "read" and sys.argv[2] == "--upgrade-with":
        read(sys.argv[4:], upgrade_chart=sys.argv[3])
    elif len(sys.argv) >= 3 and sys.argv[1] == "read":
        read(sys.argv[2:])
    else:
        sys.exit(__doc__)
