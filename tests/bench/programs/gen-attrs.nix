# genAttrs over 100,000 names, then listToAttrs over the result's names and a sum over it:
# building and reading large attribute sets by name. nixpkgs' genAttrs, written here.
let
  genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names);
  names = builtins.genList (i: "name${toString i}") 100000;
  lengths = genAttrs names builtins.stringLength;
  renamed = builtins.listToAttrs (map (n: { name = "x-${n}"; value = lengths.${n} * 2; }) (builtins.attrNames lengths));
in {
  count = builtins.length (builtins.attrNames renamed);
  sum = builtins.foldl' (acc: n: acc + renamed.${n}) 0 (builtins.attrNames renamed);
  first = builtins.head (builtins.attrNames renamed);
}
