#!/usr/bin/env bash
# run.sh -- a pool of three web servers sharing their certificates through etcd, on 127.0.0.1
# only, touching nothing outside a temp dir: starts a three-member etcd cluster
# and the ACME testbed (pebble + knot) through tests/acme-testbed/fleet-servers.sh, gives each host
# (hosts/a.nix, b.nix, c.nix) its own --root with the same cluster key, runs the three rebuilds
# at the same time, prints what each did (ordered, or installed from the cluster), checks that
# the hosts hold the same certificates, and stops everything by the PIDs the scripts recorded.
# Usage: bash examples/fleet/run.sh   (KEEP=1 keeps the temp dir; CONFIGLANG_BIN=path/to/configlang)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
# The servers' start and stop and the hosts' secrets, shared with tests/bench/fleet.sh.
# shellcheck source-path=SCRIPTDIR source=../../tests/acme-testbed/fleet-servers.sh
. "$repo/tests/acme-testbed/fleet-servers.sh"

# The ports hosts/fleet.nix names (own ones, so this runs beside a test suite's testbed).
export TESTBED_ACME_PORT=14420 TESTBED_MGMT_PORT=15420 TESTBED_DNS_PORT=8420 \
       TESTBED_HTTP01_PORT=5422 TESTBED_TLSALPN01_PORT=5421 PEBBLE_WFE_NONCEREJECT=0
export ETCD_CLIENT_PORTS="23891 23892 23893" ETCD_PEER_PORTS="23901 23902 23903"
fleet_begin configlang-fleet
work="$fleet_work"
echo "== starting a three-member etcd cluster in $work/etcd and the ACME testbed in $work/testbed"
fleet_start_servers

# One cluster key for the whole pool, readable by its owner only.
for host in a b c; do fleet_host_secrets "$work/root-$host"; done

cl() { "${CONFIGLANG_BIN:-$repo/configlang}" "$@"; }
echo "== configlang lint hosts/*.nix"
cl lint "$here"/hosts/a.nix "$here"/hosts/b.nix "$here"/hosts/c.nix
echo "== preview of host a (the cluster is still empty)"
cl preview "$here/hosts/a.nix" --root "$work/root-a"

echo "== three rebuilds at the same time"
start=$(date +%s.%N)
pids=()
for host in a b c; do
  cl rebuild "$here/hosts/$host.nix" --root "$work/root-$host" --service-manager none \
     --ca-file "$ACME_HTTPS_CA_CERT" >"$work/$host.out" 2>"$work/$host.err" &
  pids+=("$!")
done
status=0
for i in 0 1 2; do wait "${pids[$i]}" || status=$?; done
echo "(all three done in $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }') s)"
for host in a b c; do
  echo "-- host $host"
  cat "$work/$host.out"
done
[ "$status" = 0 ] || { echo "fleet: a rebuild failed; its stderr:" >&2; cat "$work"/?.err >&2; exit "$status"; }

echo "== the shared certificates are the same on every host"
for cert in "$work"/root-a/var/lib/acme/*.example.test; do
  name="$(basename "$cert")"
  [ -f "$work/root-b/var/lib/acme/$name/fullchain.pem" ] || continue
  if cmp -s "$cert/fullchain.pem" "$work/root-b/var/lib/acme/$name/fullchain.pem" \
     && cmp -s "$cert/fullchain.pem" "$work/root-c/var/lib/acme/$name/fullchain.pem"; then same=identical; else same=DIFFERENT; fi
  echo "$name: $same on a, b and c; $(openssl x509 -in "$cert/fullchain.pem" -noout -enddate)"
done
echo "== preview of host a (the cluster now holds them)"
cl preview "$here/hosts/a.nix" --root "$work/root-a"
echo "== stopping etcd and the testbed"
