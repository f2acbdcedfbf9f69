#!/usr/bin/env bash
# Installs what building and testing `migrate` needs on a Debian machine with the Swift toolchain.
# Idempotent: installs only what is missing; safe to run any number of times.
set -euo pipefail

packages=(pkg-config libxml2-dev libsqlite3-dev libpq-dev postgresql libxml2-utils sqlite3 chromium)
missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: missing packages: ${missing[*]} (run as root, or install them with apt-get)" >&2
    exit 2
  fi
  echo "setup: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

if ! command -v swift >/dev/null 2>&1; then
  if [ -x /opt/swift/usr/bin/swift ]; then
    export PATH="/opt/swift/usr/bin:$PATH"
  else
    echo "setup: the Swift toolchain (swift 6.x) is not installed" >&2
    exit 2
  fi
fi

# sqlglot parses the generated SQL in each dialect (tests skip with a message when it is missing).
if ! python3 -c "import sqlglot" >/dev/null 2>&1; then
  echo "setup: installing sqlglot 30.30.0 (pip)"
  python3 -m pip install -q --disable-pip-version-check "sqlglot==30.30.0" >/dev/null 2>&1 \
    || echo "setup: could not install sqlglot; the SQL parse tests will be skipped" >&2
fi

# DuckDB's Python package runs the DuckDB SQL of the reference cases (skipped without it) and the
# runtime benchmark's DuckDB baseline.
if ! python3 -c "import duckdb" >/dev/null 2>&1; then
  echo "setup: installing duckdb 2.0.0 (pip)"
  python3 -m pip install -q --disable-pip-version-check "duckdb==2.0.0" >/dev/null 2>&1 \
    || echo "setup: could not install duckdb; the DuckDB checks will be skipped" >&2
fi
