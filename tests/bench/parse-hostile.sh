#!/usr/bin/env bash
# Hostile input for the parser: about SIZE bytes (default 1 MB) of each pattern that once made
# parsing quadratic, crashed it or made its diagnostics unbounded, and of similar ones (long
# operator chains, deep parentheses, long lists, nested lets, many interpolations, many
# bindings). Each file goes through `eval --parse`, `eval` and `lint`, whole process.
#
#   tests/bench/parse-hostile.sh [SIZE]           (default 1000000 bytes)
#   CONFIGLANG_BIN=/path/to/configlang ...        (default: ./configlang, the Release build)
#
# Prints, per pattern and command: wall seconds, peak RSS (/usr/bin/time %M), exit code and the
# bytes written to standard error, then `uptime`. A pattern may end in a located error (nesting
# limit, duplicate attribute, unterminated comment...): what matters is the time, the memory,
# the output size and that the exit code is 0 or 1, never a signal. The script exits 1 if any
# run ends otherwise.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
size="${1:-1000000}"
bin="${CONFIGLANG_BIN:-$root/configlang}"
out="$(mktemp -d /tmp/configlang-parse-hostile.XXXXXX)"
trap 'rm -rf "$out"' EXIT

[ -x /usr/bin/time ] || { echo "/usr/bin/time (Debian package time) is required" >&2; exit 2; }

# repeat_n UNIT N: UNIT N times.
repeat_n() {
  { yes -- "$1" || true; } | head -n "$2" | tr -d '\n'
}

# repeat UNIT: UNIT repeated until the output holds about $size bytes.
repeat() {
  local n=$(( size / ${#1} ))
  repeat_n "$1" "$(( n > 0 ? n : 1 ))"
}

# pattern NAME PREFIX UNIT SUFFIX: writes $out/NAME.nix.
pattern() {
  { printf '%s' "$2"; repeat "$3"; printf '%s' "$4"; } > "$out/$1.nix"
}

pattern negations        ''              '-'          '1'
pattern nots             ''              '!'          'true'
pattern select-chain     '{a=1;}'        '.a'         ''
pattern attr-path        '{ a'           '.a'         ' = 1; }'
pattern has-attr-path    '{} ? a'        '.a'         ''
pattern or-chain         ''              '{}.a or '   '1'
pattern formals          '{ a'           ', a'        ' }: 1'
pattern duplicate-attrs  '{'             'a=1;'       '}'
pattern open-comments    ''              '/*'         ''
pattern plus-chain       '1'             ' + 1'       ''
pattern concat-chain     '[1]'           ' ++ [1]'    ''
pattern update-chain     '{}'            ' // {}'     ''
pattern application      '(x: y: x) 1'   ' 1'         ''
pattern parentheses      ''              '('          '1'
pattern long-list        '['             ' 1'         ' ]'
pattern nested-lets      ''              'let a = 1; in ' 'a'
pattern interpolations   'let x = "a"; in "' '${x}'   '"'
pattern indented-interpolations "let x = \"a\"; in ''" '${x}' "''"
# Deep scopes around many variables no scope binds (the checks once did depth x variables);
# the second one is checked by the tree walk (a path extends a 'rec' literal).
{ repeat_n 'let a = 1; in ' 950; printf '['; repeat ' x'; printf ' ]'; } > "$out/scopes-around-variables.nix"
{ printf '{ r = rec { }; r.b = 1; c = '; repeat_n 'let a = 1; in ' 950; printf '['; repeat ' x'; printf ' ]; }'; } > "$out/scopes-around-variables-walked.nix"
# The same with the variable bound outside the scopes (lowering once searched them per use).
{ printf 'let x = 1; in '; repeat_n 'let a = 1; in ' 950; printf 'builtins.length ['; repeat ' x'; printf ' ]'; } > "$out/scopes-around-a-bound-variable.nix"
# Distinct names: a1 a2 ... (generated, not repeated).
awk -v size="$size" 'BEGIN { printf "{"; n = 0; for (i = 1; n < size; i++) { s = sprintf(" a%d = %d;", i, i); printf "%s", s; n += length(s) } printf " }" }' > "$out/many-bindings.nix"
awk -v size="$size" 'BEGIN { printf "{"; n = 0; for (i = 1; n < size; i++) { s = sprintf(" a%d,", i); printf "%s", s; n += length(s) } printf " z }: 1" }' > "$out/distinct-formals.nix"
# One `inherit (e)` clause per name, each from a set of its own (lowering once searched the clauses per name).
awk -v size="$size" 'BEGIN { printf "{"; n = 0; for (i = 1; n < size; i++) { s = sprintf(" inherit ({ a%d = %d; }) a%d;", i, i, i); printf "%s", s; n += length(s) } printf " }" }' > "$out/inherit-from-clauses.nix"

echo "configlang on hostile input, about $size bytes per file ($(nproc) cores); bin: $bin"
printf '%-32s %-12s %8s %10s %6s %12s\n' pattern command seconds peak_KB exit stderr_bytes
failed=0
for file in "$out"/*.nix; do
  name="$(basename "$file" .nix)"
  for command in "eval --parse" "eval" "lint"; do
    # shellcheck disable=SC2086 # the command's words are meant to split
    /usr/bin/time -f "%e %M %x" -o "$out/time" timeout 120 "$bin" $command "$file" > /dev/null 2> "$out/stderr" || true
    read -r seconds kb code < <(tail -n 1 "$out/time")
    # /usr/bin/time reports a signal as "Command terminated by signal N" and no exit code.
    if grep -q "terminated by signal" "$out/time"; then code="signal"; fi
    printf '%-32s %-12s %8s %10s %6s %12s\n' "$name" "$command" "$seconds" "$kb" "$code" "$(wc -c < "$out/stderr")"
    case "$code" in 0|1) ;; *) failed=1 ;; esac
  done
done
echo "load: $(uptime)"
exit "$failed"
