#!/usr/bin/env bash
# demo.sh -- the whole product end to end, on 127.0.0.1 only, touching nothing outside a temp dir:
# starts the local ACME testbed (pebble + knot), rebuilds a demo host configuration (two
# certificates over DNS-01 with RFC 2136 + TSIG, nginx in front) into a temporary --root,
# lists the issued certificates, runs rebuild again (nothing to do), and stops the testbed by
# the PIDs it recorded. Usage: bash examples/demo.sh   (KEEP=1 keeps the temp dir)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
testbed="${ACME_TESTBED:-$here/tests/acme-testbed}"   # the repository's own start/stop scripts
[ -f "$testbed/start.sh" ] || { echo "demo: no testbed at $testbed (set ACME_TESTBED)" >&2; exit 2; }

work="$(mktemp -d /tmp/configlang-demo.XXXXXX)"
state="$work/testbed"
cleanup() {
  bash "$testbed/stop.sh" "$state" >/dev/null 2>&1 || true   # ends exactly the recorded PIDs
  if [ "${KEEP:-0}" = 1 ]; then echo "demo: kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT

# Ports of their own, so the demo runs beside a test suite's testbed.
export TESTBED_ACME_PORT="${TESTBED_ACME_PORT:-14410}" TESTBED_MGMT_PORT="${TESTBED_MGMT_PORT:-15410}" \
       TESTBED_DNS_PORT="${TESTBED_DNS_PORT:-8410}" TESTBED_HTTP01_PORT="${TESTBED_HTTP01_PORT:-5412}" \
       TESTBED_TLSALPN01_PORT="${TESTBED_TLSALPN01_PORT:-5411}" PEBBLE_WFE_NONCEREJECT="${PEBBLE_WFE_NONCEREJECT:-0}"
echo "== starting the ACME testbed in $state"
bash "$testbed/start.sh" "$state" >/dev/null
set -a; . "$state/env"; set +a

root="$work/root"
mkdir -p "$root/run/secrets"
(umask 077; : >"$root/run/secrets/rfc2136.env") # a secret: readable by its owner only (lint CL3013)
cat >"$root/run/secrets/rfc2136.env" <<ENV
RFC2136_NAMESERVER=$ACME_DNS_SERVER
RFC2136_TSIG_KEY=$ACME_TSIG_KEY_NAME
RFC2136_TSIG_SECRET=$ACME_TSIG_SECRET
RFC2136_TSIG_ALGORITHM=$ACME_TSIG_ALGORITHM.
ENV
cat >"$work/host.nix" <<NIX
# Demo host: a web site and a wildcard, both over DNS-01 against the local testbed.
{ config, ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults = {
      email = "admin@$ACME_DNS_ZONE";
      server = "$ACME_DIRECTORY_URL";
      dnsProvider = "rfc2136";
      dnsPropagationCheck = false; # knot applies updates synchronously
      environmentFile = "/run/secrets/rfc2136.env";
    };
    certs."www.$ACME_DNS_ZONE" = { group = config.services.nginx.group; };
    certs."wild.$ACME_DNS_ZONE" = { domain = "*.wild.$ACME_DNS_ZONE"; extraDomainNames = [ "wild.$ACME_DNS_ZONE" ]; };
  };
  services.nginx = {
    enable = true;
    virtualHosts."www.$ACME_DNS_ZONE" = { forceSSL = true; useACMEHost = "www.$ACME_DNS_ZONE"; };
  };
}
NIX

cl() { "${CONFIGLANG_BIN:-$here/configlang}" "$@"; }
echo "== configlang rebuild --dry-run"
cl rebuild "$work/host.nix" --root "$root" --dry-run --service-manager none
echo "== configlang rebuild"
start=$(date +%s.%N)
cl rebuild "$work/host.nix" --root "$root" --service-manager "exec:/bin/echo reload" --ca-file "$ACME_HTTPS_CA_CERT"
echo "(rebuild took $(awk -v a="$start" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }') s)"
echo "== issued certificates"
for cert in "$root"/var/lib/acme/*/fullchain.pem; do
  echo "-- ${cert#"$root"}"
  openssl x509 -in "$cert" -noout -subject -issuer -enddate
done
echo "== generated nginx configuration: $root/etc/nginx/nginx.conf ($(grep -c server_name "$root/etc/nginx/nginx.conf") server blocks)"
echo "== configlang rebuild again (nothing is due)"
cl rebuild "$work/host.nix" --root "$root" --service-manager "exec:/bin/echo reload" --ca-file "$ACME_HTTPS_CA_CERT"
echo "== stopping the testbed"
