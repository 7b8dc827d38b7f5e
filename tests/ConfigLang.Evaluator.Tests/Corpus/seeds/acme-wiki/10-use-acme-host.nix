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
