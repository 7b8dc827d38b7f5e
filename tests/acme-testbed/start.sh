#!/usr/bin/env bash
# start.sh STATE_DIR -- start a local ACME testbed (pebble + knot DNS), loopback only.
# The repository's own copy of the workspace's shared/acme-testbed/start.sh (without the lego
# reference client), so that the ACME tests and examples/demo.sh run from a clone anywhere.
# Missing Debian packages (pebble, knot, knot-dnsutils, openssl, curl) are installed.
#
# Idempotent: if the testbed recorded in STATE_DIR is already running with the
# same settings, it only re-prints the environment. If the settings (ports,
# PEBBLE_* knobs, zone, ...) differ, the recorded processes are stopped and
# started again. All state lives in STATE_DIR. Stop with stop.sh STATE_DIR.
#
# Settings (environment, with defaults):
#   TESTBED_ACME_PORT=14000       pebble ACME API (HTTPS)
#   TESTBED_MGMT_PORT=15000       pebble management API (HTTPS)
#   TESTBED_HTTP01_PORT=5002      port pebble connects to for HTTP-01
#   TESTBED_TLSALPN01_PORT=5001   port pebble connects to for TLS-ALPN-01
#   TESTBED_DNS_PORT=8053         knot DNS (UDP+TCP), authoritative for the zone
#   TESTBED_DNS_SERVER=knot       knot, or pdns: PowerDNS (sqlite3 backend) serves the zone
#                                 instead, with its HTTP API (no RFC 2136); its packages
#                                 (pdns-server, pdns-backend-sqlite3, sqlite3) are installed
#   TESTBED_PDNS_API_PORT=8081    PowerDNS web server / HTTP API (with TESTBED_DNS_SERVER=pdns)
#   TESTBED_PDNS_API_KEY=<random, kept in STATE_DIR/pdns-api.key>
#   TESTBED_ZONE=example.test     test zone; apex and *.zone have A 127.0.0.1
#   TESTBED_TSIG_KEY_NAME=acme-update.
#   TESTBED_TSIG_ALGORITHM=hmac-sha256
#   TESTBED_TSIG_SECRET=<random, kept in STATE_DIR/tsig.secret>
#   TESTBED_EAB_REQUIRED=0        1 = pebble requires External Account Binding
#   TESTBED_CERT_VALIDITY=        leaf validity in seconds (pebble default ~5y)
#   TESTBED_STRICT=0              1 = pebble -strict
#   TESTBED_BLOCKED_DOMAINS=      comma list for pebble's domainBlocklist
#   PEBBLE_* knobs are passed through to pebble (see README.md beside this script). If
#   PEBBLE_VA_NOSLEEP is unset, it defaults to 1 here (fast validations).
set -euo pipefail

if [ $# -ne 1 ] || [ -z "${1:-}" ]; then
  echo "usage: $0 STATE_DIR" >&2
  exit 2
fi

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
mkdir -p "$1"
S=$(cd "$1" && pwd)
T0=$(date +%s)

log() { echo "[acme-testbed] $*" >&2; }
die() { echo "[acme-testbed] ERROR: $*" >&2; exit 1; }

BIND=127.0.0.1
ACME_PORT=${TESTBED_ACME_PORT:-14000}
MGMT_PORT=${TESTBED_MGMT_PORT:-15000}
HTTP01_PORT=${TESTBED_HTTP01_PORT:-5002}
TLSALPN01_PORT=${TESTBED_TLSALPN01_PORT:-5001}
DNS_PORT=${TESTBED_DNS_PORT:-8053}
DNS_SERVER=${TESTBED_DNS_SERVER:-knot}
PDNS_API_PORT=${TESTBED_PDNS_API_PORT:-8081}
case "$DNS_SERVER" in
  knot) DNS_DAEMON=knotd ;;
  pdns) DNS_DAEMON=pdns ;;
  *) die "TESTBED_DNS_SERVER must be knot or pdns, not '$DNS_SERVER'" ;;
esac
ZONE=${TESTBED_ZONE:-example.test}
ZONE=${ZONE%.}
TSIG_NAME=${TESTBED_TSIG_KEY_NAME:-acme-update.}
case "$TSIG_NAME" in *.) ;; *) TSIG_NAME="$TSIG_NAME." ;; esac
TSIG_ALG=${TESTBED_TSIG_ALGORITHM:-hmac-sha256}
EAB_REQUIRED=${TESTBED_EAB_REQUIRED:-0}
CERT_VALIDITY=${TESTBED_CERT_VALIDITY:-}
STRICT=${TESTBED_STRICT:-0}
BLOCKED=${TESTBED_BLOCKED_DOMAINS:-}
: "${PEBBLE_VA_NOSLEEP=1}"
export PEBBLE_VA_NOSLEEP
PEBBLE_KNOBS="PEBBLE_VA_NOSLEEP PEBBLE_VA_SLEEPTIME PEBBLE_VA_ALWAYS_VALID PEBBLE_WFE_NONCEREJECT PEBBLE_AUTHZREUSE PEBBLE_CHAIN_LENGTH PEBBLE_ALTERNATE_ROOTS PEBBLE_WFE_ORDERS_PER_PAGE"

for p in "$ACME_PORT" "$MGMT_PORT" "$HTTP01_PORT" "$TLSALPN01_PORT" "$DNS_PORT" "$PDNS_API_PORT"; do
  case "$p" in ''|*[!0-9]*) die "bad port '$p'";; esac
  [ "$p" -ge 1 ] && [ "$p" -le 65535 ] || die "bad port '$p'"
done

# ---------------------------------------------------------------- packages
# command -> Debian package; only packages whose command is missing are
# installed (apt-get install on an installed package would upgrade it).
pkgs=""
for pair in pebble:pebble knotd:knot knotc:knot kdig:knot-dnsutils \
            knsupdate:knot-dnsutils openssl:openssl curl:curl; do
  c=${pair%%:*}; p=${pair#*:}
  if ! command -v "$c" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$c" ]; then
    case " $pkgs " in *" $p "*) ;; *) pkgs="$pkgs $p";; esac
  fi
done
if [ "$DNS_SERVER" = pdns ]; then
  for pair in pdns_server:pdns-server sqlite3:sqlite3; do
    c=${pair%%:*}; p=${pair#*:}
    if ! command -v "$c" >/dev/null 2>&1 && [ ! -x "/usr/sbin/$c" ]; then pkgs="$pkgs $p"; fi
  done
  ls /usr/lib/*/pdns/libgsqlite3backend.so >/dev/null 2>&1 || pkgs="$pkgs pdns-backend-sqlite3"
fi
if [ -n "$pkgs" ]; then
  log "installing Debian packages:$pkgs"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  if ! $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=300 $pkgs >"$S/apt.log" 2>&1; then
    $SUDO apt-get update -qq -o DPkg::Lock::Timeout=300 >>"$S/apt.log" 2>&1 || true
    $SUDO apt-get install -y -qq -o DPkg::Lock::Timeout=300 $pkgs >>"$S/apt.log" 2>&1 \
      || { tail -20 "$S/apt.log" >&2; die "apt-get install failed (see $S/apt.log)"; }
  fi
fi
export PATH="$PATH:/usr/sbin:/sbin"

# ---------------------------------------------------------------- fingerprint
knob_lines=""
for k in $PEBBLE_KNOBS; do
  if [ -n "${!k+x}" ]; then knob_lines="$knob_lines$k=${!k}"$'\n'; fi
done
FP_INPUT="v1|$ACME_PORT|$MGMT_PORT|$HTTP01_PORT|$TLSALPN01_PORT|$DNS_PORT|$DNS_SERVER|$PDNS_API_PORT|${TESTBED_PDNS_API_KEY:-}|$ZONE|$TSIG_NAME|$TSIG_ALG|${TESTBED_TSIG_SECRET:-}|$EAB_REQUIRED|$CERT_VALIDITY|$STRICT|$BLOCKED|$knob_lines"
FP=$(printf '%s' "$FP_INPUT" | sha256sum | cut -c1-32)

# pidfile format: "PID STARTTIME NAME"; alive = same pid, same start time.
proc_starttime() { # PID -> field 22 of /proc/PID/stat
  local st
  st=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  st=${st##*) }
  set -- $st
  echo "${20}"
}
pid_alive() { # pidfile -> true if the recorded process runs (not a zombie)
  local pid start name cur state
  [ -f "$1" ] || return 1
  read -r pid start name <"$1" || return 1
  cur=$(proc_starttime "$pid") || return 1
  [ "$cur" = "$start" ] || return 1
  state=$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null) || return 1
  [ "$state" != Z ]
}

print_env() {
  cat "$S/env"
  log "env written to $S/env (source it: set -a; . $S/env; set +a)"
}

if pid_alive "$S/$DNS_DAEMON.pid" && pid_alive "$S/pebble.pid" \
   && [ -f "$S/fingerprint" ] && [ "$(cat "$S/fingerprint")" = "$FP" ] && [ -f "$S/env" ]; then
  if curl -fsS --max-time 5 --cacert "$S/certs/https-ca.pem" "https://$BIND:$ACME_PORT/dir" >/dev/null 2>&1; then
    log "already running with the same settings (pids $(cut -d' ' -f1 "$S/$DNS_DAEMON.pid") $(cut -d' ' -f1 "$S/pebble.pid"))"
    print_env
    exit 0
  fi
fi
if [ -f "$S/knotd.pid" ] || [ -f "$S/pdns.pid" ] || [ -f "$S/pebble.pid" ]; then
  log "stopping previous instance recorded in $S"
  bash "$SCRIPT_DIR/stop.sh" "$S" >&2 || true
fi

# ---------------------------------------------------------------- ports free?
port_busy() { # proto port
  if command -v ss >/dev/null 2>&1; then
    if [ "$1" = tcp ]; then ss -Hltn "sport = :$2" 2>/dev/null | grep -q .
    else ss -Hlun "sport = :$2" 2>/dev/null | grep -q .; fi
  else
    [ "$1" = tcp ] && (exec 3<>"/dev/tcp/$BIND/$2") 2>/dev/null
  fi
}
for p in "$ACME_PORT" "$MGMT_PORT" "$DNS_PORT"; do
  port_busy tcp "$p" && die "TCP port $p is already in use (set TESTBED_*_PORT)"
done
port_busy udp "$DNS_PORT" && die "UDP port $DNS_PORT is already in use (set TESTBED_DNS_PORT)"
if [ "$DNS_SERVER" = pdns ]; then
  port_busy tcp "$PDNS_API_PORT" && die "TCP port $PDNS_API_PORT is already in use (set TESTBED_PDNS_API_PORT)"
fi
for p in "$HTTP01_PORT" "$TLSALPN01_PORT"; do
  port_busy tcp "$p" && log "warning: TCP port $p is already in use; your challenge server must own it during validation"
done

# ---------------------------------------------------------------- HTTPS certs for pebble itself
mkdir -p "$S/certs"
if [ ! -s "$S/certs/https-ca.pem" ] || [ ! -s "$S/certs/https-ca.key" ]; then
  log "generating test CA for pebble's HTTPS endpoints"
  openssl req -x509 -newkey rsa:2048 -nodes -sha256 -days 3650 \
    -subj "/CN=acme-testbed HTTPS test CA $(date +%s)" \
    -addext "basicConstraints=critical,CA:TRUE" \
    -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -keyout "$S/certs/https-ca.key" -out "$S/certs/https-ca.pem" 2>/dev/null
  rm -f "$S/certs/pebble-https.pem"
fi
if [ ! -s "$S/certs/pebble-https.pem" ] || [ ! -s "$S/certs/pebble-https.key" ]; then
  openssl req -new -newkey rsa:2048 -nodes -sha256 -subj "/CN=localhost" \
    -keyout "$S/certs/pebble-https.key" -out "$S/certs/pebble-https.csr" 2>/dev/null
  printf '%s\n' "basicConstraints=critical,CA:FALSE" \
    "keyUsage=critical,digitalSignature,keyEncipherment" \
    "extendedKeyUsage=serverAuth" \
    "subjectAltName=DNS:localhost,IP:127.0.0.1,IP:::1" >"$S/certs/pebble-https.ext"
  openssl x509 -req -in "$S/certs/pebble-https.csr" -CA "$S/certs/https-ca.pem" \
    -CAkey "$S/certs/https-ca.key" -CAcreateserial -days 3650 -sha256 \
    -extfile "$S/certs/pebble-https.ext" -out "$S/certs/pebble-https.pem" 2>/dev/null
  rm -f "$S/certs/pebble-https.csr"
fi
# system roots + test CA, usable as SSL_CERT_FILE for OpenSSL-based stacks (.NET on Linux too)
sysca=/etc/ssl/certs/ca-certificates.crt
{ [ -r "$sysca" ] && cat "$sysca"; cat "$S/certs/https-ca.pem"; } >"$S/certs/ca-bundle.pem"

# ---------------------------------------------------------------- TSIG
if [ -n "${TESTBED_TSIG_SECRET:-}" ]; then
  TSIG_SECRET=$TESTBED_TSIG_SECRET
else
  if [ ! -s "$S/tsig.secret" ]; then
    head -c 32 /dev/urandom | base64 >"$S/tsig.secret"
  fi
  TSIG_SECRET=$(cat "$S/tsig.secret")
fi

# ---------------------------------------------------------------- knot (or PowerDNS)
K="$S/knot"
rm -rf "$K/db" "$K/run"
mkdir -p "$K/db" "$K/zones" "$K/run"
# knotd silently exits if its control socket path is too long for a UNIX socket
CTL="$K/run/knot.sock"
if [ ${#CTL} -gt 100 ]; then
  CTL="/tmp/acme-testbed-$(printf '%s' "$S" | sha256sum | cut -c1-12).sock"
  rm -f "$CTL"
fi
cat >"$K/zones/$ZONE.zone" <<EOF
\$ORIGIN $ZONE.
\$TTL 5
@       SOA   ns1.$ZONE. hostmaster.$ZONE. 1 3600 600 86400 1
@       NS    ns1.$ZONE.
@       A     127.0.0.1
ns1     A     127.0.0.1
*       A     127.0.0.1
EOF
cat >"$K/knot.conf" <<EOF
# generated by acme-testbed/start.sh
server:
    rundir: "$K/run"
    listen: $BIND@$DNS_PORT
    udp-workers: 2
    tcp-workers: 2
    background-workers: 1
control:
    listen: "$CTL"
log:
  - target: stderr
    any: info
database:
    storage: "$K/db"
key:
  - id: $TSIG_NAME
    algorithm: $TSIG_ALG
    secret: $TSIG_SECRET
acl:
  - id: tsig_update
    key: $TSIG_NAME
    action: update
template:
  - id: default
    storage: "$K/zones"
    file: "%s.zone"
    zonefile-sync: -1
    zonefile-load: whole
    journal-content: changes
    semantic-checks: off
zone:
  - domain: $ZONE
    acl: tsig_update
EOF
if ! knotc -c "$K/knot.conf" conf-check >"$S/knot-conf-check.log" 2>&1; then
  cat "$S/knot-conf-check.log" >&2; die "knot configuration check failed"
fi

start_daemon() { # name logfile cmd...
  local name=$1 logf=$2; shift 2
  ( cd "$S" && exec setsid "$@" </dev/null >>"$logf" 2>&1 ) &
  local pid=$! start
  # setsid execs in place (the subshell is not a group leader), so $! is the daemon
  sleep 0.05
  start=$(proc_starttime "$pid") || { tail -20 "$logf" >&2; die "$name exited immediately (log: $logf)"; }
  echo "$pid $start $name" >"$S/$name.pid"
}

if [ "$DNS_SERVER" = knot ]; then
  : >"$S/knotd.log"
  start_daemon knotd "$S/knotd.log" knotd -c "$K/knot.conf"
else
  # The same zone, served by PowerDNS from a fresh sqlite3 database; its HTTP API on loopback
  # with a key, no caches (a record the API adds is answered at once), nothing outside $P.
  P="$S/pdns"
  rm -rf "$P"
  mkdir -p "$P/run"
  if [ -n "${TESTBED_PDNS_API_KEY:-}" ]; then
    PDNS_API_KEY=$TESTBED_PDNS_API_KEY
  else
    [ -s "$S/pdns-api.key" ] || head -c 24 /dev/urandom | base64 | tr -d '/+=' >"$S/pdns-api.key"
    PDNS_API_KEY=$(cat "$S/pdns-api.key")
  fi
  schema=/usr/share/doc/pdns-backend-sqlite3/schema.sqlite3.sql
  [ -r "$schema" ] || die "the PowerDNS sqlite3 schema $schema is missing (package pdns-backend-sqlite3)"
  sqlite3 "$P/pdns.sqlite3" <"$schema" || die "cannot create the PowerDNS database"
  printf '%s\n' "# generated by acme-testbed/start.sh" \
    "launch=gsqlite3" "gsqlite3-database=$P/pdns.sqlite3" \
    "local-address=$BIND" "local-port=$DNS_PORT" "socket-dir=$P/run" \
    "guardian=no" "daemon=no" "disable-syslog=yes" "write-pid=no" "loglevel=4" \
    "security-poll-suffix=" \
    "cache-ttl=0" "query-cache-ttl=0" "negquery-cache-ttl=0" \
    "webserver=yes" "webserver-address=$BIND" "webserver-port=$PDNS_API_PORT" \
    "webserver-allow-from=127.0.0.0/8" "api=yes" "api-key=$PDNS_API_KEY" >"$P/pdns.conf"
  pdnsutil --config-dir="$P" load-zone "$ZONE" "$K/zones/$ZONE.zone" >"$S/pdnsutil.log" 2>&1 \
    || { cat "$S/pdnsutil.log" >&2; die "pdnsutil load-zone failed"; }
  : >"$S/pdns.log"
  start_daemon pdns "$S/pdns.log" pdns_server --config-dir="$P"
fi

# ---------------------------------------------------------------- pebble
eab_json='"externalAccountMACKeys": {
      "kid-1": "zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W",
      "kid-2": "b10lLJs8l1GPIzsLP0s6pMt8O0XVGnfTaCeROxQM0BIt2XrJMDHJZBM5NuQmQJQH"
    }'
block_json=""
if [ -n "$BLOCKED" ]; then
  block_json=", \"domainBlocklist\": [$(printf '%s' "$BLOCKED" | sed 's/[^,][^,]*/"&"/g')]"
fi
validity_json=""
[ -n "$CERT_VALIDITY" ] && validity_json=", \"certificateValidityPeriod\": $CERT_VALIDITY"
eab_req=false; [ "$EAB_REQUIRED" = 1 ] && eab_req=true
cat >"$S/pebble-config.json" <<EOF
{
  "pebble": {
    "listenAddress": "$BIND:$ACME_PORT",
    "managementListenAddress": "$BIND:$MGMT_PORT",
    "certificate": "$S/certs/pebble-https.pem",
    "privateKey": "$S/certs/pebble-https.key",
    "httpPort": $HTTP01_PORT,
    "tlsPort": $TLSALPN01_PORT,
    "ocspResponderURL": "",
    "externalAccountBindingRequired": $eab_req,
    $eab_json$block_json$validity_json
  }
}
EOF
pebble_args=(-config "$S/pebble-config.json" -dnsserver "$BIND:$DNS_PORT")
[ "$STRICT" = 1 ] && pebble_args+=(-strict)
# pass only the knobs that are set; unset ones must stay unset (pebble defaults)
pebble_env=(env)
for k in $PEBBLE_KNOBS; do
  if [ -z "${!k+x}" ]; then pebble_env+=(-u "$k"); fi
done
: >"$S/pebble.log"
start_daemon pebble "$S/pebble.log" "${pebble_env[@]}" pebble "${pebble_args[@]}"

# ---------------------------------------------------------------- wait for both
deadline=$(( $(date +%s) + 40 ))
dns_ok=0; acme_ok=0; mgmt_ok=0
while :; do
  pid_alive "$S/$DNS_DAEMON.pid" || { tail -20 "$S/$DNS_DAEMON.log" >&2; die "$DNS_DAEMON died (log: $S/$DNS_DAEMON.log)"; }
  pid_alive "$S/pebble.pid" || { tail -20 "$S/pebble.log" >&2; die "pebble died (log: $S/pebble.log)"; }
  [ $dns_ok = 1 ] || { kdig +time=1 +retry=0 -p "$DNS_PORT" @"$BIND" SOA "$ZONE." 2>/dev/null | grep -q 'status: NOERROR' && dns_ok=1; } || true
  # PowerDNS: its API must answer for the zone too.
  if [ $dns_ok = 1 ] && [ "$DNS_SERVER" = pdns ] && [ "${api_ok:-0}" = 0 ]; then
    curl -fsS --max-time 2 -H "X-API-Key: $PDNS_API_KEY" "http://$BIND:$PDNS_API_PORT/api/v1/servers/localhost/zones/$ZONE." >/dev/null 2>&1 \
      && api_ok=1 || dns_ok=0
  fi
  [ $acme_ok = 1 ] || { curl -fsS --max-time 2 --cacert "$S/certs/https-ca.pem" "https://$BIND:$ACME_PORT/dir" >/dev/null 2>&1 && acme_ok=1; } || true
  [ $mgmt_ok = 1 ] || { curl -fsS --max-time 2 --cacert "$S/certs/https-ca.pem" "https://$BIND:$MGMT_PORT/roots/0" >/dev/null 2>&1 && mgmt_ok=1; } || true
  [ $dns_ok$acme_ok$mgmt_ok = 111 ] && break
  if [ "$(date +%s)" -ge $deadline ]; then
    die "timeout waiting (dns=$dns_ok acme=$acme_ok mgmt=$mgmt_ok); logs in $S"
  fi
  sleep 0.2
done

# snapshots of the issuing hierarchy (regenerated by pebble at every start)
curl -fsS --cacert "$S/certs/https-ca.pem" "https://$BIND:$MGMT_PORT/roots/0" -o "$S/issuer-root.pem"
curl -fsS --cacert "$S/certs/https-ca.pem" "https://$BIND:$MGMT_PORT/intermediates/0" -o "$S/issuer-intermediate.pem"

# ---------------------------------------------------------------- env
{
  echo "ACME_TESTBED_STATE_DIR=$S"
  echo "ACME_DIRECTORY_URL=https://$BIND:$ACME_PORT/dir"
  echo "ACME_HTTPS_CA_CERT=$S/certs/https-ca.pem"
  echo "ACME_HTTPS_CA_BUNDLE=$S/certs/ca-bundle.pem"
  echo "PEBBLE_MGMT_URL=https://$BIND:$MGMT_PORT"
  echo "PEBBLE_ROOT_URL=https://$BIND:$MGMT_PORT/roots/0"
  echo "PEBBLE_INTERMEDIATE_URL=https://$BIND:$MGMT_PORT/intermediates/0"
  echo "PEBBLE_CERT_STATUS_URL=https://$BIND:$MGMT_PORT/cert-status-by-serial/"
  echo "ACME_ISSUER_ROOT_PEM=$S/issuer-root.pem"
  echo "ACME_ISSUER_INTERMEDIATE_PEM=$S/issuer-intermediate.pem"
  echo "ACME_HTTP01_PORT=$HTTP01_PORT"
  echo "ACME_TLSALPN01_PORT=$TLSALPN01_PORT"
  echo "ACME_DNS_SERVER=$BIND:$DNS_PORT"
  echo "ACME_DNS_HOST=$BIND"
  echo "ACME_DNS_PORT=$DNS_PORT"
  echo "ACME_DNS_ZONE=$ZONE"
  echo "ACME_DNS_SERVER_KIND=$DNS_SERVER"
  if [ "$DNS_SERVER" = pdns ]; then
    echo "ACME_PDNS_API_URL=http://$BIND:$PDNS_API_PORT/"
    echo "ACME_PDNS_API_KEY=$PDNS_API_KEY"
  fi
  echo "ACME_TSIG_KEY_NAME=$TSIG_NAME"
  echo "ACME_TSIG_ALGORITHM=$TSIG_ALG"
  echo "ACME_TSIG_SECRET=$TSIG_SECRET"
  echo "ACME_EAB_REQUIRED=$EAB_REQUIRED"
  echo "ACME_EAB_KID=kid-1"
  echo "ACME_EAB_HMAC_KEY=zWNDZM6eQGHWpSRTPal5eIUYFTu7EajVIoguysqZ9wG44nMEtx3MUAsUDkMTQ12W"
  printf '%s' "$knob_lines"
} >"$S/env.tmp"
mv "$S/env.tmp" "$S/env"
echo "$FP" >"$S/fingerprint"
log "started in $(( $(date +%s) - T0 ))s: $DNS_DAEMON pid $(cut -d' ' -f1 "$S/$DNS_DAEMON.pid"), pebble pid $(cut -d' ' -f1 "$S/pebble.pid")"
print_env
