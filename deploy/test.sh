#!/usr/bin/env bash
# Runs every test of the package against a throwaway PostgreSQL cluster.
#
# Installs the system packages it needs, checks the code style with `swift format lint` (a violation
# fails the run), starts a private cluster in .data/test-postgres (wiped at
# start, fsync off) on a free port, builds every product and test in debug mode, builds the release
# executables that deploy/up.sh and the images run (the optimiser has crashed on code the debug build
# took; SKIP_RELEASE_BUILD=1 leaves this out of a quick local run), runs `swift test` and stops the
# cluster on exit. A failed build stops the run; otherwise it exits with the status of `swift test`.
# The tests receive TEST_DATABASE_URL (the cluster) and PLATFORM_BIN_DIR (the built executables).
set -euo pipefail

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$repo_root"
# shellcheck source=deploy/lib/common.sh
source deploy/lib/common.sh

pg_data="$repo_root/.data/test-postgres"

say "checking system packages"
ensure_packages

say "checking the code style (swift format lint, .swift-format)"
swift format lint --recursive --strict --parallel Package.swift Shared Services Tests bench/PoolBench

trap 'stop_private_pg "$pg_data" || true' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

stop_private_pg "$pg_data" || true
rm -rf "$pg_data" "$pg_data.log" "$pg_data-socket"
pg_port="$(free_port)"
start_private_pg "$pg_data" "$pg_port" --no-fsync
export TEST_DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/postgres"
export TEST_DATABASE_LOG="$pg_data.log"
say "TEST_DATABASE_URL=$TEST_DATABASE_URL"

say "building every product and test (swift build --build-tests)"
swift build --build-tests
PLATFORM_BIN_DIR="$(swift build --show-bin-path)"
export PLATFORM_BIN_DIR
say "PLATFORM_BIN_DIR=$PLATFORM_BIN_DIR"

if [ "${SKIP_RELEASE_BUILD:-0}" != "1" ]; then
    say "building the release executables (swift build -c release)"
    swift build -c release
fi

say "running the tests (swift test)"
status=0
swift test --skip-build || status=$?
if [ "$status" -eq 0 ]; then
    say "all tests passed"
else
    say "swift test failed with status $status"
fi
exit "$status"
