#!/bin/sh
# Install/update hook of the Helm plugin: builds the CLI in the plugin's checkout with the
# pinned pnpm (through npx, so only Node 20+ and npm are needed).
set -e
root="${HELM_PLUGIN_DIR:-$(dirname "$0")/../..}"
[ -f "$root/packages/cli/package.json" ] || root="$root/../../.."
cd "$root"
if ! command -v node >/dev/null 2>&1; then
  echo "Error: helm-trivy needs Node.js 20 or later on PATH" >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "Error: helm-trivy needs Node.js 20 or later (found $(node --version))" >&2
  exit 1
fi
if [ -f packages/cli/dist/main.js ] && [ "${HELM_TRIVY_REBUILD:-}" != "1" ]; then
  echo "helm-trivy is already built"
  exit 0
fi
echo "Building helm-trivy (npm/pnpm install + build)..."
npx --yes pnpm@10.34.9 install --frozen-lockfile
npx --yes pnpm@10.34.9 build
command -v trivy >/dev/null 2>&1 || echo "Note: trivy is not on PATH; install it or pass --trivy-path"
echo "helm-trivy installed: run 'helm trivy CHART'"
