#!/usr/bin/env bash
# Runs the whole test suite from a clean or existing checkout: setup, format lint, build (warnings are
# errors for our targets, see Package.swift), swift test.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/setup.sh
swift format lint --strict --recursive Sources Tests Benchmarks/Sources Package.swift
swift build --build-tests
swift test --skip-build
