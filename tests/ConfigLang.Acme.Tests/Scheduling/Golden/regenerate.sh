#!/usr/bin/env bash
# Rebuilds calendar-expected.tsv from calendar-cases.txt by asking systemd itself:
#   systemd-analyze calendar --iterations=3 --base-time=BASE EXPR   (TZ=UTC)
# Output columns: base (UTC) TAB expression TAB normalized form TAB elapses (space-separated
# ISO 8601 UTC, or "never"); rejected expressions get "error" as the normalized form.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v systemd-analyze >/dev/null || { echo "systemd-analyze not found" >&2; exit 1; }
out="$here/calendar-expected.tsv"
: > "$out"
while IFS= read -r line; do
  case "$line" in '#'*|'') continue ;; esac
  base="${line%% | *}"
  expr="${line#* | }"
  if ! report="$(TZ=UTC systemd-analyze calendar --iterations=3 --base-time="$base UTC" "$expr" 2>/dev/null)"; then
    printf '%s\t%s\terror\t\n' "$base" "$expr" >> "$out"
    continue
  fi
  normalized="$(sed -n 's/^ *Normalized form: //p' <<<"$report")"
  elapses="$(sed -n -E 's/^ *(Next elapse|Iter\. #[0-9]+): [A-Za-z]{3} ([0-9-]+) ([0-9:]+) UTC$/\2T\3Z/p' <<<"$report" | paste -sd' ')"
  if grep -q 'Next elapse: never' <<<"$report"; then elapses="never"; fi
  printf '%s\t%s\t%s\t%s\n' "$base" "$expr" "$normalized" "$elapses" >> "$out"
done < "$here/calendar-cases.txt"
echo "wrote $(wc -l < "$out") cases to $out"
