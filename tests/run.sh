#!/usr/bin/env bash
# The project's test command (the README's; .ci/run calls it with --all).
# Runs the test projects in Release, then prints one plain line "N passed, N failed, N skipped"
# summed from the TRX files, and exits with dotnet test's exit code (non-zero when any test fails).
#   tests/run.sh          every test except the slow category (about 4 minutes)
#   tests/run.sh --slow   only the slow category: the engine against its recorded predecessor
#   tests/run.sh --all    both (what CI runs)
# Further arguments go to dotnet test (for example --no-build).
set -uo pipefail
cd "$(dirname "$0")/.."
filter=(--filter "Category!=Slow")
case "${1:-}" in
  --slow) filter=(--filter "Category=Slow"); shift ;;
  --all) filter=(); shift ;;
esac
results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
dotnet test BrainDrainSim.sln -c Release --logger trx --results-directory "$results" ${filter[@]+"${filter[@]}"} "$@"
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
