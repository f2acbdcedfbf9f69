#!/usr/bin/env bash
# The main job on the embedded default: converts the bundled example exports into canonical YAML,
# then checks every output (schema + IR verification) and that formatting it is the identity.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build --product migrate
bin="$(swift build --show-bin-path)/migrate"
out="${1:-out/demo}"
rm -rf "$out"

echo "== convert examples/ into $out"
status=0
"$bin" convert examples --out "$out" || status=$?
if [ "$status" -ge 2 ]; then
  echo "demo: convert failed with a usage or IO error" >&2
  exit "$status"
fi

echo "== check every output"
find "$out" -name '*.yaml' -print0 | sort -z | xargs -0 "$bin" check

echo "== fmt is the identity on every output"
find "$out" -name '*.yaml' -print0 | sort -z | while IFS= read -r -d '' file; do
  if ! "$bin" fmt "$file" | cmp -s - "$file"; then
    echo "demo: fmt changed $file" >&2
    exit 1
  fi
done
echo "demo: ok (convert exit status $status; 1 means some objects were converted with errors, see the report)"
