#!/usr/bin/env bash
# etcd-cluster.sh start|stop DIR           -- a three-member etcd cluster on 127.0.0.1
# etcd-cluster.sh stop-member|start-member DIR N   -- one member (1..3) down or up again
#
# For security.acme.cluster's tests, examples and benchmarks. Each member has its own ports and
# data directory under DIR; everything lives in DIR. `start` writes DIR/env:
#   ETCD_ENDPOINTS=http://127.0.0.1:P1,http://127.0.0.1:P2,http://127.0.0.1:P3
# (https and ETCD_CA_FILE, ETCD_CERT_FILE, ETCD_KEY_FILE of a client certificate with
# ETCD_TLS=1). Processes are stopped by their recorded PID (checked against the recorded start
# time, so a recycled PID is never hit), never by name.
#
# Settings (environment, with defaults):
#   ETCD_CLIENT_PORTS="23791 23792 23793"   client ports of members 1..3
#   ETCD_PEER_PORTS="23801 23802 23803"     peer ports of members 1..3
#   ETCD_TLS=0                              1 = clients speak https with mutual TLS (certificates
#                                           made with openssl in DIR/tls)
set -euo pipefail

usage() { echo "usage: $0 start|stop DIR | stop-member|start-member DIR N" >&2; exit 2; }
[ $# -ge 2 ] || usage
command=$1
mkdir -p "$2"
D=$(cd "$2" && pwd)
log() { echo "[etcd-cluster] $*" >&2; }
die() { echo "[etcd-cluster] ERROR: $*" >&2; exit 1; }

# prints "STARTTIME STATE" of /proc/PID, fails if there is no such process
proc_info() {
  local st
  st=$(cat "/proc/$1/stat" 2>/dev/null) || return 1
  st=${st##*) }
  set -- $st
  echo "${20} $1"
}

# the member N's recorded process still runs
member_running() {
  local f="$D/member-$1/pid" pid start info
  [ -f "$f" ] || return 1
  read -r pid start <"$f" || return 1
  info=$(proc_info "$pid") || return 1
  [ "${info% *}" = "$start" ] && [ "${info#* }" != Z ]
}

stop_member() {
  local n=$1 f="$D/member-$1/pid" pid start
  [ -f "$f" ] || return 0
  if member_running "$n"; then
    read -r pid start <"$f"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do member_running "$n" || break; sleep 0.1; done
    if member_running "$n"; then
      log "member $n (pid $pid) ignored SIGTERM for 5s, sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      for _ in $(seq 1 20); do member_running "$n" || break; sleep 0.1; done
    fi
    log "stopped member $n (pid $pid)"
  fi
  rm -f "$f"
}

scheme() { [ "${TLS:-0}" = 1 ] && echo https || echo http; }

# curl the member's /health with the client certificate when TLS is on
healthy() {
  local port=$1
  if [ "${TLS:-0}" = 1 ]; then
    curl -sf --max-time 2 --cacert "$D/tls/ca.pem" --cert "$D/tls/client.pem" --key "$D/tls/client-key.pem" "https://127.0.0.1:$port/health" 2>/dev/null | grep -q '"health":"true"'
  else
    curl -sf --max-time 2 "http://127.0.0.1:$port/health" 2>/dev/null | grep -q '"health":"true"'
  fi
}

start_member() {
  local n=$1 client peer
  member_running "$n" && return 0
  client=$(echo "$CLIENT_PORTS" | cut -d' ' -f"$n")
  peer=$(echo "$PEER_PORTS" | cut -d' ' -f"$n")
  local url="$(scheme)://127.0.0.1:$client"
  local tls=()
  if [ "${TLS:-0}" = 1 ]; then
    tls=(--client-cert-auth --trusted-ca-file "$D/tls/ca.pem" --cert-file "$D/tls/server.pem" --key-file "$D/tls/server-key.pem")
  fi
  mkdir -p "$D/member-$n"
  # Short heartbeat and election timeout: on loopback a lost leader is replaced in about a second.
  etcd --name "m$n" --data-dir "$D/member-$n/data" \
    --listen-client-urls "$url" --advertise-client-urls "$url" \
    --listen-peer-urls "http://127.0.0.1:$peer" --initial-advertise-peer-urls "http://127.0.0.1:$peer" \
    --initial-cluster "$INITIAL_CLUSTER" --initial-cluster-state new --initial-cluster-token "$TOKEN" \
    --heartbeat-interval 50 --election-timeout 500 --logger zap --log-level warn \
    "${tls[@]}" </dev/null >>"$D/member-$n/etcd.log" 2>&1 &
  local pid=$!
  local info
  info=$(proc_info "$pid") || die "member $n exited at once; see $D/member-$n/etcd.log"
  echo "$pid ${info% *}" >"$D/member-$n/pid"
}

wait_healthy() {
  local n port
  for n in "$@"; do
    port=$(echo "$CLIENT_PORTS" | cut -d' ' -f"$n")
    for _ in $(seq 1 150); do
      healthy "$port" && continue 2
      member_running "$n" || die "member $n exited; see $D/member-$n/etcd.log: $(tail -n 3 "$D/member-$n/etcd.log")"
      sleep 0.1
    done
    die "member $n not healthy after 15 s; see $D/member-$n/etcd.log"
  done
}

make_tls() {
  command -v openssl >/dev/null || die "openssl is missing (Debian package openssl)"
  local t="$D/tls"
  [ -f "$t/client-key.pem" ] && return 0
  mkdir -p "$t"
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 30 -subj "/CN=configlang etcd test CA" \
    -keyout "$t/ca-key.pem" -out "$t/ca.pem" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=127.0.0.1" \
    -keyout "$t/server-key.pem" -out "$t/server.csr" 2>/dev/null
  printf 'subjectAltName=IP:127.0.0.1,DNS:localhost\nextendedKeyUsage=serverAuth,clientAuth\n' >"$t/server.ext"
  openssl x509 -req -in "$t/server.csr" -CA "$t/ca.pem" -CAkey "$t/ca-key.pem" -CAcreateserial -days 30 \
    -extfile "$t/server.ext" -out "$t/server.pem" 2>/dev/null
  openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=configlang" \
    -keyout "$t/client-key.pem" -out "$t/client.csr" 2>/dev/null
  printf 'extendedKeyUsage=clientAuth\n' >"$t/client.ext"
  openssl x509 -req -in "$t/client.csr" -CA "$t/ca.pem" -CAkey "$t/ca-key.pem" -CAcreateserial -days 30 \
    -extfile "$t/client.ext" -out "$t/client.pem" 2>/dev/null
  chmod 600 "$t"/*-key.pem
}

# Missing Debian packages are installed, as tests/acme-testbed/start.sh does, so a fresh clone's
# tests need nothing set up by hand (apt-get install on an installed package would upgrade it).
install_missing_packages() {
  local pkgs="" pair c p
  for pair in etcd:etcd-server etcdctl:etcd-client curl:curl openssl:openssl; do
    c=${pair%%:*}; p=${pair#*:}
    command -v "$c" >/dev/null 2>&1 || pkgs="$pkgs $p"
  done
  [ -n "$pkgs" ] || return 0
  echo "etcd-cluster: installing Debian packages:$pkgs" >&2
  local sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -qq -o DPkg::Lock::Timeout=300 $pkgs >/dev/null 2>&1 \
    || { $sudo apt-get update -qq -o DPkg::Lock::Timeout=300 >/dev/null 2>&1 || true
         $sudo apt-get install -y -qq -o DPkg::Lock::Timeout=300 $pkgs >/dev/null; } \
    || die "apt-get install$pkgs failed"
}

case "$command" in
  start)
    [ $# -eq 2 ] || usage
    install_missing_packages
    command -v etcd >/dev/null || die "etcd is missing: install the Debian package etcd-server"
    command -v curl >/dev/null || die "curl is missing: install the Debian package curl"
    if [ ! -f "$D/settings" ]; then
      CLIENT_PORTS=${ETCD_CLIENT_PORTS:-23791 23792 23793}
      PEER_PORTS=${ETCD_PEER_PORTS:-23801 23802 23803}
      for p in $CLIENT_PORTS $PEER_PORTS; do case "$p" in ''|*[!0-9]*) die "bad port '$p'";; esac; done
      [ "$(echo $CLIENT_PORTS | wc -w)" = 3 ] && [ "$(echo $PEER_PORTS | wc -w)" = 3 ] || die "ETCD_CLIENT_PORTS and ETCD_PEER_PORTS name three ports each"
      TLS=${ETCD_TLS:-0}
      TOKEN="configlang-$(od -An -N6 -tx1 /dev/urandom | tr -d ' \n')"
      INITIAL_CLUSTER=""
      for n in 1 2 3; do
        INITIAL_CLUSTER="$INITIAL_CLUSTER${INITIAL_CLUSTER:+,}m$n=http://127.0.0.1:$(echo "$PEER_PORTS" | cut -d' ' -f"$n")"
      done
      printf 'CLIENT_PORTS="%s"\nPEER_PORTS="%s"\nTLS=%s\nTOKEN=%s\nINITIAL_CLUSTER=%s\n' \
        "$CLIENT_PORTS" "$PEER_PORTS" "$TLS" "$TOKEN" "$INITIAL_CLUSTER" >"$D/settings"
    fi
    . "$D/settings"
    [ "$TLS" = 1 ] && make_tls
    for n in 1 2 3; do start_member "$n"; done
    wait_healthy 1 2 3
    endpoints=""
    for p in $CLIENT_PORTS; do endpoints="$endpoints${endpoints:+,}$(scheme)://127.0.0.1:$p"; done
    {
      echo "ETCD_ENDPOINTS=$endpoints"
      if [ "$TLS" = 1 ]; then
        echo "ETCD_CA_FILE=$D/tls/ca.pem"
        echo "ETCD_CERT_FILE=$D/tls/client.pem"
        echo "ETCD_KEY_FILE=$D/tls/client-key.pem"
      fi
    } >"$D/env"
    log "up: $endpoints"
    cat "$D/env"
    ;;
  stop)
    [ $# -eq 2 ] || usage
    for n in 1 2 3; do stop_member "$n"; done
    ;;
  stop-member|start-member)
    [ $# -eq 3 ] || usage
    case "$3" in 1|2|3) ;; *) die "member is 1, 2 or 3, not '$3'";; esac
    [ -f "$D/settings" ] || die "no cluster was started in $D"
    . "$D/settings"
    if [ "$command" = stop-member ]; then stop_member "$3"; else start_member "$3"; wait_healthy "$3"; fi
    ;;
  *) usage ;;
esac
