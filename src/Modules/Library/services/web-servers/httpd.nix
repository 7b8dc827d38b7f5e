# Apache httpd, reduced to virtual hosts and their certificates. The ACME wiring follows
# NixOS: `enableACME` creates `security.acme.certs.<hostName>` (group `wwwrun` by mkDefault,
# aliases as extra names, HTTP-01 through `acmeRoot` at priority 1000 or the defaults at 2000,
# the vhost's `adminAddr` as e-mail at priority 2000); `useACMEHost` uses an existing one. The
# vhost's `sslServerCert`, `sslServerKey` and `sslServerChain` then point into the certificate
# directory. NixOS reloads httpd through an `httpd-config-reload` unit; ConfigLang has none, so
# the certificates list `httpd.service` in `reloadServices` instead.
{ config, lib, ... }:
let
  inherit (lib) mkOption mkIf mkOverride types;

  cfg = config.services.httpd;

  helpers = import ../../security/acme-helpers.nix { inherit lib config; };
  vhostAcme = import ./vhost-acme.nix { inherit lib config; };
  serviceAccount = import ../../config/service-account.nix { inherit lib; };

  listenOptions = {
    options = {
      ip = mkOption {
        type = types.str;
        default = "*";
        description = "IP address to listen on; `*` for all.";
      };
      port = mkOption {
        type = types.port;
        description = "Port to listen on.";
      };
      ssl = mkOption {
        type = types.bool;
        default = false;
        description = "Whether this listener speaks TLS.";
      };
    };
  };

  vhostOptions =
    { name, config, ... }:
    let
      vhost = config;
      certName = vhostAcme.certNameOf vhost.hostName vhost;
      certDirectory = helpers.certDirectory certName;
    in
    {
      options = {
        hostName = mkOption {
          type = types.str;
          default = name;
          description = "Canonical host name of the virtual host; the attribute name unless set.";
        };

        serverAliases = mkOption {
          type = types.listOf types.str;
          default = [ ];
          example = [ "www.example.org" "www.example.org:8080" "example.org" ];
          description = "Further names of the virtual host; with `enableACME` also certificate names.";
        };

        listen = mkOption {
          type = types.listOf (types.submodule listenOptions);
          default = [ ];
          example = [
            { ip = "203.0.113.10"; port = 443; ssl = true; }
            { ip = "203.0.113.10"; port = 80; }
          ];
          description = "Listeners of the virtual host; derived from the TLS options when empty.";
        };

        listenAddresses = mkOption {
          type = types.listOf types.str;
          default = [ "*" ];
          description = "Addresses to listen on; the ports follow from the TLS options.";
        };

        sslServerCert = mkOption {
          type = types.path;
          example = "/var/host.cert";
          description = "Path of the server certificate (set automatically with ACME).";
        };

        sslServerKey = mkOption {
          type = types.path;
          example = "/var/host.key";
          description = "Path of the server certificate's key (set automatically with ACME).";
        };

        sslServerChain = mkOption {
          type = types.nullOr types.path;
          default = null;
          example = "/var/ca.pem";
          description = "Path of the certificate chain (set automatically with ACME).";
        };

        adminAddr = mkOption {
          type = types.nullOr types.str;
          default = null;
          example = "admin@example.org";
          description = "E-mail address of the server administrator.";
        };

        documentRoot = mkOption {
          type = types.nullOr types.path;
          default = null;
          example = "/data/webserver/docs";
          description = "Directory served as the document root.";
        };

        extraConfig = mkOption {
          type = types.lines;
          default = "";
          description = "Lines appended to the virtual host's configuration verbatim.";
        };
      }
      // vhostAcme.options {
        inherit certName;
        docs = {
          enableACME.description = "Whether to obtain a certificate for this virtual host over ACME.";
          useACMEHost = {
            example = "example.org";
            description = ''
              Name of an existing certificate in `security.acme.certs` to use. This neither creates
              it nor adds this host's names to it.
            '';
          };
          acmeRoot.description = ''
            Directory of the HTTP-01 challenge files (publicly served). `null` leaves the method
            to `security.acme`.
          '';
          addSSL.description = "Whether to serve HTTPS in addition to plain HTTP.";
          onlySSL.description = "Whether to serve HTTPS only.";
          forceSSL.description = "Whether to redirect plain HTTP to HTTPS (except challenge requests).";
          acmeCertName.description = "Certificate this virtual host uses.";
        };
      };

      config = mkIf (certName != null) {
        sslServerCert = mkOverride 10 "${certDirectory}/fullchain.pem";
        sslServerKey = mkOverride 10 "${certDirectory}/key.pem";
        sslServerChain = mkOverride 10 "${certDirectory}/chain.pem";
      };
    };

  vhosts = lib.attrValues cfg.virtualHosts;
  vhostCertNames = vhostAcme.certNamesOf (vhost: vhost.acmeCertName) vhosts;

  # NixOS checks httpd against its configured user and group (Apache's workers run as them).
  httpdAccount = {
    name = "httpd";
    inherit (cfg) user group;
    supplementaryGroups = [ ];
  };
in
{
  options.services.httpd = {
    enable = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to enable the Apache HTTP Server.";
    };

    user = mkOption {
      type = types.accountName;
      default = "wwwrun";
      description = "User account the httpd workers run as.";
    };

    group = mkOption {
      type = types.accountName;
      default = "wwwrun";
      description = "Group the httpd workers run as.";
    };

    adminAddr = mkOption {
      type = types.nullOr types.str;
      default = null;
      example = "admin@example.org";
      description = "E-mail address of the server administrator.";
    };

    extraConfig = mkOption {
      type = types.lines;
      default = "";
      description = "Lines appended to the generated configuration file.";
    };

    virtualHosts = mkOption {
      type = types.attrsOf (types.submodule vhostOptions);
      default = {
        localhost = { };
      };
      description = "Virtual hosts, by name.";
    };
  };

  config = mkIf cfg.enable {
    assertions = [
      {
        assertion = builtins.all (vhost: !vhost.enableSSL) vhosts;
        message = ''
          The option `services.httpd.virtualHosts.<name>.enableSSL` has been removed; use
          `services.httpd.virtualHosts.<name>.onlySSL` instead.
        '';
      }
      {
        assertion = builtins.all (vhost: vhostAcme.countTrue [ vhost.addSSL vhost.onlySSL vhost.forceSSL ] <= 1) vhosts;
        message = ''
          Options `services.httpd.virtualHosts.<name>.addSSL`,
          `services.httpd.virtualHosts.<name>.onlySSL` and `services.httpd.virtualHosts.<name>.forceSSL`
          are mutually exclusive.
        '';
      }
      {
        assertion = builtins.all vhostAcme.acmeConflictFree vhosts;
        message = ''
          Options `services.httpd.virtualHosts.<name>.enableACME` and
          `services.httpd.virtualHosts.<name>.useACMEHost` are mutually exclusive.
        '';
      }
    ]
    ++ vhostAcme.ownershipAssertions vhostCertNames [ httpdAccount ];

    security.acme.certs = vhostAcme.certs {
      inherit vhosts;
      inherit (cfg) group;
      reloadService = "httpd.service";
      # Priority 2000 never beats the inherited default, as in NixOS.
      extraCertConfig = vhost: {
        email = mkOverride 2000 (if vhost.adminAddr != null then vhost.adminAddr else cfg.adminAddr);
      };
    };

    configlang.certConsumers = vhostAcme.consumers {
      unit = "httpd";
      account = httpdAccount;
      inherit (cfg) virtualHosts;
      hostNameOf = name: vhost: vhost.hostName;
      files = [ "fullchain.pem" "key.pem" "chain.pem" ];
      optionPrefix = "services.httpd.virtualHosts";
    };

    # The master process starts as root and reads the keys; workers run as `user`.
    systemd.services.httpd = {
      description = "Apache HTTPD";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ] ++ vhostAcme.acmeUnits vhostCertNames;
      wants = vhostAcme.acmeUnits vhostCertNames;
    };

    users = serviceAccount {
      name = "wwwrun";
      inherit (cfg) user group;
      userSettings.description = "Apache httpd user";
    };
  };
}
