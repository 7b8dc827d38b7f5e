# nginx, reduced to what certificate handling needs: the virtual hosts with their TLS and
# ACME options, locations, listeners and the account nginx runs as. The ACME wiring follows
# NixOS:
# - `enableACME` creates `security.acme.certs.<serverName>` with the vhost's aliases as extra
#   names, group `nginx` (mkDefault), `reloadServices = [ "nginx.service" ]`, and the challenge
#   method: HTTP-01 through `acmeRoot` at priority 1000 (beating `security.acme.defaults`), or,
#   with `acmeRoot = null`, at priority 2000 (losing to the defaults, e.g. a DNS provider).
# - `useACMEHost` uses an existing certificate and only adds `reloadServices`; the group is
#   the user's business, which the ownership assertion checks.
# - With either, the vhost's `sslCertificate`, `sslCertificateKey` and (unless set)
#   `sslTrustedCertificate` point into the certificate directory, and unless the certificate
#   uses DNS-01 the vhost gets the location `^~ /.well-known/acme-challenge/` serving
#   `acmeRoot` (NixOS writes that location into the generated file directly; here it is an
#   ordinary entry of `locations`, so `configlang show` displays it). With `forceSSL` the
#   generated port-80 redirect server must carry the same location.
{ config, lib, pkgs, ... }:
let
  inherit (lib) mkOption mkIf mkDefault mkOverride types literalExpression;

  cfg = config.services.nginx;
  certs = config.security.acme.certs;

  helpers = import ../../security/acme-helpers.nix { inherit lib config; };
  vhostAcme = import ./vhost-acme.nix { inherit lib config; };
  serviceAccount = import ../../config/service-account.nix { inherit lib; };

  challengeLocation = "^~ /.well-known/acme-challenge/";
  fallbackLocation = "@acme-fallback";

  # The vhost's name: `serverName`, or the attribute name when null.
  serverNameOf = name: vhost: if vhost.serverName != null then vhost.serverName else name;

  listenOptions = {
    options = {
      addr = mkOption {
        type = types.str;
        description = "IP address; IPv6 addresses in square brackets.";
      };
      port = mkOption {
        type = types.nullOr types.port;
        default = null;
        description = "Port number; the default HTTP or HTTPS port when null.";
      };
      ssl = mkOption {
        type = types.bool;
        default = false;
        description = "Whether this listener speaks TLS.";
      };
      proxyProtocol = mkOption {
        type = types.bool;
        default = false;
        description = "Whether this listener expects the PROXY protocol.";
      };
      extraParameters = mkOption {
        type = types.listOf types.str;
        default = [ ];
        example = [ "backlog=1024" "deferred" ];
        description = "Extra parameters of the listen directive.";
      };
    };
  };

  defaultListenOptions = {
    options = listenOptions.options // {
      ssl = mkOption {
        type = types.nullOr types.bool;
        default = null;
        description = ''
          Whether this listener speaks TLS; null means both a plain and a TLS listener,
          as each vhost needs.
        '';
      };
    };
  };

  # Basic authentication, declared alike for a whole virtual host and for one location.
  basicAuthOptions = {
    basicAuth = mkOption {
      type = types.attrsOf types.str;
      default = { };
      description = "Users and passwords for basic authentication (stored world-readable).";
    };
    basicAuthFile = mkOption {
      type = types.nullOr types.path;
      default = null;
      description = "htpasswd file for basic authentication.";
    };
  };

  locationOptions = {
    options = {
      root = mkOption {
        type = types.nullOr types.path;
        default = null;
        example = "/your/root/directory";
        description = "Root directory for requests (`root`).";
      };
      alias = mkOption {
        type = types.nullOr types.path;
        default = null;
        example = "/your/alias/directory";
        description = "Directory that replaces the matched location prefix (`alias`).";
      };
      index = mkOption {
        type = types.nullOr types.str;
        default = null;
        example = "index.php index.html";
        description = "Index files (`index`).";
      };
      tryFiles = mkOption {
        type = types.nullOr types.str;
        default = null;
        example = "$uri =404";
        description = "Files to try, in order (`try_files`).";
      };
      proxyPass = mkOption {
        type = types.nullOr types.str;
        default = null;
        example = "http://www.example.org/";
        description = "Upstream to forward requests to (`proxy_pass`).";
      };
      proxyWebsockets = mkOption {
        type = types.bool;
        default = false;
        description = "Whether to pass WebSocket upgrades to the upstream.";
      };
      uwsgiPass = mkOption {
        type = types.nullOr types.str;
        default = null;
        example = "unix:/run/example/example.sock";
        description = "uWSGI upstream to forward requests to (`uwsgi_pass`).";
      };
      fastcgiParams = mkOption {
        type = types.attrsOf (types.either types.str types.path);
        default = { };
        description = "FastCGI parameters (`fastcgi_param`) of the location.";
      };
      recommendedProxySettings = mkOption {
        type = types.bool;
        default = cfg.recommendedProxySettings;
        description = "Whether to use the recommended proxy headers in this location.";
      };
      return = mkOption {
        type = types.nullOr (types.oneOf [ types.str types.int ]);
        default = null;
        example = "301 http://example.com$request_uri";
        description = "Fixed response (`return`).";
      };
      extraConfig = mkOption {
        type = types.lines;
        default = "";
        description = "Lines appended to the location block verbatim.";
      };
      priority = mkOption {
        type = types.int;
        default = 1000;
        description = "Order of the location block; lower numbers come first.";
      };
    }
    // basicAuthOptions;
  };

  vhostOptions =
    { name, config, ... }:
    let
      vhost = config;
      certName = vhostAcme.certNameOf (serverNameOf name vhost) vhost;
      usesAcme = certName != null;
      certDirectory = helpers.certDirectory certName;
    in
    {
      options = {
        serverName = mkOption {
          type = types.nullOr types.str;
          default = null;
          example = "example.org";
          description = "Name of the virtual host; the attribute name when null.";
        };

        serverAliases = mkOption {
          type = types.listOf types.str;
          default = [ ];
          example = [ "www.example.org" "example.org" ];
          description = ''
            Further names this virtual host answers to. With `enableACME` they become the
            certificate's extra domain names.
          '';
        };

        listen = mkOption {
          type = types.listOf (types.submodule listenOptions);
          default = [ ];
          example = [
            { addr = "203.0.113.10"; port = 443; ssl = true; }
            { addr = "203.0.113.10"; port = 80; }
          ];
          description = ''
            Listeners of this virtual host (address, port, TLS). When set, they replace those
            derived from `addSSL`/`onlySSL`/`forceSSL` and `listenAddresses`.
          '';
        };

        listenAddresses = mkOption {
          type = types.listOf types.str;
          default = [ ];
          example = [ "127.0.0.1" "[::1]" ];
          description = "Addresses to listen on; the ports follow from the TLS options.";
        };

        acmeFallbackHost = mkOption {
          type = types.nullOr types.str;
          default = null;
          description = ''
            Host to forward challenge requests to when the file is not here, so another
            machine can validate the same name.
          '';
        };

        rejectSSL = mkOption {
          type = types.bool;
          default = false;
          description = ''
            Whether to accept and reject TLS connections for this host, so a default server
            does not hand out another host's certificate.
          '';
        };

        sslCertificate = mkOption {
          type = types.path;
          example = "/var/host.cert";
          description = "Path of the server certificate (set automatically with ACME).";
        };

        sslCertificateKey = mkOption {
          type = types.path;
          example = "/var/host.key";
          description = "Path of the server certificate's key (set automatically with ACME).";
        };

        sslTrustedCertificate = mkOption {
          type = types.nullOr types.path;
          default = null;
          example = literalExpression ''"''${pkgs.cacert}/etc/ssl/certs/ca-bundle.crt"'';
          description = ''
            Path of the CA certificates used for OCSP stapling and client certificates; the
            certificate's `chain.pem` with ACME unless set.
          '';
        };

        http2 = mkOption {
          type = types.bool;
          default = true;
          description = "Whether to enable HTTP/2 on the TLS listeners.";
        };

        http3 = mkOption {
          type = types.bool;
          default = true;
          description = "Whether to enable HTTP/3 (only with `quic`).";
        };

        quic = mkOption {
          type = types.bool;
          default = false;
          description = "Whether to enable the QUIC transport (needs an nginx built with it).";
        };

        kTLS = mkOption {
          type = types.bool;
          default = false;
          description = "Whether to let the kernel do TLS record processing.";
        };

        reuseport = mkOption {
          type = types.bool;
          default = false;
          description = "Whether to create a listening socket per worker.";
        };

        root = mkOption {
          type = types.nullOr types.path;
          default = null;
          example = "/data/webserver/docs";
          description = "Web root directory of the virtual host.";
        };

        default = mkOption {
          type = types.bool;
          default = false;
          description = "Whether this is the default server of its listeners.";
        };

        globalRedirect = mkOption {
          type = types.nullOr types.str;
          default = null;
          example = "newserver.example.org";
          description = "Host to redirect every request to, permanently.";
        };

        redirectCode = mkOption {
          type = types.ints.between 300 399;
          default = 301;
          example = 308;
          description = "HTTP status of the `forceSSL` and `globalRedirect` redirects.";
        };

        extraConfig = mkOption {
          type = types.lines;
          default = "";
          description = "Lines appended to the server block verbatim.";
        };

        locations = mkOption {
          type = types.attrsOf (types.submodule locationOptions);
          default = { };
          example = literalExpression ''
            {
              "/" = {
                proxyPass = "http://localhost:3000";
              };
            };
          '';
          description = "Location blocks, by match expression.";
        };
      }
      // basicAuthOptions
      // vhostAcme.options {
        inherit certName;
        docs = {
          enableACME.description = ''
            Whether to obtain a certificate for this virtual host over ACME (named after
            `serverName`, with `serverAliases` as extra names). Alternatively use an existing
            certificate with `useACMEHost`.
          '';
          useACMEHost.description = ''
            Name of an existing certificate in `security.acme.certs` to use, for example one
            covering many subdomains (fewer orders, fewer rate limits). This neither creates the
            certificate nor adds this host's names to it: list them in that certificate's
            `extraDomainNames`.
          '';
          acmeRoot.description = ''
            Directory holding the HTTP-01 challenge files; it is served publicly, so keep
            nothing else in it. `null` leaves the challenge method to `security.acme` (for
            example DNS-01 from `security.acme.defaults`).
          '';
          addSSL.description = "Whether to serve HTTPS in addition to plain HTTP (ports 80 and 443).";
          onlySSL.description = "Whether to serve HTTPS only (port 443), rejecting plain HTTP.";
          forceSSL.description = ''
            Whether to serve HTTPS and answer plain HTTP with a permanent redirect to it (a
            separate port-80 server).
          '';
          acmeCertName.description = "Certificate this virtual host uses (`useACMEHost`, or its own with `enableACME`).";
        };
      };

      config = mkIf usesAcme {
        # NixOS substitutes these paths for whatever the user wrote; a very strong priority
        # has the same effect.
        sslCertificate = mkOverride 10 "${certDirectory}/fullchain.pem";
        sslCertificateKey = mkOverride 10 "${certDirectory}/key.pem";
        sslTrustedCertificate = mkDefault "${certDirectory}/chain.pem";

        locations = mkIf (certs.${certName}.dnsProvider == null) {
          ${challengeLocation} = {
            root = mkIf (vhost.acmeRoot != null) vhost.acmeRoot;
            tryFiles = mkIf (vhost.acmeFallbackHost != null) "$uri ${fallbackLocation}";
            extraConfig = ''
              auth_basic off;
              auth_request off;
            '';
          };
          ${fallbackLocation} = mkIf (vhost.acmeFallbackHost != null) {
            proxyPass = "http://${vhost.acmeFallbackHost}";
            extraConfig = ''
              auth_basic off;
              auth_request off;
              proxy_set_header Host $host;
            '';
          };
        };
      };
    };

  vhosts = lib.attrValues cfg.virtualHosts;
  vhostCertNames = vhostAcme.certNamesOf (vhost: vhost.acmeCertName) vhosts;

  # The units that open the certificate files: nginx itself, and the root-run reload unit.
  readerUnits = [ "nginx" ] ++ lib.optional (cfg.enableReload || vhostCertNames != [ ]) "nginx-config-reload";

  hasHttpListener = listeners: builtins.any (listener: !(listener.proxyProtocol or false)) listeners;
  hasDefaultHttpListener =
    if cfg.defaultListen != [ ] then hasHttpListener cfg.defaultListen else cfg.defaultListenAddresses != [ ];
  acmeVhostHasHttpListener =
    vhost:
    let
      vhostDecides = vhost.listen != [ ] || (cfg.defaultListen == [ ] && vhost.listenAddresses != [ ]);
      vhostHasHttpListener =
        if vhost.listen != [ ] then hasHttpListener vhost.listen else vhost.listenAddresses != [ ];
    in
    vhost.enableACME -> (if vhostDecides then vhostHasHttpListener else hasDefaultHttpListener);
in
{
  options.services.nginx = {
    enable = mkOption {
      type = types.bool;
      default = false;
      example = true;
      description = "Whether to enable the nginx web server.";
    };

    user = mkOption {
      type = types.accountName;
      default = "nginx";
      description = "User account nginx runs as (created when left at `nginx`).";
    };

    group = mkOption {
      type = types.accountName;
      default = "nginx";
      description = "Group nginx runs as (created when left at `nginx`).";
    };

    enableReload = mkOption {
      type = types.bool;
      default = false;
      description = ''
        Whether configuration changes reload nginx instead of restarting it.
      '';
    };

    package = mkOption {
      type = types.package;
      default = pkgs.nginx;
      defaultText = literalExpression "pkgs.nginx";
      description = "The nginx package to run.";
    };

    statusPage = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to serve the status page on localhost.";
    };

    clientMaxBodySize = mkOption {
      type = types.str;
      default = "10m";
      description = "Largest accepted request body (`client_max_body_size`).";
    };

    serverTokens = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to show the nginx version in headers and error pages.";
    };

    sslProtocols = mkOption {
      type = types.str;
      default = "TLSv1.2 TLSv1.3";
      description = "Allowed TLS protocol versions.";
    };

    sslCiphers = mkOption {
      type = types.nullOr types.str;
      default = null;
      description = "Allowed TLS 1.2 ciphers; nginx's defaults when null.";
    };

    sslDhparam = mkOption {
      type = types.nullOr types.path;
      default = null;
      description = "Diffie-Hellman parameters file.";
    };

    recommendedBrotliSettings = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to use recommended brotli settings.";
    };

    recommendedZstdSettings = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to use recommended zstd settings.";
    };

    eventsConfig = mkOption {
      type = types.lines;
      default = "";
      description = "Lines of the `events` block.";
    };

    appendConfig = mkOption {
      type = types.lines;
      default = "";
      description = "Lines appended to the main configuration.";
    };

    streamConfig = mkOption {
      type = types.lines;
      default = "";
      description = "Lines of the `stream` block.";
    };

    upstreams = mkOption {
      type = types.attrsOf (
        types.submodule {
          options = {
            servers = mkOption {
              type = types.attrsOf (types.attrsOf types.anything);
              default = { };
              example = {
                "127.0.0.1:8000" = { };
                "127.0.0.1:8001" = { backup = true; };
              };
              description = "Servers of the upstream with their parameters.";
            };
            extraConfig = mkOption {
              type = types.lines;
              default = "";
              description = "Lines appended to the upstream block.";
            };
          };
        }
      );
      default = { };
      description = "Upstream server groups, by name.";
    };

    defaultListen = mkOption {
      type = types.listOf (types.submodule defaultListenOptions);
      default = [ ];
      example = literalExpression ''
        [
          { addr = "192.0.2.7"; proxyProtocol = true; ssl = true; }
          { addr = "0.0.0.0"; }
        ]
      '';
      description = ''
        Listeners of every virtual host that sets no `listen` of its own; empty means the
        addresses of `defaultListenAddresses` with the default ports.
      '';
    };

    defaultListenAddresses = mkOption {
      type = types.listOf types.str;
      default = [ "0.0.0.0" "[::0]" ];
      example = [ "192.0.2.7" "[2001:db8::7]" ];
      description = "Addresses virtual hosts listen on unless they say otherwise.";
    };

    defaultHTTPListenPort = mkOption {
      type = types.port;
      default = 80;
      description = "Port of plain HTTP listeners without an explicit port.";
    };

    defaultSSLListenPort = mkOption {
      type = types.port;
      default = 443;
      description = "Port of TLS listeners without an explicit port.";
    };

    recommendedTlsSettings = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to use recommended TLS settings.";
    };

    recommendedProxySettings = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to use recommended proxy settings.";
    };

    recommendedGzipSettings = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to use recommended gzip settings.";
    };

    recommendedOptimisation = mkOption {
      type = types.bool;
      default = false;
      description = "Whether to use recommended optimisation settings.";
    };

    commonHttpConfig = mkOption {
      type = types.lines;
      default = "";
      description = "Lines added near the top of the `http` block.";
    };

    appendHttpConfig = mkOption {
      type = types.lines;
      default = "";
      description = "Lines appended to the `http` block.";
    };

    virtualHosts = mkOption {
      type = types.attrsOf (types.submodule vhostOptions);
      default = {
        localhost = { };
      };
      example = literalExpression ''
        {
          "app.example.org" = {
            forceSSL = true;
            enableACME = true;
            serverAliases = [ "www.app.example.org" ];
            locations."/".proxyPass = "http://127.0.0.1:8080";
          };
        };
      '';
      description = "Virtual hosts, by name.";
    };
  };

  config = mkIf cfg.enable {
    warnings = lib.flatten (
      lib.mapAttrsToList (
        name: vhost:
        lib.optional vhost.enableSSL ''
          services.nginx.virtualHosts."${name}".enableSSL is deprecated; use services.nginx.virtualHosts."${name}".onlySSL instead.
        ''
      ) cfg.virtualHosts
    );

    assertions = [
      {
        assertion = builtins.all (
          vhost: builtins.all (location: location.root == null || location.alias == null) (lib.attrValues vhost.locations)
        ) vhosts;
        message = "Only one of nginx root or alias can be specified on a location.";
      }
      {
        assertion = builtins.all (
          vhost: vhostAcme.countTrue [ vhost.addSSL (vhost.onlySSL || vhost.enableSSL) vhost.forceSSL vhost.rejectSSL ] <= 1
        ) vhosts;
        message = ''
          Options services.nginx.virtualHosts.<name>.addSSL,
          services.nginx.virtualHosts.<name>.onlySSL,
          services.nginx.virtualHosts.<name>.forceSSL and
          services.nginx.virtualHosts.<name>.rejectSSL are mutually exclusive.
        '';
      }
      {
        assertion = builtins.all vhostAcme.acmeConflictFree vhosts;
        message = ''
          Options services.nginx.virtualHosts.<name>.enableACME and
          services.nginx.virtualHosts.<name>.useACMEHost are mutually exclusive.
        '';
      }
      {
        # As in NixOS this also fires when the certificate uses DNS-01 (NixOS/nixpkgs#253651).
        assertion = builtins.all acmeVhostHasHttpListener vhosts;
        message = ''
          services.nginx.virtualHosts.<name>.enableACME needs a plain HTTP listener
          to answer ACME challenges.
        '';
      }
    ]
    ++ vhostAcme.ownershipAssertions vhostCertNames (map helpers.accountOf readerUnits);

    security.acme.certs = vhostAcme.certs {
      inherit vhosts;
      inherit (cfg) group;
      reloadService = "nginx.service";
    };

    configlang.certConsumers = vhostAcme.consumers {
      unit = "nginx";
      inherit (cfg) virtualHosts;
      hostNameOf = serverNameOf;
      files = [ "fullchain.pem" "key.pem" "chain.pem" ];
      optionPrefix = "services.nginx.virtualHosts";
    };

    systemd.services.nginx = {
      description = "Nginx Web Server";
      wantedBy = [ "multi-user.target" ];
      after = [ "network.target" ] ++ vhostAcme.acmeUnits vhostCertNames;
      wants = vhostAcme.acmeUnits vhostCertNames;
      serviceConfig = {
        User = cfg.user;
        Group = cfg.group;
      };
    };

    # Reloads nginx once certificates change; runs as root.
    systemd.services.nginx-config-reload = mkIf (cfg.enableReload || vhostCertNames != [ ]) {
      description = "Reload nginx after configuration or certificate changes";
      serviceConfig.Type = "oneshot";
    };

    users = serviceAccount {
      name = "nginx";
      inherit (cfg) user group;
    };
  };
}
