# shellcheck shell=bash
# fleet-servers.sh -- sourced (not run) by examples/fleet/run.sh and tests/bench/fleet.sh: the
# servers a pool of hosts needs (a three-member etcd cluster and the ACME testbed, pebble + knot,
# on 127.0.0.1) in a temp dir, and each host's secrets (one cluster key for the whole pool).
# The caller exports its own ports first (TESTBED_*_PORT, ETCD_CLIENT_PORTS, ETCD_PEER_PORTS), so
# it runs beside a test suite's testbed.
#
#   fleet_begin PREFIX     makes $fleet_work (/tmp/PREFIX.XXXXXX) and the pool's $fleet_cluster_key;
#                          on EXIT, stops what fleet_start_servers started by the PIDs the scripts
#                          recorded and removes $fleet_work (KEEP=1 keeps it); this EXIT trap
#                          replaces any the caller set before, so a caller wanting its own calls
#                          fleet_stop_servers from it after fleet_begin
#   fleet_start_servers    etcd in $fleet_work/etcd, the testbed in $fleet_work/testbed; exports
#                          their env files (ACME_*, ETCD_ENDPOINTS). Their progress goes to stderr.
#   fleet_host_secrets ROOT   ROOT/run/secrets/acme-cluster.key and rfc2136.env, owner-only

fleet_testbed="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

fleet_begin() {
  fleet_work="$(mktemp -d "/tmp/$1.XXXXXX")"
  fleet_cluster_key="$(head -c 32 /dev/urandom | base64)"
  trap fleet_stop_servers EXIT
}

fleet_stop_servers() {
  bash "$fleet_testbed/stop.sh" "$fleet_work/testbed" >/dev/null 2>&1 || true   # ends exactly the recorded PIDs
  bash "$fleet_testbed/etcd-cluster.sh" stop "$fleet_work/etcd" >/dev/null 2>&1 || true
  if [ "${KEEP:-0}" = 1 ]; then echo "fleet: kept $fleet_work" >&2; else rm -rf "$fleet_work"; fi
}

# Checks its own steps: set -e does not hold inside a function called as `fleet_start_servers || ...`.
fleet_start_servers() {
  bash "$fleet_testbed/etcd-cluster.sh" start "$fleet_work/etcd" >/dev/null || return 1
  bash "$fleet_testbed/start.sh" "$fleet_work/testbed" >/dev/null || return 1
  set -a
  # shellcheck source=/dev/null  # written by the start scripts
  . "$fleet_work/testbed/env" || return 1
  # shellcheck source=/dev/null
  . "$fleet_work/etcd/env" || return 1
  set +a
}

fleet_host_secrets() {
  mkdir -p "$1/run/secrets"
  (umask 077
   printf '%s\n' "$fleet_cluster_key" >"$1/run/secrets/acme-cluster.key"
   printf 'RFC2136_NAMESERVER=%s\nRFC2136_TSIG_KEY=%s\nRFC2136_TSIG_SECRET=%s\nRFC2136_TSIG_ALGORITHM=%s.\n' \
     "$ACME_DNS_SERVER" "$ACME_TSIG_KEY_NAME" "$ACME_TSIG_SECRET" "$ACME_TSIG_ALGORITHM" >"$1/run/secrets/rfc2136.env")
}
