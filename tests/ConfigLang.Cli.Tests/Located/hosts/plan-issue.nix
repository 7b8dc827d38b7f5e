# A plan issue (the planner's own check): renewInterval is no systemd calendar expression;
# the other certificate inherits a valid one from defaults.
{ ... }:
{
  security.acme = {
    acceptTerms = true;
    defaults.email = "admin@example.org";
    defaults.listenHTTP = ":80";
    defaults.renewInterval = "weekly";
    certs."example.org" = { };
    certs."www.example.org".renewInterval = "every tuesday";
  };
  networking.firewall.allowedTCPPorts = [ 80 ];
}
