# Every built-in option module. ConfigLang adds all of them to each host evaluation, as NixOS
# does with its own module list. Helper files that are not modules (security/acme-helpers.nix,
# security/cert-ownership.nix) are imported by the modules that use them and are not listed;
# tools/ holds a smoke test (stub lib) and is not part of the library.
[
  ./misc/assertions.nix
  ./misc/pkgs.nix
  ./config/users.nix
  ./networking/firewall.nix
  ./networking/hostname.nix
  ./system/systemd.nix
  ./system/state-version.nix
  ./security/acme.nix
  ./security/acme-cluster.nix
  ./security/cert-consumers.nix
  ./services/web-servers/nginx.nix
  ./services/web-servers/httpd.nix
  ./services/web-servers/caddy.nix
  ./services/web-apps/reposilite.nix
  ./services/networking/syncplay.nix
  ./services/networking/prosody.nix
  ./services/networking/coturn.nix
  ./services/mail/dovecot.nix
  ./services/mail/postfix.nix
]
