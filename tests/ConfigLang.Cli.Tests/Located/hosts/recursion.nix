# An infinite recursion through the user's options: the error points at the definition here.
{ config, ... }:
{
  security.acme.acceptTerms = true;
  security.acme.defaults.email = config.security.acme.certs."example.org".email;
  security.acme.certs."example.org".listenHTTP = ":80";
}
