#!/usr/bin/env bash
# Compares `configlang eval` with `nix-instantiate --eval --strict` (Nix 2.8), whole process,
# same machine, same run: the nix-lang corpus (every eval-okay case of baseline-nix28.txt, one
# process per case, as its README runs them) and three heavier programs (programs/*.nix).
# Prints one line per benchmark with both mean times and the ratio configlang/nix.
#
#   tests/bench/eval-vs-nix.sh [RUNS]        (default 5 runs per command, 1 warm-up)
#   CONFIGLANG_BIN=/path/to/configlang ...   (skip the build; default: Native AOT publish)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
shared="${CONFIGLANG_SHARED:-$root/../shared}"
corpus="$shared/conformance/nix-lang"
runs="${1:-5}"
out="$(mktemp -d /tmp/configlang-bench.XXXXXX)"
trap 'rm -rf "$out"' EXIT

command -v hyperfine >/dev/null || { echo "hyperfine is required" >&2; exit 2; }
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

bench() {
  local label="$1" ours="$2" theirs="$3"
  hyperfine --style none --warmup 1 --runs "$runs" --export-json "$out/$label.json" \
    -n configlang "$ours" -n nix "$theirs" >/dev/null
  python3 - "$out/$label.json" "$label" <<'PY'
import json, sys
results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
ours, nix = results["configlang"], results["nix"]
print(f'{sys.argv[2]:<16} configlang {ours["mean"]:8.3f} s ± {ours["stddev"] or 0:.3f}   '
      f'nix {nix["mean"]:8.3f} s ± {nix["stddev"] or 0:.3f}   ratio {ours["mean"] / nix["mean"]:5.2f}')
PY
}

echo "configlang: $bin; $runs runs each; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
bench corpus "$out/corpus.sh $corpus $bin eval" "$out/corpus.sh $corpus nix-instantiate --eval"
for program in "$here"/programs/*.nix; do
  name="$(basename "$program" .nix)"
  bench "$name" "$bin eval --strict $program" "nix-instantiate --eval --strict $program"
done
