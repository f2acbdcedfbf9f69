#!/usr/bin/env bash
# Runs the whole test suite from a clean or existing checkout: setup, build, swift test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift build --build-tests
swift test --skip-build
