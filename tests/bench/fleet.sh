#!/usr/bin/env bash
# fleet.sh -- the fleet benchmark: three hosts sharing 100 certificates through etcd (all three
# rebuilds at once) against one host ordering the same 100 alone (no cluster), each into fresh
# --roots, against the local ACME testbed (pebble + knot, DNS-01 over RFC 2136) and a
# three-member etcd cluster on 127.0.0.1. Prints wall time and the orders the rebuilds report.
# Usage: bash tests/bench/fleet.sh [COUNT]   (default 100; CONFIGLANG_BIN, KEEP=1 as in examples/fleet/run.sh)
set -euo pipefail
count="${1:-100}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
# The servers' start and stop and the hosts' secrets, shared with examples/fleet/run.sh.
# shellcheck source-path=SCRIPTDIR source=../acme-testbed/fleet-servers.sh
. "$repo/tests/acme-testbed/fleet-servers.sh"

export TESTBED_ACME_PORT=14430 TESTBED_MGMT_PORT=15430 TESTBED_DNS_PORT=8430 \
       TESTBED_HTTP01_PORT=5432 TESTBED_TLSALPN01_PORT=5431 PEBBLE_WFE_NONCEREJECT=0
export ETCD_CLIENT_PORTS="23991 23992 23993" ETCD_PEER_PORTS="24001 24002 24003"
fleet_begin configlang-fleet-bench
work="$fleet_work"
fleet_start_servers 2>"$work/servers.log" || { cat "$work/servers.log" >&2; exit 1; }
IFS=, read -ra endpoint_list <<<"$ETCD_ENDPOINTS"
endpoints="$(printf '"%s" ' "${endpoint_list[@]}")"

# host NAME CLUSTER(0|1): a root with the secrets and a configuration with COUNT certificates.
host() {
  fleet_host_secrets "$work/root-$1"
  local cluster=""
  [ "$2" = 1 ] && cluster="cluster = { enable = true; endpoints = [ $endpoints]; encryptionKeyFile = \"/run/secrets/acme-cluster.key\"; };"
  cat >"$work/$1.nix" <<NIX
{ lib, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults = {
      email = "admin@$ACME_DNS_ZONE"; server = "$ACME_DIRECTORY_URL";
      dnsProvider = "rfc2136"; dnsPropagationCheck = false; environmentFile = "/run/secrets/rfc2136.env";
    };
    certs = lib.genAttrs (map (i: "bench\${toString i}.$ACME_DNS_ZONE") (lib.range 1 $count)) (_: { });
    $cluster
  };
}
NIX
}
cl() { "${CONFIGLANG_BIN:-$repo/configlang}" "$@"; }
rebuild() { cl rebuild "$work/$1.nix" --root "$work/root-$1" --service-manager none --ca-file "$ACME_HTTPS_CA_CERT" --format json >"$work/$1.json" 2>"$work/$1.err"; }
orders() { sed -n 's/^  "orders": \([0-9]*\),$/\1/p' "$work/$1.json"; }
now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

cl --help >/dev/null   # build first (./configlang builds when the sources changed), outside the timings
host alone 0; host a 1; host b 1; host c 1

start=$(now)
rebuild alone || { cat "$work/alone.err" >&2; exit 1; }
alone_time=$(elapsed "$start")

start=$(now)
pids=()
for h in a b c; do rebuild "$h" & pids+=("$!"); done
for pid in "${pids[@]}"; do wait "$pid" || { cat "$work"/[abc].err >&2; exit 1; }; done
fleet_time=$(elapsed "$start")
fleet_orders=$(( $(orders a) + $(orders b) + $(orders c) ))
identical=yes
for dir in "$work"/root-a/var/lib/acme/bench*; do
  n=$(basename "$dir")
  cmp -s "$dir/fullchain.pem" "$work/root-b/var/lib/acme/$n/fullchain.pem" && cmp -s "$dir/fullchain.pem" "$work/root-c/var/lib/acme/$n/fullchain.pem" || identical=no
done

printf '%-34s %10s %8s %s\n' "run ($count certificates, DNS-01)" "wall (s)" "orders" "notes"
printf '%-34s %10s %8s %s\n' "one host alone, no cluster" "$alone_time" "$(orders alone)" ""
printf '%-34s %10s %8s %s\n' "three hosts, one etcd cluster" "$fleet_time" "$fleet_orders" \
  "a $(orders a) / b $(orders b) / c $(orders c); identical on all three: $identical"
