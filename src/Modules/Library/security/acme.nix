# `security.acme`: certificates obtained and renewed over ACME, with the option names, types,
# defaults and checks of NixOS's module, so host configurations written for NixOS evaluate
# unchanged. This file only declares and checks; ConfigLang's planner and executor (C#) read
# the merged `security.acme.certs` and do the work that NixOS's systemd units do.
#
# Inheritance: every option of `security.acme.defaults` also exists per certificate, and the
# certificate's option *default* is the value in `defaults` (or the hard default when the
# certificate sets `inheritDefaults = false`). Being a default (priority 1500), any definition
# on the certificate replaces it whole: lists are not concatenated with `defaults`.
#
# Extensions over NixOS (marked "ConfigLang" below): `listenTLS` (TLS-ALPN-01 with its own
# listener) and `eab.{kid,hmacFile}` (external account binding).
{ config, lib, ... }:
let
  inherit (lib) mkOption types literalExpression;

  cfg = config.security.acme;

  letsEncryptProduction = "https://acme-v02.api.letsencrypt.org/directory";

  # The DNS providers rebuild implements (one list, shared with the CLI's check against them).
  dnsProviders = import ./acme-dns-providers.nix;

  # Hidden legacy options default to these strings, so a definition is recognisable.
  removedSentinel = "_mkRemovedOptionModule";
  mergedSentinel = "_mkMergedOptionModule";

  # The options of `security.acme.defaults` (isDefaults = true) and of each
  # `security.acme.certs.<name>` (isDefaults = false).
  inheritableModule =
    isDefaults:
    { config, ... }:
    let
      # `default` for an inheritable option at `path` (a list of attribute names below
      # `defaults`), and the `defaultText` that documents it.
      inherited =
        path: hardDefault:
        {
          default =
            if isDefaults || !config.inheritDefaults then
              hardDefault
            else
              builtins.foldl' (attrs: key: attrs.${key}) cfg.defaults path;
        }
        // lib.optionalAttrs (!isDefaults) {
          defaultText = literalExpression "config.security.acme.defaults.${lib.concatStringsSep "." path}";
        };

      option = name: hardDefault: attrs: mkOption (attrs // inherited [ name ] hardDefault);
    in
    {
      imports = [ (lib.mkRenamedOptionModule [ "credentialsFile" ] [ "environmentFile" ]) ];

      options = {
        validMinDays = option "validMinDays" 30 {
          type = types.int;
          description = "Renew the certificate once this many days or fewer of validity remain.";
        };

        renewInterval = option "renewInterval" "daily" {
          type = types.str;
          description = ''
            When to check whether renewal is due, as a systemd calendar expression (see
            systemd.time(7)).
          '';
        };

        enableDebugLogs = option "enableDebugLogs" true {
          type = types.bool;
          example = true;
          description = "Whether to enable debug logging for this certificate.";
        };

        # ConfigLang: NixOS types webroot, csr and csrKey as strings; they are paths that rebuild
        # writes or reads as root, so a value that is no absolute path (empty, relative, holding
        # a NUL) is refused at its definition instead of at run time.
        webroot = option "webroot" null {
          type = types.nullOr types.path;
          example = "/var/lib/acme/acme-challenge";
          description = ''
            Directory served as the web root of the domain over plain HTTP (HTTP-01 challenge).
            The challenge files are written to `.well-known/acme-challenge/` below it, which
            must be reachable at `http://<domain>/.well-known/acme-challenge/`.
          '';
        };

        server = option "server" letsEncryptProduction {
          type = types.nullOr types.str;
          example = "https://acme-staging-v02.api.letsencrypt.org/directory";
          description = ''
            ACME directory URL of the certificate authority; Let's Encrypt's production
            endpoint unless set. Test against Let's Encrypt's staging endpoint, whose rate
            limits are far looser. `null` leaves the choice to the ACME client.
          '';
        };

        email = option "email" null {
          type = types.nullOr types.str;
          description = ''
            Contact address for the account at the certificate authority. Use the same
            address for all certificates: every distinct address is a separate account, and
            accounts are rate limited.
          '';
        };

        # ConfigLang: NixOS takes any string; the group is written to /etc/group by rebuild.
        group = option "group" "acme" {
          type = types.accountName;
          description = ''
            Group owning the certificate files. Services read a key through this group, so set
            it to the group of the service that uses the certificate (or add that service's
            user to it).
          '';
        };

        reloadServices = option "reloadServices" [ ] {
          type = types.listOf types.str;
          description = ''
            systemd services to reload (or restart, when they cannot reload) after a new
            certificate was installed.
          '';
        };

        postRun = option "postRun" "" {
          type = types.lines;
          example = "cp full.pem backup.pem";
          description = ''
            Shell commands run as root in the certificate directory after a new certificate
            was installed.
          '';
        };

        keyType = option "keyType" "ec256" {
          type = types.str;
          description = ''
            Type of the private key: `ec256`, `ec384`, `rsa2048`, `rsa3072`, `rsa4096` or
            `rsa8192`.
          '';
        };

        listenHTTP = option "listenHTTP" null {
          type = types.nullOr types.str;
          example = ":1360";
          description = ''
            Answer HTTP-01 challenges with a listener of the ACME client on this address,
            `[INTERFACE]:PORT`. Port 80 must reach it (directly or through a proxy).
          '';
        };

        # ConfigLang extension.
        listenTLS = option "listenTLS" null {
          type = types.nullOr types.str;
          example = ":443";
          description = ''
            Answer TLS-ALPN-01 challenges with a listener of the ACME client on this address,
            `[INTERFACE]:PORT`. Port 443 must reach it, so nothing else may hold that port while
            a certificate is obtained. (ConfigLang extension; NixOS has no such option.)
          '';
        };

        # ConfigLang: NixOS takes any string and lego fails at renewal on an unknown one; here
        # only the providers rebuild implements are accepted, so a typo or a provider
        # ConfigLang lacks fails at its definition (lint, preview) instead of in production.
        dnsProvider = option "dnsProvider" null {
          type = types.nullOr (
            types.enumWith {
              values = dnsProviders;
              listedBy = "configlang options security.acme.defaults.dnsProvider";
            }
          );
          example = "cloudflare";
          description = ''
            DNS provider used for the DNS-01 challenge, by its lego code (see
            <https://go-acme.github.io/lego/dns/>): one of ${
              lib.concatMapStringsSep ", " (name: "`${name}`") dnsProviders
            }. DNS-01 is the only challenge that can validate wildcard names.
          '';
        };

        dnsResolver = option "dnsResolver" null {
          type = types.nullOr types.str;
          example = "1.1.1.1:53";
          description = ''
            Resolver (`host:port`) used to check that the challenge record is visible; the
            system resolvers when unset.
          '';
        };

        environmentFile = option "environmentFile" null {
          type = types.nullOr types.path;
          example = "/var/src/secrets/example.org-route53-api-token";
          description = ''
            File of `NAME=value` lines with the variables the DNS provider needs (credentials
            among them). Keep it out of the world-readable store.
          '';
        };

        credentialFiles = option "credentialFiles" { } {
          type = types.attrsOf types.path;
          example = literalExpression ''
            {
              "RFC2136_TSIG_SECRET_FILE" = "/run/secrets/tsig-secret-example.org";
            }
          '';
          description = ''
            Provider variables whose value is read from a file: each name must end in `_FILE`
            and maps to the file holding the value. The files are handed to the ACME client
            as systemd credentials.
          '';
        };

        dnsPropagationCheck = option "dnsPropagationCheck" true {
          type = types.bool;
          description = ''
            Whether to wait until the authoritative name servers serve the challenge record
            before asking the certificate authority to validate it.
          '';
        };

        ocspMustStaple = option "ocspMustStaple" false {
          type = types.bool;
          description = ''
            Whether to request the OCSP Must-Staple extension. Only for servers that staple
            OCSP responses reliably.
          '';
        };

        profile = option "profile" null {
          type = types.nullOr types.str;
          description = "Certificate profile to request, when the certificate authority offers several.";
        };

        extraLegoFlags = option "extraLegoFlags" [ ] {
          type = types.listOf types.str;
          description = "Extra arguments for every lego command.";
        };

        extraLegoRenewFlags = option "extraLegoRenewFlags" [ ] {
          type = types.listOf types.str;
          description = "Extra arguments for `lego renew`.";
        };

        extraLegoRunFlags = option "extraLegoRunFlags" [ ] {
          type = types.listOf types.str;
          description = "Extra arguments for `lego run`.";
        };

        # ConfigLang extension: external account binding, which some certificate authorities
        # (ZeroSSL, Google Trust Services, many private ones) require to open an account.
        eab = {
          kid = mkOption (
            {
              type = types.nullOr types.str;
              description = ''
                Key identifier for external account binding, as issued by the certificate
                authority. Set together with `eab.hmacFile`. (ConfigLang extension.)
              '';
            }
            // inherited [ "eab" "kid" ] null
          );

          hmacFile = mkOption (
            {
              type = types.nullOr types.path;
              description = ''
                File holding the base64url-encoded HMAC key for external account binding.
                Set together with `eab.kid`. (ConfigLang extension.)
              '';
            }
            // inherited [ "eab" "hmacFile" ] null
          );
        };
      };
    };

  # Options that exist only per certificate.
  certOptions =
    { name, ... }:
    {
      options = {
        # Removed: the owner is always the acme user (or root with useRoot).
        user = mkOption {
          type = types.anything;
          visible = false;
          default = removedSentinel;
        };

        # Removed: the cert group can always read everything.
        allowKeysForGroup = mkOption {
          type = types.anything;
          visible = false;
          default = removedSentinel;
        };

        # Replaced by extraDomainNames; names are still used, with a warning.
        extraDomains = mkOption {
          type = types.anything;
          visible = false;
          default = mergedSentinel;
        };

        directory = mkOption {
          type = types.str;
          readOnly = true;
          default = "/var/lib/acme/${name}";
          defaultText = literalExpression ''"/var/lib/acme/''${name}"'';
          description = ''
            Directory holding `fullchain.pem`, `key.pem`, `chain.pem`, `cert.pem` and
            `full.pem` of this certificate; services take their paths from here.
          '';
        };

        domain = mkOption {
          type = types.str;
          default = name;
          defaultText = literalExpression "name";
          description = ''
            Primary domain of the certificate; the attribute name unless set. A wildcard
            (`*.example.org`) goes here, never into the attribute name.
          '';
        };

        extraDomainNames = mkOption {
          type = types.listOf types.str;
          default = [ ];
          example = literalExpression ''
            [
              "example.org"
              "mydomain.org"
            ]
          '';
          description = "Further names (subject alternative names) the certificate covers.";
        };

        s3Bucket = mkOption {
          type = types.nullOr types.str;
          default = null;
          example = "acme";
          description = ''
            Answer HTTP-01 challenges by writing the challenge files into this S3 bucket.
          '';
        };

        csr = mkOption {
          type = types.nullOr types.path;
          default = null;
          description = ''
            Path of a certificate signing request to submit instead of generating a key.
            Needs `csrKey`.
          '';
        };

        csrKey = mkOption {
          type = types.nullOr types.path;
          default = null;
          description = "Path of the private key belonging to `csr`.";
        };

        inheritDefaults = mkOption {
          type = types.bool;
          default = true;
          example = true;
          description = "Whether unset options of this certificate take their value from `security.acme.defaults`.";
        };
      };
    };

  certList = lib.attrValues cfg.certs;

  # `security.acme.certs."<name>".<option>`, quoted so dotted names stay readable.
  certOption = name: option: "security.acme.certs.\"${name}\".${option}";

  # A small rendering of an attribute set of scalars for messages.
  showScalar = value: if value == null then "null" else builtins.toJSON value;
  showAttrs =
    attrs:
    "{\n" + lib.concatStringsSep "" (lib.mapAttrsToList (n: v: "  ${n} = ${showScalar v};\n") attrs) + "}";

  challengeOptionNames = [ "dnsProvider" "webroot" "listenHTTP" "listenTLS" "s3Bucket" ];

  perCertAssertions =
    name: data:
    let
      challengeValues = lib.genAttrs challengeOptionNames (option: data.${option});
      chosenChallenges = builtins.filter (value: value != null) (lib.attrValues challengeValues);
    in
    [
      {
        # A3
        assertion = data.user == removedSentinel;
        message = ''
          The option definition `${certOption name "user"}' no longer has any effect; please remove it.
          Certificate files are always owned by the "acme" user. To let another user read them,
          add that user to the "acme" group or change `${certOption name "group"}'.
        '';
      }
      {
        # A4
        assertion = data.allowKeysForGroup == removedSentinel;
        message = ''
          The option definition `${certOption name "allowKeysForGroup"}' no longer has any effect; please remove it.
          The certificate group can always read all certificate files; if that is not wanted,
          set `${certOption name "group"}' to a group nobody else is in.
        '';
      }
      {
        # A5
        assertion = builtins.match ".*[*].*" name == null;
        message =
          let
            stripped = builtins.match "[*][.](.*)" name;
            suggestedName = if stripped == null then "<name>" else builtins.head stripped;
          in
          ''
            The name of `security.acme.certs."${name}"' cannot contain a * character.
            Put the wildcard into the certificate's domain instead and use a name without it,
            for example `${certOption suggestedName "domain"} = "${name}";'.
          '';
      }
      {
        # A6 (listenTLS is a ConfigLang addition to NixOS's four options)
        assertion = builtins.length chosenChallenges == 1;
        message = ''
          Exactly one of the options
          `${certOption name "dnsProvider"}`,
          `${certOption name "webroot"}`,
          `${certOption name "listenHTTP"}`,
          `${certOption name "listenTLS"}` and
          `${certOption name "s3Bucket"}`
          is required.
          Current values: ${showAttrs challengeValues}.
        '';
      }
      {
        # A7
        assertion = builtins.all (lib.hasSuffix "_FILE") (builtins.attrNames data.credentialFiles);
        message = ''
          Option `${certOption name "credentialFiles"}` can only hold variables whose name ends
          in "_FILE".
        '';
      }
      {
        # A8. NixOS evaluates this condition over all certificates at once, so one bad
        # certificate fails the assertion of every certificate; here each certificate answers
        # for itself.
        assertion = (data.csr == null) == (data.csrKey == null);
        message = ''
          When passing a certificate signing request both `${certOption name "csr"}` and `${certOption name "csrKey"}` need to be set.
        '';
      }
      {
        # ConfigLang: external account binding needs both halves.
        assertion = (data.eab.kid == null) == (data.eab.hmacFile == null);
        message = ''
          External account binding needs both `${certOption name "eab.kid"}` and
          `${certOption name "eab.hmacFile"}`; only one of them is set.
        '';
      }
    ];
in
{
  imports = [
    (lib.mkRemovedOptionModule [ "security" "acme" "production" ] ''
      Set security.acme.defaults.server to the ACME directory you want instead; for Let's
      Encrypt's staging environment that is
      "https://acme-staging-v02.api.letsencrypt.org/directory".
    '')
    (lib.mkRemovedOptionModule [ "security" "acme" "directory" ]
      "Certificates are always stored below /var/lib/acme, whose permissions are managed for you. See https://github.com/NixOS/nixpkgs/issues/53852."
    )
    (lib.mkRemovedOptionModule [ "security" "acme" "preDelay" ]
      "To run something before certificates are obtained, order your service Before= acme-<cert>.service and make it RequiredBy= that unit."
    )
    (lib.mkRemovedOptionModule [ "security" "acme" "activationDelay" ]
      "To run something before certificates are obtained, order your service Before= acme-<cert>.service and make it RequiredBy= that unit."
    )
    (lib.mkRemovedOptionModule [ "security" "acme" "preliminarySelfsigned" ]
      "A self-signed placeholder certificate is now always installed before the first real one."
    )
    (lib.mkRenamedOptionModule [ "security" "acme" "validMinDays" ] [ "security" "acme" "defaults" "validMinDays" ])
    (lib.mkRenamedOptionModule [ "security" "acme" "renewInterval" ] [ "security" "acme" "defaults" "renewInterval" ])
    (lib.mkRenamedOptionModule [ "security" "acme" "email" ] [ "security" "acme" "defaults" "email" ])
    (lib.mkRenamedOptionModule [ "security" "acme" "server" ] [ "security" "acme" "defaults" "server" ])
    (lib.mkRenamedOptionModule [ "security" "acme" "enableDebugLogs" ] [ "security" "acme" "defaults" "enableDebugLogs" ])
  ];

  options.security.acme = {
    acceptTerms = mkOption {
      type = types.bool;
      default = false;
      description = ''
        Accept the terms of service of the certificate authority. For Let's Encrypt, the
        default, they are at <https://letsencrypt.org/repository/>.
      '';
    };

    useRoot = mkOption {
      type = types.bool;
      default = false;
      description = ''
        Whether certificates are obtained and owned by root instead of the `acme` user.
        Discouraged; meant as a last resort for services that insist on root-owned keys.
      '';
    };

    defaults = mkOption {
      type = types.submodule (inheritableModule true);
      default = { };
      description = ''
        Values every certificate inherits unless it sets its own (or sets
        `inheritDefaults = false`).
      '';
    };

    certs = mkOption {
      # ConfigLang: NixOS takes any name (`attrsOf`); a name that is not one file name would
      # send the certificate's directory elsewhere, so it is refused where it is written.
      type = types.attrsWith {
        nameType = types.fileName;
        elemType = types.submodule {
          imports = [
            (inheritableModule false)
            certOptions
          ];
        };
      };
      default = { };
      example = literalExpression ''
        {
          "example.org" = {
            webroot = "/var/lib/acme/acme-challenge";
            extraDomainNames = [ "www.example.org" ];
          };
          "wildcard.example.org" = {
            domain = "*.example.org";
            dnsProvider = "cloudflare";
            credentialFiles."CLOUDFLARE_DNS_API_TOKEN_FILE" = "/run/secrets/cloudflare-token";
          };
        }
      '';
      description = ''
        Certificates to obtain and keep renewed. The attribute name names the certificate
        (its directory is /var/lib/acme/<name>) and is its primary domain unless `domain`
        says otherwise. It must be one file name: 1 to 255 bytes of UTF-8 without `/` or
        NUL, not starting with `.`.
      '';
    };

    maxConcurrentRenewals = mkOption {
      type = types.int;
      default = 5;
      description = ''
        How many certificates may be obtained or renewed at the same time; the others wait.
        `0` means no limit.
      '';
    };

    # Moved to `defaults.validMinDays` with a change of unit (seconds to days), so it cannot be
    # a plain rename.
    validMin = mkOption {
      type = types.nullOr types.int;
      visible = false;
      default = null;
      description = "Replaced by `security.acme.defaults.validMinDays` (in days).";
    };
  };

  config = lib.mkMerge [
    (lib.mkIf (cfg.validMin != null) {
      security.acme.defaults.validMinDays = cfg.validMin / (24 * 3600);
      warnings = [
        "The option `security.acme.validMin' has been changed to `security.acme.defaults.validMinDays' that has a different type (days instead of seconds). Please read the documentation of `security.acme.defaults.validMinDays' and update your configuration accordingly."
      ];
    })

    (lib.mkIf (cfg.certs != { }) {
      warnings = builtins.concatLists (
        lib.mapAttrsToList (
          name: data:
          lib.optional (data.extraDomains != mergedSentinel) ''
            The option definition `${certOption name "extraDomains"}' has changed to
            `${certOption name "extraDomainNames"}', a list of strings. Per-domain web roots
            are no longer possible; use one certificate per web root instead.
          ''
        ) cfg.certs
      );

      assertions = [
        {
          # A1
          assertion = cfg.defaults.email != null || builtins.all (data: data.email != null) certList;
          message = ''
            You must set `security.acme.certs.<name>.email` or `security.acme.defaults.email`
            to register an account with the certificate authority. Prefer one address for all
            certificates: many different addresses can run into account rate limits.
          '';
        }
        {
          # A2
          assertion = cfg.acceptTerms;
          message = ''
            You must accept the certificate authority's terms of service before using ACME, by
            setting `security.acme.acceptTerms` to `true`. Let's Encrypt's terms are at
            https://letsencrypt.org/repository/
          '';
        }
      ]
      ++ builtins.concatLists (lib.mapAttrsToList perCertAssertions cfg.certs);

      users.users.acme = {
        home = "/var/lib/acme";
        homeMode = "755";
        group = "acme";
        isSystemUser = true;
      };

      users.groups.acme = { };
    })
  ];
}
