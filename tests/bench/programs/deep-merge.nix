# What the module system does most: merge many small nested attribute sets (one per "module")
# into one, recursively, with zipAttrsWith. 3,000 modules each define a certificate and a
# virtual host; the result is forced completely and summarised.
let
  module = i:
    let name = "host${toString i}.example.org"; in
    {
      security.acme.certs.${name} = { domain = name; group = "nginx"; extraDomainNames = [ "www.${name}" ]; };
      services.nginx.virtualHosts.${name} = { enableACME = true; forceSSL = true; root = "/var/www/${toString i}"; };
      users.groups.nginx.members = [ "acme" ];
    };
  mergeAll = sets:
    builtins.zipAttrsWith
      (name: values:
        if builtins.all builtins.isAttrs values then mergeAll values
        else if builtins.all builtins.isList values then builtins.concatLists values
        else builtins.head values)
      sets;
  merged = mergeAll (builtins.genList module 3000);
in
builtins.deepSeq merged {
  certs = builtins.length (builtins.attrNames merged.security.acme.certs);
  hosts = builtins.length (builtins.attrNames merged.services.nginx.virtualHosts);
  members = builtins.length merged.users.groups.nginx.members;
}
