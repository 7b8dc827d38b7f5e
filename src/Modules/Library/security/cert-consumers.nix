# A machine-readable statement of who reads which certificate. Every module that points a
# service at files in /var/lib/acme/<cert>/ adds one entry per (service, certificate), so a
# check written once (in C#) can verify, for every consumer, that the account the service runs
# as can read the key: root, the cert group as primary or supplementary group, or membership
# of the cert group. Entries do not change what is deployed.
{ lib, ... }:
let
  inherit (lib) mkOption types;

  consumerOptions = {
    options = {
      service = mkOption {
        type = types.str;
        example = "nginx";
        description = "systemd unit (without `.service`) whose process opens the files.";
      };

      cert = mkOption {
        type = types.str;
        example = "example.org";
        description = "Name of the certificate in `security.acme.certs`.";
      };

      user = mkOption {
        type = types.accountName;
        default = "root";
        description = ''
          Account that opens the files. `root` when the unit sets no `User=` (the
          service reads its key before dropping privileges, as postfix and dovecot do).
        '';
      };

      group = mkOption {
        type = types.nullOr types.accountName;
        default = null;
        description = "Primary group of the process (`Group=`), when the unit sets one.";
      };

      supplementaryGroups = mkOption {
        type = types.listOf types.accountName;
        default = [ ];
        description = "`SupplementaryGroups=` of the unit.";
      };

      viaCredentials = mkOption {
        type = types.bool;
        default = false;
        description = ''
          Whether systemd hands the files over with `LoadCredential=`: systemd reads them as
          root, so the service account needs no access to the cert directory (syncplay).
        '';
      };

      files = mkOption {
        type = types.listOf types.str;
        default = [ "fullchain.pem" "key.pem" ];
        example = [ "cert.pem" "key.pem" ];
        description = "Files of the certificate directory the service opens.";
      };

      option = mkOption {
        type = types.nullOr types.str;
        default = null;
        example = "services.nginx.virtualHosts.\"example.org\".useACMEHost";
        description = "The option whose setting made the service a consumer, for messages.";
      };

      names = mkOption {
        type = types.listOf types.str;
        default = [ ];
        example = [ "example.org" "www.example.org" ];
        description = ''
          Host names the service answers to with this certificate, as written in its settings
          (a web server's server name and aliases, possibly with a port or a server-specific
          pattern). Empty when the service does not say; then no name is checked.
        '';
      };
    };
  };
in
{
  options.configlang.certConsumers = mkOption {
    type = types.listOf (types.submodule consumerOptions);
    internal = true;
    default = [ ];
    description = ''
      Services that read certificates managed by `security.acme`, one entry per service and
      certificate, filled by the service modules.
    '';
  };
}
