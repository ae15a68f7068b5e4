#!/usr/bin/env python3
"""Regenerates OracleTable.swift: every row's expected result comes from Helm's own engine (the oracle).

Rows are (constraint, version) pairs and version strings: Masterminds/semver's own test tables (read from a local
checkout given as argv[1]; only the input strings are taken, never the expected values) plus our own rows below.
Each row is rendered as a one-line template through render_template.py and the output or error text is recorded.
Usage: ORACLE_PYTHON=... generate_oracle_table.py MASTERMINDS_CHECKOUT OUT.swift
"""
import json, os, re, subprocess, sys, tempfile

checkout, out_path = sys.argv[1], sys.argv[2]
oracle = os.environ.get("ORACLE_PYTHON", "/root/.cache/helm-oracle/bin/python")
render = "/work/shared/helm-conformance/render_template.py"

pair = re.compile(r'\{\s*"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"\s*,\s*(true|false)\s*\}')
single = re.compile(r'\{\s*"((?:[^"\\]|\\.)*)"\s*,\s*(true|false)\s*\}')

def go_unquote(s):
    return json.loads('"' + s + '"')

check_pairs, versions = [], []
src = open(os.path.join(checkout, "constraints_test.go")).read()
for m in pair.finditer(src):
    check_pairs.append((go_unquote(m.group(1)), go_unquote(m.group(2))))
vsrc = open(os.path.join(checkout, "version_test.go")).read()
for m in single.finditer(vsrc):
    versions.append(go_unquote(m.group(1)))

# Our own rows: wildcards, whitespace/comma rules, hyphen ranges, prerelease scoping, odd input.
own = [
    ("^1.2", "1.3.0"), ("^1.2", "2.0.0"), ("^1.2", "1.2.0-rc.1"), ("^1.2.0-0", "1.2.0-rc.1"),
    (">=1.2.3-0 <2", "1.9.0-beta"), (">=1.2.3-0 <2", "2.0.0-beta"), (">=1.2.3 <2 || >=3.0.0-0", "3.1.0-alpha"),
    (">=1.2.3 <2 || >=3.0.0-0", "1.5.0-alpha"), ("1.2 - 1.4.5", "1.4.5"), ("1.2 - 1.4.5", "1.4.6"),
    ("1.2 - 1.4.5", "1.2.0"), ("1.2.3 - 2", "2.9.9"), ("1.2.3 - 2", "3.0.0"), ("1.2.x - 1.4", "1.4.9"),
    ("1 - 2 || 4 - 5", "4.5.0"), ("1 - 2 || 4 - 5", "3.0.0"), ("  >=  1.0  ,  <  2.0  ", "1.5.0"),
    (">=1.0,<2.0", "1.5.0"), (">=1.0 , <2.0", "2.0.0"), (">=1.0,,<2.0", "1.5.0"), (">=1.0 || ", "1.5.0"),
    ("|| >=1.0", "1.5.0"), ("1 | 2", "1.0.0"), ("1|2", "1.0.0"), ("> = 1", "2.0.0"), ("=>1", "2.0.0"),
    ("=<1", "0.5.0"), ("~>1.2", "1.2.9"), ("~>1.2", "1.3.0"), ("~1", "1.9.9"), ("~1.2.x", "1.2.9"),
    ("1.x", "1.9.9"), ("1.X", "2.0.0"), ("1.*", "1.0.0"), ("1.*.*", "1.0.0"), ("x", "0.0.0"),
    ("X.X.X", "5.0.0"), ("*", "0.0.1-rc"), ("^*", "1.0.0"), ("^*", "0.5.0"), ("~*", "0.5.0"),
    (">*", "1.0.0"), (">x", "0.0.1"), ("<*", "1.0.0"), ("<=*", "9.0.0"), ("!=*", "1.0.0"), ("!=1.x", "2.0.0"),
    ("!=1.2.x-beta", "1.2.3-alpha"), ("!=1.2.x-beta", "1.2.3-beta"), ("v1.2.3", "1.2.3"), ("=v1.2.3", "v1.2.3"),
    ("1.2.3+build", "1.2.3+other"), (">1.2.3+build", "1.2.4"), ("01.2.3", "1.2.3"), ("1.02", "1.2.5"),
    ("1.2.3-01", "1.2.3"), ("1.2.3-beta.01", "1.2.3"), ("99999999999999999999", "1.0.0"), ("1.2.3.4", "1.2.3"),
    ("foo", "1.0.0"), ("", "1.0.0"), (" ", "1.0.0"), ("^1", ""), ("^1", "v1.5"), ("^1", "1.5.0.1"),
    ("^1", "01.5.0"), ("^1", "1.5.0-01"), ("^1", "99999999999999999999.0.0"), ("^0.0.0", "0.0.0"),
    ("^0.0.0", "0.0.1"), ("^0.0.x", "0.0.7"), ("^0.0", "0.0.7"), ("^0.x", "0.9.0"), ("^0", "0.9.0"),
    ("^0.1", "0.1.9"), ("^0.1", "0.2.0"), ("^0.1.2", "0.1.1"), (">=0.0.0-0", "0.0.0-0"),
    (">1.0.0-alpha.1", "1.0.0-alpha.beta"), (">1.0.0-alpha.beta", "1.0.0-beta"), (">1.0.0-beta", "1.0.0-beta.2"),
    (">1.0.0-beta.2", "1.0.0-beta.11"), (">1.0.0-beta.11", "1.0.0-rc.1"), (">1.0.0-rc.1", "1.0.0"),
    ("<1.0.0-rc.1", "1.0.0-rc.0"), ("<1.0.0-alpha", "1.0.0-Alpha"), (">1.0.0-a.1", "1.0.0-a.18446744073709551616"),
    (">=1.0.0-a.18446744073709551616", "1.0.0-a.9"), ("<=1.2", "1.2.99"), ("<=1.2", "1.3.0"), ("<=1", "1.99.0"),
    (">1.2", "1.2.99"), (">1.2", "1.3.0"), (">1", "1.99.0"), (">1", "2.0.0"), ("<1.2", "1.1.99"),
    ("\t>=1.0\n", "1.0.0"), (">=1.0\v", "1.0.0"), ("^1.2 ~1.2.3", "1.2.5"), ("^1.2 ~1.2.3", "1.3.0"),
    ("~1.2.3 || ^2", "2.5.0"), (">=1 <1", "1.0.0"), ("=1.0.0-rc.1", "1.0.0-rc.1"), ("1.0.0-rc.1", "1.0.0-rc.1+x"),
    ("!=1.0.0-rc.1", "1.0.0-rc.2"), ("!=1.0.0", "1.0.0-rc.2"), ("1.2.3 1.2.4", "1.2.3"), ("1.2.3 - ", "1.2.3"),
    ("- 1.2.3", "1.2.3"), ("1.2.3 -1.2.4", "1.2.3"), ("v", "1.0.0"), ("vx", "1.0.0"), ("1.2.3-", "1.2.3"),
    ("1.2.3+", "1.2.3"), ("é", "1.0.0"), ("\"1\"", "1.0.0"), (">=1.0.0 \u00a0", "1.0.0"),
]
check_pairs += own

extra_versions = [
    "v1.2", "1.2-rc.1+b", "1.2.3-rc.1+build.5", "0.0.0", "00001.0002.0003", "1.2.3+a..b", "1.2.3-a..b",
    "18446744073709551615.0.0", "18446744073709551616.0.0", "1.18446744073709551616", "V1.2.3", " 1.2.3",
    "1.2.3 ", "1.2.3-beta.0", "1.2.3-0", "1.2.3-00", "1.2.3+00", "", "v", "1.", "1.2.", "1.2.3-",
    "1.2.3+", "1.2.3-a+b+c", "1.2.3-α", "1.2.3+-", "1.2.3--",
]
versions += extra_versions

# Compare and increment rows for Version methods exposed through Sprig's `semver`.
compare_pairs = [
    ("1.2.3", "1.2.3"), ("1.2.3", "1.2.4"), ("1.2.3-alpha", "1.2.3"), ("1.2.3-alpha", "1.2.3-beta"),
    ("1.2.3-alpha.1", "1.2.3-alpha"), ("1.2.3-alpha.2", "1.2.3-alpha.10"), ("1.2.3-alpha.b", "1.2.3-alpha.1"),
    ("1.2.3+a", "1.2.3+b"), ("1.2.3-rc.1+a", "1.2.3-rc.1+b"), ("2", "1.99.99"), ("v1.0", "1"),
    ("1.0.0-A", "1.0.0-a"), ("1.0.0-a.99999999999999999999", "1.0.0-a.2"), ("1.0.0-1a", "1.0.0-1"),
    ("1.0.0-alpha.beta", "1.0.0-alpha.1"), ("1.0.0-beta.11", "1.0.0-beta.2"), ("0.0.1", "0.1.0"),
]
inc_versions = ["1.2.3", "v1.2.3", "1.2.3-rc.1", "v1.2.3-rc.1+b", "1.2.3+b", "1", "v2.0-beta"]

def esc(s):
    return json.dumps(s, ensure_ascii=False)

cases = {}
for i, (c, v) in enumerate(check_pairs):
    cases[f"check{i:04d}"] = "{{ semverCompare %s %s }}" % (esc(c), esc(v))
for i, v in enumerate(versions):
    cases[f"version{i:04d}"] = ("{{ $v := semver %s }}{{ $v.Major }}|{{ $v.Minor }}|{{ $v.Patch }}|"
                                "{{ $v.Prerelease }}|{{ $v.Metadata }}|{{ $v.Original }}|{{ $v }}") % esc(v)
for i, (a, b) in enumerate(compare_pairs):
    cases[f"compare{i:04d}"] = "{{ (semver %s).Compare (semver %s) }}" % (esc(a), esc(b))
for i, v in enumerate(inc_versions):
    cases[f"inc{i:04d}"] = "{{ $v := semver %s }}{{ $v.IncMajor }}|{{ $v.IncMinor }}|{{ $v.IncPatch }}" % esc(v)

with tempfile.TemporaryDirectory() as tmp:
    for name, text in cases.items():
        open(os.path.join(tmp, name + ".tpl"), "w").write(text)
    subprocess.run([oracle, render, tmp], check=True, stdout=subprocess.DEVNULL)
    results = {}
    for name in cases:
        ok = os.path.join(tmp, name + ".expected")
        if os.path.exists(ok):
            results[name] = open(ok).read()
        else:
            err = open(os.path.join(tmp, name + ".expected-error")).read().strip()
            m = re.search(r"error calling [A-Za-z]+: (.*)$", err, re.S)
            results[name] = "error: " + (m.group(1) if m else err)

def swift(s):
    out = '"'
    for ch in s:
        if ch == '"': out += '\\"'
        elif ch == '\\': out += '\\\\'
        elif ch == '\n': out += '\\n'
        elif ch == '\t': out += '\\t'
        elif ord(ch) < 0x20 or ord(ch) == 0x7f or ch == '\u00a0' or ch == '\u000b': out += '\\u{%x}' % ord(ch)
        else: out += ch
    return out + '"'

lines = ["// Generated by generate_oracle_table.py from Helm 4.2's engine (render_template.py); do not edit.",
         "// Each expected value is what `semverCompare` / `semver` printed in Helm, or `error: ` + Helm's message.",
         "", "enum OracleTable {"]
lines.append("    /// (constraint, version, expected) for `semverCompare`.")
lines.append("    static let checks: [(String, String, String)] = [")
for i, (c, v) in enumerate(check_pairs):
    lines.append(f"        ({swift(c)}, {swift(v)}, {swift(results[f'check{i:04d}'])}),")
lines.append("    ]")
lines.append("    /// (text, expected) for `semver`: `major|minor|patch|prerelease|metadata|original|string`.")
lines.append("    static let versions: [(String, String)] = [")
for i, v in enumerate(versions):
    lines.append(f"        ({swift(v)}, {swift(results[f'version{i:04d}'])}),")
lines.append("    ]")
lines.append("    /// (a, b, expected) for `(semver a).Compare (semver b)`.")
lines.append("    static let compares: [(String, String, String)] = [")
for i, (a, b) in enumerate(compare_pairs):
    lines.append(f"        ({swift(a)}, {swift(b)}, {swift(results[f'compare{i:04d}'])}),")
lines.append("    ]")
lines.append("    /// (text, expected) for `IncMajor|IncMinor|IncPatch`.")
lines.append("    static let increments: [(String, String)] = [")
for i, v in enumerate(inc_versions):
    lines.append(f"        ({swift(v)}, {swift(results[f'inc{i:04d}'])}),")
lines.append("    ]")
lines.append("}")
open(out_path, "w").write("\n".join(lines) + "\n")
print(f"{len(check_pairs)} checks, {len(versions)} versions, {len(compare_pairs)} compares, {len(inc_versions)} incs")
