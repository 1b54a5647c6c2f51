#!/usr/bin/env bash
# Quire's whole test suite: unit, integration and end-to-end, against real peers.
# Installs and starts what the tests need first (scripts/install-test-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-test-deps.sh
exec mvn -B -ntp verify "$@"
