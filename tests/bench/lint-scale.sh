#!/usr/bin/env bash
# `configlang lint` on a large host, whole process: N certificates (default 1,000), each served
# by its own nginx virtual host through useACMEHost, HTTP-01 through a webroot that nginx
# serves, port 80 open. The host is written out literally (as a generated configuration would
# be), so parsing, module merging, the assertions (the ownership assertion runs per certificate)
# and the C# checks all scale with N. A one-certificate host is timed in the same run, so the
# start-up share can be told apart. The generated host must lint clean: the script fails if not.
#
#   tests/bench/lint-scale.sh [CERTS] [RUNS]      (defaults 1000 and 3)
#   CONFIGLANG_BIN=/path/to/configlang ...        (default: ./configlang, the Release build)
#
# Prints, per host size, wall time, CPU time (user + system; steadier than wall time on a busy
# machine) and peak memory of each run (/usr/bin/time), then `uptime`.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
certs="${1:-1000}"
runs="${2:-3}"
bin="${CONFIGLANG_BIN:-$root/configlang}"
out="$(mktemp -d /tmp/configlang-lint-scale.XXXXXX)"
trap 'rm -rf "$out"' EXIT

[ -x /usr/bin/time ] || { echo "/usr/bin/time (Debian package time) is required" >&2; exit 2; }

# write_host FILE N: a host with N certificates c1.example.org … cN.example.org and one nginx
# virtual host per certificate.
write_host() {
  local file="$1" n="$2" i
  {
    echo "{ config, ... }:"
    echo "{"
    echo "  networking.firewall.allowedTCPPorts = [ 80 443 ];"
    echo "  security.acme = {"
    echo "    acceptTerms = true;"
    echo "    defaults.email = \"admin@example.org\";"
    echo "    defaults.webroot = \"/var/lib/acme/acme-challenge\";"
    echo "    certs = {"
    for ((i = 1; i <= n; i++)); do
      echo "      \"c$i.example.org\" = { group = \"nginx\"; extraDomainNames = [ \"www.c$i.example.org\" ]; };"
    done
    echo "    };"
    echo "  };"
    echo "  services.nginx = {"
    echo "    enable = true;"
    echo "    virtualHosts = {"
    for ((i = 1; i <= n; i++)); do
      echo "      \"c$i.example.org\" = { forceSSL = true; useACMEHost = \"c$i.example.org\"; locations.\"/\".proxyPass = \"http://127.0.0.1:$((8000 + i % 1000))\"; };"
    done
    echo "    };"
    echo "  };"
    echo "}"
  } > "$file"
}

write_host "$out/one.nix" 1
write_host "$out/large.nix" "$certs"

# Build once (./configlang builds when sources changed) and check both hosts lint clean.
for host in one large; do
  if ! "$bin" lint "$out/$host.nix" > "$out/$host.lint" 2>&1; then
    cat "$out/$host.lint" >&2
    echo "lint-scale: the generated $host host does not lint clean" >&2
    exit 1
  fi
done

echo "configlang lint, whole process ($(nproc) cores); host sizes: 1 and $certs certificates + vhosts ($(wc -c < "$out/large.nix") bytes)"
for host in one large; do
  for ((r = 1; r <= runs; r++)); do
    /usr/bin/time -f "%e s wall, %U s user + %S s sys, %M KB" -o "$out/time" "$bin" lint "$out/$host.nix" > /dev/null 2>&1
    printf '%-6s run %d: %s\n' "$host" "$r" "$(cat "$out/time")"
  done
done
echo "load: $(uptime)"
