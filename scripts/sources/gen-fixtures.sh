#!/usr/bin/env bash
# Regenerates fixtures/repo/helm/ from real Helm 4.1.4 (dev time only):
#   - helm-env.json: `helm env` path variables under several environments
#   - index.yaml: `helm repo index` over packaged versions of fixtures/repo/charts/demo
#   - selection.json: the version `helm show chart --repo URL demo --version C [--devel]`
#     picks from that index (or Helm's error), served by a throwaway local HTTP server
# Usage: HELM_BIN=/path/to/helm scripts/sources/gen-fixtures.sh
set -euo pipefail
HELM=${HELM_BIN:-$HOME/.cache/helm-trivy-dev/helm}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
OUT=$ROOT/fixtures/repo/helm
TMP=$(mktemp -d)
trap 'kill $SRV 2>/dev/null || true; rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

# 1. helm env
python3 - "$HELM" > "$OUT/helm-env.json" <<'PY'
import json, subprocess, sys
helm = sys.argv[1]
cases = [
  {}, {"XDG_CONFIG_HOME": "/xc", "XDG_CACHE_HOME": "/xk", "XDG_DATA_HOME": "/xd"},
  {"HELM_CONFIG_HOME": "/hc", "HELM_CACHE_HOME": "/hk", "HELM_DATA_HOME": "/hd", "XDG_CONFIG_HOME": "/xc"},
  {"HELM_REPOSITORY_CONFIG": "/r.yaml", "HELM_REPOSITORY_CACHE": "/rc", "HELM_REGISTRY_CONFIG": "/reg.json"},
]
keys = ["HELM_CONFIG_HOME", "HELM_CACHE_HOME", "HELM_DATA_HOME", "HELM_REPOSITORY_CONFIG",
        "HELM_REPOSITORY_CACHE", "HELM_REGISTRY_CONFIG", "HELM_CONTENT_CACHE"]
res = []
for env in cases:
  e = {"HOME": "/home/u", "PATH": "/usr/bin:/bin", **env}
  out = subprocess.run([helm, "env"], env=e, capture_output=True, text=True, check=True).stdout
  vals = dict(l.split("=", 1) for l in out.splitlines() if "=" in l)
  res.append({"env": env, "home": "/home/u", "expected": {k: json.loads(vals[k]) for k in keys}})
print(json.dumps(res, indent=2))
PY

# 2. an index in Helm's own layout
mkdir -p "$TMP/repo" "$TMP/src"
for v in 0.9.0 1.0.0 1.1.0 1.2.0 1.10.0 2.0.0-beta.1 2.0.0+build.5 3.0.0-rc.1; do
  rm -rf "$TMP/src/demo"; cp -r "$ROOT/fixtures/repo/charts/demo" "$TMP/src/demo"
  sed -i "s/^version: .*/version: $v/" "$TMP/src/demo/Chart.yaml"
  "$HELM" package "$TMP/src/demo" -d "$TMP/repo" >/dev/null
done
"$HELM" repo index "$TMP/repo"
sed -E 's/^(\s+created: ).*/\1"2024-01-01T00:00:00Z"/; s/^generated: .*/generated: "2024-01-01T00:00:00Z"/' \
  "$TMP/repo/index.yaml" > "$OUT/index.yaml"
cp "$OUT/index.yaml" "$TMP/repo/index.yaml"

# 3. version selection through Helm against that index
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
(cd "$TMP/repo" && exec python3 -m http.server "$PORT" --bind 127.0.0.1 >/dev/null 2>&1) & SRV=$!
sleep 1
URL="http://127.0.0.1:$PORT"
python3 - "$HELM" "$URL" "$TMP" > "$OUT/selection.json" <<'PY'
import json, subprocess, sys
helm, url, tmp = sys.argv[1:4]
cases = ["", "1.1.0", "1.10.0", "^1.0", "~1.1", ">=1.0.0 <1.2.0", "1.x", "2.0.0+build.5", "2.0.0",
         ">2.0.0-0", "9.9.9", "1.2", "v1.1.0", "<1.0.0", "nope!"]
env = {"HOME": tmp, "PATH": "/usr/bin:/bin"}
res = []
for c in cases:
  for devel in (False, True):
    args = [helm, "show", "chart", "--repo", url, "demo"] + (["--version", c] if c else []) + (["--devel"] if devel else [])
    p = subprocess.run(args, env=env, capture_output=True, text=True)
    if p.returncode == 0:
      v = next(l.split(": ", 1)[1] for l in p.stdout.splitlines() if l.startswith("version: "))
      res.append({"version": c, "devel": devel, "picked": v})
    else:
      res.append({"version": c, "devel": devel, "error": p.stderr.strip().replace(url, "URL")})
print(json.dumps(res, indent=2))
PY
echo "wrote $OUT"
