#!/usr/bin/env bash
# Compares `configlang eval` with `nix-instantiate --eval --strict` (Nix 2.8), whole process,
# same machine, same run: the nix-lang corpus (every eval-okay case of baseline-nix28.txt, one
# process per case, as its README runs them) and the programs in programs/*.nix (their
# generated inputs are written by programs/generate.py first). The two commands run
# alternately (which goes first alternates too), so a change of the machine's load hits both;
# the ratio is the median of the per-pair ratios configlang/nix. Each program's output must be
# the same from both, or the script stops. Prints one table line per benchmark: median wall
# times, ratio, peak RSS of each (the largest of the run's processes), median CPU time (user +
# system; steadier than wall time on a loaded machine) and the load average (1 minute) before
# and after its runs.
#
#   tests/bench/eval-vs-nix.sh [RUNS] [NAME...]   (default 5 pairs per benchmark, 1 warm-up pair;
#                                                  NAMEs pick programs, `corpus` the corpus loop)
#   CONFIGLANG_BIN=/path/to/configlang ...        (skip the build; default: Native AOT publish)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${CONFIGLANG_SHARED:-$root/../shared}"
corpus="$shared/conformance/nix-lang"
runs="${1:-5}"
shift || true
only=("$@")
out="$(mktemp -d /tmp/configlang-bench.XXXXXX)"
trap 'rm -rf "$out"' EXIT

command -v nix-instantiate >/dev/null || { echo "nix-instantiate (Debian nix-bin) is required" >&2; exit 2; }
export NIX_REMOTE=dummy://

bin="${CONFIGLANG_BIN:-}"
if [ -z "$bin" ]; then
  echo "building configlang (Native AOT, Release)..." >&2
  if dotnet publish "$root/src/Cli" -c Release -p:PublishAot=true -o "$out/aot" -nologo -v q >&2; then
    bin="$out/aot/configlang"
  else
    echo "AOT publish failed; using the Release JIT build" >&2
    dotnet build "$root/src/Cli" -c Release -nologo -v q >&2
    bin="$root/src/Cli/bin/Release/net10.0/configlang"
  fi
fi

# The corpus loop: one process per case, with the README's environment and .flags.
cat > "$out/corpus.sh" <<'LOOP'
#!/usr/bin/env bash
# usage: corpus.sh CORPUS_DIR EVALUATOR...   (EVALUATOR is the command before the flags)
cd "$1"; shift
export TEST_VAR=foo NIX_PATH=lang/dir3:lang/dir4 HOME=/fake-home
for name in $(grep '^eval-okay-' baseline-nix28.txt); do
  flags=""
  [ -f "lang/$name.flags" ] && flags="$(head -n1 "lang/$name.flags")"
  if [ -f "lang/$name.exp.xml" ]; then flags="$flags --xml --no-location"; fi
  # shellcheck disable=SC2086
  "$@" $flags --strict "lang/$name.nix" >/dev/null 2>&1 || true
done
LOOP
chmod +x "$out/corpus.sh"

# Runs the pairs: wall time and peak RSS from wait4, output compared on the warm-up pair.
cat > "$out/paired.py" <<'PAIRED'
import os, statistics, subprocess, sys, time
label, runs, ours, theirs = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def run(command):
    start = time.monotonic()
    child = subprocess.Popen(command, shell=True, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    output = child.stdout.read()
    _, status, usage = os.wait4(child.pid, 0)
    return (time.monotonic() - start, usage.ru_maxrss / 1024, output, os.waitstatus_to_exitcode(status),
            usage.ru_utime + usage.ru_stime)
def load(): return open("/proc/loadavg").read().split()[0]
load_before = load()
ours_out, theirs_out = run(ours), run(theirs)
if ours_out[2] != theirs_out[2] or ours_out[3] != theirs_out[3]:
    sys.exit(f"{label}: outputs differ\n  configlang ({ours_out[3]}): {ours_out[2][:300]!r}\n"
             f"  nix ({theirs_out[3]}): {theirs_out[2][:300]!r}")
times, rss, cpu, ratios = ([], []), ([], []), ([], []), []
for i in range(runs):
    pair = (ours, theirs) if i % 2 == 0 else (theirs, ours)
    results = {command: run(command) for command in pair}
    for side, command in enumerate((ours, theirs)):
        times[side].append(results[command][0]); rss[side].append(results[command][1]); cpu[side].append(results[command][4])
    ratios.append(results[ours][0] / results[theirs][0])
print(f"| {label} | {statistics.median(times[0]) * 1000:.0f} | {statistics.median(times[1]) * 1000:.0f} | "
      f"{statistics.median(ratios):.2f} | {max(rss[0]):.0f} | {max(rss[1]):.0f} | "
      f"{statistics.median(cpu[0]) * 1000:.0f} | {statistics.median(cpu[1]) * 1000:.0f} | {load_before}-{load()} |", flush=True)
PAIRED

wanted() { [ "${#only[@]}" -eq 0 ] && return 0; local n; for n in "${only[@]}"; do [ "$n" = "$1" ] && return 0; done; return 1; }
bench() { wanted "$1" && python3 "$out/paired.py" "$1" "$runs" "$2" "$3"; return 0; }

python3 "$here/programs/generate.py"
echo "configlang: $bin; $runs alternating pairs each after a warm-up pair; $(nproc) cores"
echo "| benchmark | configlang ms | nix ms | ratio (median of pairs) | configlang peak RSS MB | nix peak RSS MB | configlang CPU ms | nix CPU ms | load (1 min) |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"
bench corpus "$out/corpus.sh $corpus $bin eval" "$out/corpus.sh $corpus nix-instantiate --eval"
for program in "$here"/programs/*.nix; do
  name="$(basename "$program" .nix)"
  bench "$name" "$bin eval --strict $program" "nix-instantiate --eval --strict $program"
done
