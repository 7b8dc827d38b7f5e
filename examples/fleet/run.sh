#!/usr/bin/env bash
# run.sh -- a pool of three web servers sharing their certificates through etcd, on 127.0.0.1
# only, touching nothing outside a temp dir: starts a three-member etcd cluster
# (tests/acme-testbed/etcd-cluster.sh) and the ACME testbed (pebble + knot), gives each host
# (hosts/a.nix, b.nix, c.nix) its own --root with the same cluster key, runs the three rebuilds
# at the same time, prints what each did (ordered, or installed from the cluster), checks that
# the hosts hold the same certificates, and stops everything by the PIDs the scripts recorded.
# Usage: bash examples/fleet/run.sh   (KEEP=1 keeps the temp dir; CONFIGLANG_BIN=path/to/configlang)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
testbed="$repo/tests/acme-testbed"

work="$(mktemp -d /tmp/configlang-fleet.XXXXXX)"
cleanup() {
  bash "$testbed/stop.sh" "$work/testbed" >/dev/null 2>&1 || true   # ends exactly the recorded PIDs
  bash "$testbed/etcd-cluster.sh" stop "$work/etcd" >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" = 1 ]; then echo "fleet: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# The ports hosts/fleet.nix names (own ones, so this runs beside a test suite's testbed).
export TESTBED_ACME_PORT=14420 TESTBED_MGMT_PORT=15420 TESTBED_DNS_PORT=8420 \
       TESTBED_HTTP01_PORT=5422 TESTBED_TLSALPN01_PORT=5421 PEBBLE_WFE_NONCEREJECT=0
export ETCD_CLIENT_PORTS="23891 23892 23893" ETCD_PEER_PORTS="23901 23902 23903"
echo "== starting a three-member etcd cluster in $work/etcd"
bash "$testbed/etcd-cluster.sh" start "$work/etcd" >/dev/null
echo "== starting the ACME testbed in $work/testbed"
bash "$testbed/start.sh" "$work/testbed" >/dev/null
set -a; . "$work/testbed/env"; set +a

# One cluster key for the whole pool, readable by its owner only.
key="$(head -c 32 /dev/urandom | base64)"
for host in a b c; do
  root="$work/root-$host"
  mkdir -p "$root/run/secrets"
  (umask 077
   printf '%s\n' "$key" >"$root/run/secrets/acme-cluster.key"
   cat >"$root/run/secrets/rfc2136.env" <<ENV
RFC2136_NAMESERVER=$ACME_DNS_SERVER
RFC2136_TSIG_KEY=$ACME_TSIG_KEY_NAME
RFC2136_TSIG_SECRET=$ACME_TSIG_SECRET
RFC2136_TSIG_ALGORITHM=$ACME_TSIG_ALGORITHM.
ENV
  )
done

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
