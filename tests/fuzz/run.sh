#!/usr/bin/env bash
# A longer fuzzing run than CI's (which is inputs 0-999 of seed 13, in ConfigLang.Cli.Tests):
#   tests/fuzz/run.sh [--seed N] [--count N] [--minutes M] [--jobs N] [--cpu-seconds N] [--out DIR]
#   tests/fuzz/run.sh --replay FILE...     (every command on each reproducer again)
# Defaults: a seed from the clock (printed), 10,000 inputs or 10 minutes, one job per core,
# 10 s of processor time per command, reproducers in a temporary folder (printed).
# It runs the CLI that ./configlang builds: Native AOT, which starts in milliseconds, so a
# run gets through many more inputs (CONFIGLANG_JIT=1 for a quicker-to-build JIT binary).
# Exit 0 when nothing failed, 1 when something did.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${CONFIGLANG_SHARED:-$here/../shared}"
"$here/configlang" --version >/dev/null
dotnet build "$here/tests/ConfigLang.Fuzz/ConfigLang.Fuzz.csproj" -c Release -nologo -v q >/dev/null
exec dotnet "$here/tests/ConfigLang.Fuzz/bin/Release/net10.0/ConfigLang.Fuzz.dll" \
  --repo "$here" --shared "$shared" --cli "$here/artifacts/cli/configlang" "$@"
