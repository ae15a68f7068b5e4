"""Records Helm's own strvals parser results (through the oracle SDK) for every line of cases.txt.

Run: /root/.cache/helm-oracle/bin/python record.py  (writes cases.expected.json next to it)
"""
import json
import os

import helm_python as helm

here = os.path.dirname(os.path.abspath(__file__))
parsers = {
    "set": helm.parse_set_string,
    "string": helm.parse_set_string_values,
    "json": helm.parse_set_json,
    "literal": helm.parse_set_literal,
}
out = []
with open(os.path.join(here, "cases.txt"), encoding="utf-8") as f:
    for line in f:
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        kind, expression = line.split("\t", 1)
        entry = {"kind": kind, "expression": expression}
        try:
            entry["result"] = parsers[kind](expression)
        except helm.HelmError as e:
            entry["error"] = str(e)
        out.append(entry)
with open(os.path.join(here, "cases.expected.json"), "w", encoding="utf-8") as f:
    json.dump(out, f, indent=1, ensure_ascii=False, sort_keys=True)
    f.write("\n")
