#!/usr/bin/env bash
# The project's test command (the README's, and what .ci/run calls).
# Runs every test project in Release, then prints one plain line "N passed, N failed, N skipped"
# summed from the TRX files, and exits with dotnet test's exit code (non-zero when any test fails).
set -uo pipefail
cd "$(dirname "$0")/.."
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
dotnet test BrainDrainSim.sln -c Release --logger trx --results-directory "$results" "$@"
code=$?
passed=0; failed=0; skipped=0; files=0
count() { grep -o " $1=\"[0-9]*\"" <<<"$2" | grep -o '[0-9]*' || echo 0; }
for f in "$results"/*.trx; do
  [ -f "$f" ] || continue
  files=$((files + 1))
  counters=$(grep -o '<Counters [^>]*>' "$f" | head -n 1)
  passed=$((passed + $(count passed "$counters")))
  failed=$((failed + $(count failed "$counters") + $(count error "$counters") + $(count timeout "$counters") + $(count aborted "$counters")))
  skipped=$((skipped + $(count notExecuted "$counters")))
done
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$files" -eq 0 ] || [ "$passed" -eq 0 ]; then
  echo "no test results were found" >&2
  [ "$code" -eq 0 ] && code=1
fi
if [ "$failed" -gt 0 ] && [ "$code" -eq 0 ]; then code=1; fi
exit "$code"
