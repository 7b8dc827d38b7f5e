# The wiki's "Setting file permission with postRun" and "Reload services after renewal"
# snippets, verbatim: one certificate (obtained by nginx's enableACME) used by nginx, coturn,
# prosody, dovecot2 and postfix. nginx reads it through the certificate's group (`nginx`, set
# by enableACME); the others get read access through ACLs that postRun sets after each
# renewal, and every service reloads. The NixOS ownership check does not understand ACLs
# (NixOS/nixpkgs#208802), which is why nginx keeps the group.
{ config, pkgs, lib, ... }:
let
  domainName = "example.org";
  certDir = config.security.acme.certs.${domainName}.directory;
in
{
  imports = [
    # The wiki's two snippets, verbatim (one module each: Nix cannot merge two paths through
    # the same dynamic attribute name in one attribute set).
    {
      security.acme.certs.${domainName}.postRun = ''
        # set permission on dir
        ${pkgs.acl}/bin/setfacl -m \
        u:nginx:rx,u:turnserver:rx,u:prosody:rx,u:dovecot2:rx,u:postfix:rx \
        /var/lib/acme/${domainName}
        # set permission on key file
        ${pkgs.acl}/bin/setfacl -m \
        u:nginx:r,u:turnserver:r,u:prosody:r,u:dovecot2:r,u:postfix:r \
        /var/lib/acme/${domainName}/*.pem
      '';
    }
    {
      security.acme.certs.${domainName}.reloadServices = [
        "prosody"
        "coturn"
        "nginx"
        "dovecot2"
        "postfix"
      ];
    }
  ];

  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@${domainName}";
  };

  networking.firewall.allowedTCPPorts = [ 25 80 443 993 5222 5349 ];

  services.nginx = {
    enable = true;
    virtualHosts.${domainName} = {
      forceSSL = true;
      enableACME = true;
    };
  };

  services.coturn = {
    enable = true;
    realm = domainName;
    cert = "${certDir}/full.pem";
    pkey = "${certDir}/key.pem";
  };

  services.prosody = {
    enable = true;
    ssl = {
      cert = "${certDir}/fullchain.pem";
      key = "${certDir}/key.pem";
    };
  };

  services.dovecot2 = {
    enable = true;
    sslServerCert = "${certDir}/fullchain.pem";
    sslServerKey = "${certDir}/key.pem";
  };

  services.postfix = {
    enable = true;
    sslCert = "${certDir}/fullchain.pem";
    sslKey = "${certDir}/key.pem";
  };
}
