# The wiki's Let's Encrypt staging setting, verbatim, with an nginx vhost that obtains its own
# certificate (enableACME): staging certificates are not trusted by browsers, but the rate
# limits are far looser, so try a new setup here first.
{ config, pkgs, lib, ... }:
{
  imports = [
    # The wiki's line, verbatim.
    {
      security.acme.defaults.server = "https://acme-staging-v02.api.letsencrypt.org/directory";
    }
  ];

  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
  };

  networking.firewall.allowedTCPPorts = [ 80 443 ];
  services.nginx = {
    enable = true;
    virtualHosts."test.example.org" = {
      forceSSL = true;
      enableACME = true;
    };
  };
}
