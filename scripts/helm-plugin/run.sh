#!/bin/sh
# `helm trivy ...`: runs the CLI built by install.sh. Helm passes the plugin's arguments and
# its environment (HELM_NAMESPACE, HELM_REPOSITORY_CONFIG, ...), which the CLI reads.
set -e
root="${HELM_PLUGIN_DIR:-$(dirname "$0")/../..}"
# The Helm 3 manifest lives in scripts/helm-plugin/helm3: the checkout is three levels up.
[ -f "$root/packages/cli/package.json" ] || root="$root/../../.."
main="$root/packages/cli/dist/main.js"
if [ ! -f "$main" ]; then
  echo "Error: helm-trivy is not built in $root; run: helm plugin update trivy (or sh $root/scripts/helm-plugin/install.sh)" >&2
  exit 70
fi
exec node "$main" "$@"
