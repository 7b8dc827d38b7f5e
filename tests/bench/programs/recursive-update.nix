# `foldl' recursiveUpdate { }` over 10,000 small nested sets, the way configurations merge
# host fragments (into 50 hosts, 20 services, 40 users, so the result stays small); nixpkgs' recursiveUpdate (recursiveUpdateUntil over zipAttrsWith), written
# here so both evaluators run the same code.
let
  recursiveUpdateUntil = pred: lhs: rhs:
    let f = attrPath:
      builtins.zipAttrsWith (n: values:
        let here = attrPath ++ [ n ]; in
        if builtins.length values == 1
          || pred here (builtins.elemAt values 1) (builtins.head values)
        then builtins.head values
        else f here values);
    in f [ ] [ rhs lhs ];
  recursiveUpdate = recursiveUpdateUntil (path: lhs: rhs: !(builtins.isAttrs lhs && builtins.isAttrs rhs));
  fragment = i: {
    networking.hosts."10.0.0.${toString (i - i / 50 * 50)}" = [ "host${toString i}" ];
    services."svc${toString (i - i / 20 * 20)}" = { enable = true; port = 8000 + i; };
    users.users."user${toString (i - i / 40 * 40)}" = { uid = 1000 + i; groups = [ "g${toString (i - i / 7 * 7)}" ]; };
  };
  merged = builtins.foldl' (acc: i: recursiveUpdate acc (fragment i)) { } (builtins.genList (i: i) 10000);
in
builtins.deepSeq merged {
  hosts = builtins.length (builtins.attrNames merged.networking.hosts);
  services = builtins.length (builtins.attrNames merged.services);
  users = builtins.length (builtins.attrNames merged.users.users);
  port = merged.services.svc7.port;
  uid = merged.users.users.user12.uid;
  host = builtins.head merged.networking.hosts."10.0.0.7";
}
