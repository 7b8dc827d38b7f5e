#!/usr/bin/env bash
# A longer differential run against Nix 2.8 than CI's (seed 18, 1,000 programs):
#   tests/fuzz/differential.sh [--seed N] [--programs N]
# Defaults: a seed from the clock (printed), 5,000 programs. Needs nix-instantiate (Debian
# nix-bin). Exit 0 when ConfigLang and Nix agree on every program, 1 with the programs that
# differ (at most 5) otherwise.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
seed="$(date +%s)"; programs=5000
while [ $# -gt 0 ]; do
  case "$1" in
    --seed) seed="$2"; shift 2 ;;
    --programs) programs="$2"; shift 2 ;;
    *) echo "usage: $0 [--seed N] [--programs N]" >&2; exit 2 ;;
  esac
done
command -v nix-instantiate >/dev/null || { echo "nix-instantiate (Debian nix-bin) is required" >&2; exit 2; }
echo "differential: seed $seed, $programs programs" >&2
if ! build="$(dotnet build "$here/tests/ConfigLang.Evaluator.Tests" -c Release -nologo -v q 2>&1)"; then
  echo "$build" >&2; echo "differential: the build failed" >&2; exit 2
fi
CONFIGLANG_DIFF_SEED="$seed" CONFIGLANG_DIFF_PROGRAMS="$programs" \
  dotnet test "$here/tests/ConfigLang.Evaluator.Tests" -c Release --no-build \
    --filter "FullyQualifiedName~DifferentialAgainstNixTests.Random_programs_evaluate_as_Nix_evaluates_them"
