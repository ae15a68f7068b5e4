#!/usr/bin/env python3
"""`helm template` through real Helm (the oracle), with the flags the kit's render.py lacks.

  helm-template-oracle.py CHART --name REL --namespace NS [-f V]… [--set E]… [--set-string E]… [--set-json E]…
      [--set-file E]… [--set-literal E]… [--kube-version V] [--api-versions G/V]… [--show-only PATH]…
      [--include-crds] [--no-hooks] [--skip-tests] [--skip-schema-validation]

Same route as ../shared/helm-conformance/render.py (install with dry_run=client for the manifest, the engine render
for hooks; its helpers are imported from there), plus: values merged in Helm's flag order (-f, --set-json, --set,
--set-string, --set-file, --set-literal), the capabilities options the SDK takes (kube_version, api_versions) on
both routes, and --show-only selecting `# Source:` documents by path with shell-style matching.
Helm's error goes to stderr as one `Error: …` line with exit status 1.
Limits: values reach the SDK as JSON, so a number given with --set is a float64 here where helm template keeps
strvals' int64 (cases must not print the Go type of a --set number); -f files are read with the SDK's
values_from_yaml, whose error text is not the CLI's loader.LoadValues text.
Used only to produce expected output; never run by the tests.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys

KIT = os.environ.get("HELM_CONFORMANCE") or os.path.join(os.path.dirname(__file__), "..", "..", "shared",
                                                          "helm-conformance")
if not os.path.isdir(KIT):
    KIT = "/work/shared/helm-conformance"
sys.path.insert(0, KIT)

import helm_python as helm  # noqa: E402
from helm_python import _native  # noqa: E402
from helm_python.config import _opts  # noqa: E402
import render as kit  # noqa: E402  (the kit's render.py: split_manifests, hook_annotation, merge_maps, …)
import yaml  # noqa: E402


# helm template prints rel.Hooks: SortManifests walks files by path, documents in file order, skips hooks naming an
# unknown event, then sorts stably by kind in Helm's install order (unknown kinds last, alphabetically).
# (helm.sh/helm/v4 pkg/release/v1/util/manifest_sorter.go and kind_sorter.go.) The engine route returns files only,
# so that order is applied here.
INSTALL_ORDER = [
    "PriorityClass", "Namespace", "NetworkPolicy", "ResourceQuota", "LimitRange", "PodSecurityPolicy",
    "PodDisruptionBudget", "ServiceAccount", "Secret", "SecretList", "ConfigMap", "StorageClass", "PersistentVolume",
    "PersistentVolumeClaim", "CustomResourceDefinition", "ClusterRole", "ClusterRoleList", "ClusterRoleBinding",
    "ClusterRoleBindingList", "Role", "RoleList", "RoleBinding", "RoleBindingList", "Service", "DaemonSet", "Pod",
    "ReplicationController", "ReplicaSet", "Deployment", "HorizontalPodAutoscaler", "StatefulSet", "Job", "CronJob",
    "IngressClass", "Ingress", "APIService", "MutatingWebhookConfiguration", "ValidatingWebhookConfiguration",
]
HOOK_EVENTS = {"pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade", "post-upgrade",
               "pre-rollback", "post-rollback", "test", "test-success"}


# Helm 4.2.3's releaseutil.SplitManifests separator (Go's \s is [\t\n\f\r ]): the whitespace before a `---` goes with
# it, so only a file's last document keeps its trailing newlines. (The kit's render.py splits with the later
# `(?m)^---[ \t]*` from Helm's main branch, which no release has yet.)
HOOK_SEP = re.compile(r"(?:^|[\t\n\f\r ]*\n)---[\t\n\f\r ]*")


def split_documents(text: str) -> list[str]:
    docs = HOOK_SEP.split(text.lstrip("\t\n\v\f\r \x85\xa0"))
    return [d.lstrip("\t\n\v\f\r \x85\xa0") for d in docs if d.strip()]


def go_match(pattern: str, name: str) -> bool:
    """Go's filepath.Match for the patterns used here: `*` and `?` stop at `/`, `[...]` classes, `\\` escapes."""
    rx, i = "", 0
    while i < len(pattern):
        c = pattern[i]
        if c == "*":
            rx += "[^/]*"
        elif c == "?":
            rx += "[^/]"
        elif c == "\\" and i + 1 < len(pattern):
            i += 1
            rx += re.escape(pattern[i])
        elif c == "[":
            j = pattern.find("]", i + 1)
            if j < 0:
                return False
            body = pattern[i + 1:j]
            rx += "[" + ("^/" + body[1:] if body.startswith("^") else body) + "]"
            i = j
        else:
            rx += re.escape(c)
        i += 1
    return re.fullmatch(rx, name, re.S) is not None


def kind_of(doc: str) -> str:
    try:
        y = yaml.safe_load(doc)
    except Exception:
        return ""
    return str(y.get("kind") or "") if isinstance(y, dict) else ""


def sort_hooks(hooks: list) -> list:
    rank = {k: i for i, k in enumerate(INSTALL_ORDER)}
    indexed = list(enumerate(hooks))
    def key(item):
        i, (_, _, kind) = item
        return (0, rank[kind], i) if kind in rank else (1, kind, i)
    return [h for _, h in sorted(indexed, key=key)]


def fail(message: str) -> int:
    print("Error: " + message.strip(), file=sys.stderr)
    return 1


def user_values(a) -> dict:
    vals: dict = {}
    for f in a.values:
        try:
            with open(f) as fh:
                text = fh.read()
        except OSError as e:
            raise ValueError(f"open {f}: {e.strerror.lower() if e.strerror else e}")
        try:
            cur = helm.values_from_yaml(text) or {}
        except helm.HelmError as e:
            raise ValueError(f"failed to parse {f}: {getattr(e, 'detail', None) or e}")
        vals = kit.merge_maps(vals, cur)
    # helm template parses every --set (then every --set-string) INTO the same map, so an index can extend a list an
    # earlier flag of that kind made; the SDK parses one expression into an empty map, so the flags of one kind are
    # given to it as one comma-joined expression (the same sequence of assignments). An index into a list from -f
    # or from a flag of another kind is still not reproduced: cases must not rely on it.
    for flag, items, parse in [
        ("--set-json", a.set_json, helm.parse_set_json),
        ("--set", [",".join(a.set)] if a.set else [], helm.parse_set_string),
        ("--set-string", [",".join(a.set_string)] if a.set_string else [], helm.parse_set_string_values),
        ("--set-file", a.set_file, helm.parse_set_file),
        ("--set-literal", a.set_literal, helm.parse_set_literal),
    ]:
        for s in items:
            try:
                if flag == "--set-json" and s.strip().startswith("{"):
                    cur = json.loads(s.strip())
                    if not isinstance(cur, dict):
                        raise ValueError
                else:
                    cur = parse(s)
                vals = kit.merge_maps(vals, cur)
            except (helm.HelmError, ValueError) as e:
                # pkg/cli/values/options.go MergeValues: --set-json drops the cause, the others wrap it
                if flag == "--set-json":
                    raise ValueError(f"failed parsing --set-json data {'JSON: ' if s.strip().startswith('{') else ''}{s}")
                raise ValueError(f"failed parsing {flag} data: {getattr(e, 'detail', None) or e}")
    return vals


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("chart")
    ap.add_argument("--name", default="release-name")
    ap.add_argument("--namespace", "-n", default="default")
    ap.add_argument("-f", "--values", action="append", default=[])
    for flag in ["--set", "--set-string", "--set-json", "--set-file", "--set-literal", "--show-only"]:
        ap.add_argument(flag, action="append", default=[])
    ap.add_argument("--api-versions", "-a", action="append", default=[])
    ap.add_argument("--kube-version")
    ap.add_argument("--include-crds", action="store_true")
    ap.add_argument("--no-hooks", action="store_true")
    ap.add_argument("--skip-tests", action="store_true")
    ap.add_argument("--skip-schema-validation", action="store_true")
    a = ap.parse_args()

    try:
        vals = user_values(a)
    except ValueError as e:
        return fail(str(e))
    try:
        chart = helm.Chart.load(a.chart)
    except helm.HelmError as e:
        return fail(getattr(e, "detail", None) or str(e))
    try:
        kit.check_deps(a.chart, chart)
    except SystemExit as e:
        print(str(e), file=sys.stderr)
        return 1

    caps = {}
    if a.kube_version:
        caps["kube_version"] = a.kube_version
    if a.api_versions:  # a string slice flag in Helm: each use may hold a comma-separated list
        caps["api_versions"] = [v for item in a.api_versions for v in item.split(",")]
    os.environ.setdefault("KUBECONFIG", "/dev/null")
    try:
        with helm.Config(namespace=a.namespace, storage_driver="memory") as cfg:
            handle, ref = cfg._chart_args(chart)
            payload = _native.call_string(
                "helm_install", cfg._raw(), cfg._context_arg(None), handle, ref, a.name,
                json.dumps(vals) if vals else None,
                _opts(namespace=a.namespace, dry_run="client", disable_hooks=a.no_hooks or None,
                      skip_schema_validation=a.skip_schema_validation or None, **caps))
            rel = json.loads(payload)
    except helm.HelmError as e:
        return fail(getattr(e, "detail", None) or str(e))
    manifest = rel.get("manifest", "") or ""

    out = []
    if a.include_crds:
        for crd in chart.crds:
            out.append(f"---\n# Source: {crd.get('filename') or crd.get('name')}\n{crd.get('data')}\n")
    out.append(manifest.strip() + "\n")

    if not a.no_hooks:
        render_opts = json.dumps({"name": a.name, "namespace": a.namespace, "is_install": True, **caps})
        try:
            files = json.loads(_native.call_string("helm_render", chart._raw(), json.dumps(vals) if vals else None,
                                                   render_opts))
        except helm.HelmError as e:  # e.g. the engine route validates the schema even with --skip-schema-validation
            print(f"oracle-warning: hooks-unavailable: engine render failed: {e}", file=sys.stderr)
            files = {}
        inst = {}
        for p, d in kit.parse_manifest_stream(manifest):
            inst.setdefault(p, []).append(d.strip())
        enabled = {p.rsplit("/templates/", 1)[0] for p in inst}
        hooks = []
        for path in sorted(files):
            if path.endswith("NOTES.txt"):
                continue
            prefix = path.rsplit("/templates/", 1)[0]
            for doc in split_documents(files[path]):
                h = kit.hook_annotation(doc)
                if h is None:
                    if doc.strip() not in inst.get(path, []) and (prefix in enabled or "/charts/" not in path):
                        print(f"oracle-warning: hooks-unverified: {path}", file=sys.stderr)
                    continue
                events = {x.strip().lower() for x in str(h).split(",")}
                if not events <= HOOK_EVENTS:
                    continue
                if a.skip_tests and {"test", "test-success"} & events:
                    continue
                if "/charts/" in path and prefix not in enabled:
                    print(f"oracle-warning: hook-skipped-unknown-subchart: {path}", file=sys.stderr)
                    continue
                hooks.append((path, doc, kind_of(doc)))
        for path, doc, _ in sort_hooks(hooks):
            out.append(f"---\n# Source: {path}\n{doc}\n")
    text = "".join(out)

    if a.show_only:  # helm template: SplitManifests over the whole stream, then path.Match per pattern
        docs = split_documents(text)
        picked = []
        for pattern in a.show_only:
            found = False
            for d in docs:
                m = re.search(r"# Source: [^/]+/(.+)", d)
                if m and go_match(pattern, m.group(1)):
                    picked.append(d)
                    found = True
            if not found:
                return fail(f"could not find template {pattern} in chart")
        text = "".join(f"---\n{d}\n" for d in picked)

    sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
