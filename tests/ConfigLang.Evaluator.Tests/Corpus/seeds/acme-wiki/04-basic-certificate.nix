let
domainName = "example.org";
in
{
security.acme = {
acceptTerms = true;
defaults.email = "admin@${domainName}";
certs = {
"${domainName}" = {
group = config.services.nginx.group;
extraDomainNames = [
"mail.${domainName}"
"www.${domainName}"
];
};
};
};
}
