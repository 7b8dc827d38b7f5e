{
sslServerCert = "/var/host.cert";
sslServerChain = "/var/ca.pem";
sslServerKey = "/var/host.key";
}
