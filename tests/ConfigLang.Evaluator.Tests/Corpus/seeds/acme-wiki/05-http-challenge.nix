{
security.acme = {
defaults.webroot = "/var/lib/acme/acme-challenge/";
# We are using nginx as webserver, therefore set correct key permissions
certs."${domainName}".group = config.services.nginx.group;
};
# for acme plain http challenge
networking.firewall.allowedTCPPorts = [ 80 ];
# webserver for http challenge
services.nginx = {
enable = true;
virtualHosts."${domainName}" = {
forceSSL = true;
useACMEHost = "${domainName}";
locations."/.well-known/".root = "/var/lib/acme/acme-challenge/";
};
};
}
