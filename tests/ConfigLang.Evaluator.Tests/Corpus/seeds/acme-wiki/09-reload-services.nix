{
security.acme.certs.${domainName}.reloadServices = [
"prosody"
"coturn"
"nginx"
"dovecot2"
"postfix"
];
}
