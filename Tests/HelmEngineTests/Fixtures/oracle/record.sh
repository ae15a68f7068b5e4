#!/bin/sh
# Records Helm's (the oracle's) output for every case in cases.txt. Run from anywhere:
#   ORACLE_PYTHON=/root/.cache/helm-oracle/bin/python sh Tests/HelmEngineTests/Fixtures/oracle/record.sh
# Writes NAME.expected (stdout) or NAME.expected-error (stderr) next to this script.
set -u
here=$(cd "$(dirname "$0")" && pwd)
cd "$here/.."
grep -v '^#' "$here/cases.txt" | while IFS='|' read -r name chart args; do
    [ -z "$name" ] && continue
    rm -f "$here/$name.expected" "$here/$name.expected-error"
    # shellcheck disable=SC2086
    if "$ORACLE_PYTHON" /work/shared/helm-conformance/render.py "$chart" --name rel --namespace ns $args \
        > "$here/$name.out" 2> "$here/$name.err"; then
        mv "$here/$name.out" "$here/$name.expected"
    else
        mv "$here/$name.err" "$here/$name.expected-error"
    fi
    rm -f "$here/$name.out" "$here/$name.err"
done
