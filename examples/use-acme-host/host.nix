# The wiki's useACMEHost example, verbatim: one certificate shared by syncplay, reposilite and
# an nginx vhost. The rest makes it complete: terms, e-mail, a DNS-01 challenge (one order
# covers names served by different programs), TLS switched on where it is not implied, and
# read access for the services that read the key as themselves.
{ config, pkgs, lib, ... }:
{
  imports = [
    # The wiki's snippet, verbatim.
    {
      security.acme.certs."example.org".extraDomainNames = [
        "syncplay.example.org"
        "reposilite.example.org"
        "site2.example.org"
      ];
      services.syncplay.useACMEHost = "example.org";
      services.reposilite.useACMEHost = "example.org";
      services.nginx.virtualHosts."site2.example.org".useACMEHost = "example.org";
    }
  ];

  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    certs."example.org" = {
      dnsProvider = "cloudflare";
      credentialFiles."CLOUDFLARE_DNS_API_TOKEN_FILE" = "/run/secrets/cloudflare-dns-api-token";
    };
  };

  services.syncplay.enable = true; # reads the files through systemd credentials (as root)
  services.reposilite = {
    enable = true;
    settings.sslEnabled = true;
  };
  services.nginx = {
    enable = true;
    virtualHosts."site2.example.org".forceSSL = true;
  };

  # The certificate keeps its default group `acme`; nginx and reposilite join it.
  users.users.nginx.extraGroups = [ "acme" ];
  users.users.reposilite.extraGroups = [ "acme" ];

  networking.firewall.allowedTCPPorts = [ 80 443 8999 ];
}
