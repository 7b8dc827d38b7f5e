#!/usr/bin/env bash
# The module-system scale target (issue #4), whole process: `configlang eval --strict --json`
# of the scale benchmark's run.nix (N certificates as attrsOf (submodule …) whose defaults come
# from security.acme.defaults, N nginx virtual hosts with useACMEHost) for each N, with wall time
# and peak RSS read by /usr/bin/time (and CPU time, user + system, which a loaded machine
# disturbs less than wall time). The result is checked (it must be 2N). Target: N=10,000
# under 1.8 s and 500 MB, growing linearly from N=100.
#
#   tests/bench/modules-scale.sh [N...]            (default: 100 1000 10000)
#   CONFIGLANG_BIN=/path/to/configlang ...         (skip the build; default: Release build)
#   CONFIGLANG_AOT=1 ...                           (build with Native AOT instead)
#   NIXPKGS=/path/to/nixpkgs ...                   (also run nix-instantiate with nixpkgs' lib,
#                                                   as <configlang/lib>, for N <= NIX_MAX_N=1000)
#   RUNS=3 ...                                     (runs per size; the best wall time is kept)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
fixtures="$root/tests/ConfigLang.Modules.Benchmarks/Fixtures"
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(100 1000 10000)
runs="${RUNS:-3}"
nix_max="${NIX_MAX_N:-1000}"
out="$(mktemp -d /tmp/configlang-scale.XXXXXX)"
trap 'rm -rf "$out"' EXIT
[ -x /usr/bin/time ] || { echo "/usr/bin/time (Debian package time) is required" >&2; exit 2; }

bin="${CONFIGLANG_BIN:-}"
if [ -z "$bin" ]; then
  if [ "${CONFIGLANG_AOT:-0}" = 1 ]; then
    echo "building configlang (Native AOT, Release)..." >&2
    dotnet publish "$root/src/Cli" -c Release -p:PublishAot=true -o "$out/cli" -nologo -v q >&2
  else
    echo "building configlang (Release)..." >&2
    dotnet build "$root/src/Cli" -c Release -o "$out/cli" -nologo -v q >&2
  fi
  bin="$out/cli/configlang"
fi

# The fixtures in a fresh folder, as a user's files would be.
cp "$fixtures"/*.nix "$out/"

# measure LABEL N COMMAND...: best wall time of $runs runs, with that run's peak RSS.
measure() {
  local label="$1" n="$2"; shift 2
  local best="" best_rss="" best_cpu="" result
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$out/time" -f '%e %M %U %S' "$@" >"$out/stdout" 2>"$out/stderr" || true
    result="$(tail -n1 "$out/time")"
    if [ "$(tr -d '\n' <"$out/stdout")" != "$((2 * n))" ]; then
      echo "$label n=$n: expected $((2 * n)), got: $(head -c 300 "$out/stdout") $(head -c 600 "$out/stderr")" >&2
      exit 1
    fi
    local wall rss user sys
    read -r wall rss user sys <<<"$result"
    if [ -z "$best" ] || awk "BEGIN { exit !($wall < $best) }"; then
      best="$wall"; best_rss="$rss"; best_cpu="$(awk "BEGIN { print $user + $sys }")"
    fi
  done
  printf '%-10s N=%-6s %6.2f s  %5d MB  (cpu %.2f s)\n' "$label" "$n" "$best" "$((best_rss / 1024))" "$best_cpu"
}

echo "configlang: $bin; best of $runs; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${sizes[@]}"; do
  measure configlang "$n" "$bin" eval --strict --json --arg n "$n" "$out/run.nix"
  if [ -n "${NIXPKGS:-}" ] && [ "$n" -le "$nix_max" ]; then
    NIX_REMOTE=dummy:// measure nix "$n" nix-instantiate --eval --strict --json -I "configlang=$NIXPKGS" --arg n "$n" "$out/run.nix"
  fi
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
