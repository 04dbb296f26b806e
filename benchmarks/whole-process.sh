#!/usr/bin/env bash
# Times `braindrain` as a user runs it: publishes the command once (ReadyToRun, as a plain `dotnet publish` of
# the CLI gives it), then runs the reference workload N times, each timed whole from outside (process start to
# exit: runtime start-up, scenario loading, setup, stepping, outputs, shutdown), and prints each run with the
# manifest's own split, then the median and range. The machine's load is printed before and after: on a shared
# machine, read the range, not only the median.
#
#   benchmarks/whole-process.sh [-n N] [--self-contained] [--jit] [-- COMMAND ARGS...]
#
#   -n N              runs of the command (default 9)
#   --self-contained  publish with the .NET runtime inside (the folder needs no .NET on the machine)
#   --jit             time the plain build output instead (dotnet build; everything JIT-compiled), to compare
#   COMMAND ARGS      what to run (default: run benchmarks/scenarios/reference-10k.yaml --runs 200 --threads 1);
#                     --out is added, into a temporary folder deleted after each run
set -euo pipefail
cd "$(dirname "$0")/.."

n=9
mode=framework-dependent
while [ $# -gt 0 ]; do
  case "$1" in
    -n) n=$2; shift 2 ;;
    --self-contained) mode=self-contained; shift ;;
    --jit) mode=jit; shift ;;
    --) shift; break ;;
    *) echo "unknown option $1 (see the comment at the top of $0)" >&2; exit 2 ;;
  esac
done
if [ $# -gt 0 ]; then args=("$@"); else args=(run benchmarks/scenarios/reference-10k.yaml --runs 200 --threads 1); fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

case "$mode" in
  jit)
    dotnet build src/BrainDrainSim.Cli -c Release >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
    exe=$(ls src/BrainDrainSim.Cli/bin/Release/net10.0/*/braindrain | head -n 1)
    folder=$(dirname "$exe") ;;
  *)
    extra=()
    [ "$mode" = self-contained ] && extra=(--self-contained)
    dotnet publish src/BrainDrainSim.Cli -c Release "${extra[@]}" -o "$work/publish" >"$work/publish.log" 2>&1 \
      || { cat "$work/publish.log" >&2; exit 1; }
    exe=$work/publish/braindrain
    folder=$work/publish ;;
esac
echo "mode: $mode, $(du -sh "$folder" | cut -f1) in $(find "$folder" -type f | wc -l) files"
echo "command: braindrain ${args[*]}"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"

field() { grep -o "\"$1\": *[0-9.eE+-]*" "$2" | head -n 1 | sed 's/.*: *//'; }
printf '%4s %8s %8s %8s %8s %8s\n' run whole setup stepping output other
walls=()
for i in $(seq 1 "$n"); do
  out=$work/out-$i
  start=$(date +%s%N)
  "$exe" "${args[@]}" --out "$out" >/dev/null
  end=$(date +%s%N)
  wall=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", (b - a) / 1e9 }')
  walls+=("$wall")
  m=$out/manifest.json
  if [ -f "$m" ]; then
    s=$(field setup_seconds "$m"); t=$(field stepping_seconds "$m"); o=$(field output_seconds "$m")
    other=$(awk -v w="$wall" -v s="$s" -v t="$t" -v o="$o" 'BEGIN { printf "%.3f", w - s - t - o }')
    printf '%4d %8s %8.3f %8.3f %8.3f %8s\n' "$i" "$wall" "$s" "$t" "$o" "$other"
  else
    printf '%4d %8s\n' "$i" "$wall"
  fi
  rm -rf "$out"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%s\n' "${walls[@]}" | sort -n | awk '{ v[NR] = $1 } END {
  median = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
  printf "whole process: median %.3f s, range %.3f-%.3f s over %d runs\n", median, v[1], v[NR], NR }'
echo "(other = whole - setup - stepping - output: runtime start-up, loading and checks, shutdown)"
