#!/usr/bin/env bash
# Scheduled jobs, measured (docs/benchmarks.md): a 100,000-member sync from CSV and from a second MariaDB
# database, and 1,000,000 addresses written as the relay file. Needs the test database account
# (scripts/install-test-deps.sh). Builds what it runs in the reactor, without installing anything into ~/.m2.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
classpath() { # module: package it and its dependencies, print its test classpath (the module is built last)
  mvn -B -ntp -q -pl "$1" -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile="$tmp/cp" >/dev/null
  echo "$1/target/classes:$1/target/test-classes:$(cat "$tmp/cp")"
}
echo "== membership sync, 100,000 addresses"
java -cp "$(classpath cron)" dev.quire.cron.sync.SyncBenchmark
echo "== address file, 1,000,000 addresses"
java -Xmx1g -cp "$(classpath mta-ear/mta)" dev.quire.mta.enumerate.AddressFileBenchmark
