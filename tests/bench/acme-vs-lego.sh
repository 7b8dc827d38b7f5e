#!/usr/bin/env bash
# acme-vs-lego.sh [N=20] [CONCURRENCY=4]
# Issues N single-name certificates with HTTP-01 on one fresh testbed (pebble with
# PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0), first with ConfigLang's ACME client one after
# another, then with ConfigLang N at a time up to CONCURRENCY, then with lego
# (../shared/acme-testbed/lego-bench.sh), and prints the three totals. The testbed runs in a temp
# STATE_DIR on its own ports (BENCH_PORT_BASE, default 34000..34004), so a running CI testbed is
# not disturbed; it is stopped by PID at exit.
set -euo pipefail
N=${1:-20}
CONCURRENCY=${2:-4}
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shared="${CONFIGLANG_SHARED:-$here/../shared}"
base=${BENCH_PORT_BASE:-34000}
state="$(mktemp -d /tmp/configlang-acme-bench.XXXXXX)"
trap 'bash "$shared/acme-testbed/stop.sh" "$state" >/dev/null 2>&1 || true' EXIT

export TESTBED_ACME_PORT=$base TESTBED_MGMT_PORT=$((base + 1)) TESTBED_HTTP01_PORT=$((base + 2)) \
       TESTBED_TLSALPN01_PORT=$((base + 3)) TESTBED_DNS_PORT=$((base + 4))
PEBBLE_VA_NOSLEEP=1 PEBBLE_WFE_NONCEREJECT=0 bash "$shared/acme-testbed/start.sh" "$state" >"$state/start.log" 2>&1 \
  || { cat "$state/start.log"; exit 1; }

dotnet build "$here/tests/ConfigLang.Acme.Benchmarks" -c Release -nologo -v q >/dev/null
bench="$here/tests/ConfigLang.Acme.Benchmarks/bin/Release/net10.0/ConfigLang.Acme.Benchmarks"

echo "== ConfigLang, sequential (like lego) =="
t0=$(date +%s.%N); "$bench" "$state" "$N" 1 | tee "$state/ours-seq.txt"; t1=$(date +%s.%N)
ours_seq=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')

echo "== ConfigLang, $CONCURRENCY at a time =="
t0=$(date +%s.%N); "$bench" "$state" "$N" "$CONCURRENCY" | tee "$state/ours-par.txt"; t1=$(date +%s.%N)
ours_par=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')

echo "== lego 4.9.1 =="
bash "$shared/acme-testbed/lego-bench.sh" "$state" http "$N" | tee "$state/lego.txt"
lego_total=$(grep -o 'total=[0-9.]*' "$state/lego.txt" | tail -1 | cut -d= -f2)

echo
echo "SUMMARY n=$N (wall time incl. process start):"
echo "  configlang sequential: ${ours_seq}s"
echo "  configlang concurrency=$CONCURRENCY: ${ours_par}s"
echo "  lego sequential: ${lego_total}s"
awk -v o="$ours_seq" -v l="$lego_total" 'BEGIN{printf "  ratio (configlang sequential / lego): %.3f\n", o/l}'
