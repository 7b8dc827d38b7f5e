{
sslCertDir =
config.security.acme.certs.${domainName}.directory;
}
