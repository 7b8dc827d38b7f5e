# nixpkgs' shape: a package set built as the fixed point of a base function and a chain of
# 100 overlays (`lib.fix` + `lib.extends`), each overriding 20 of the 1,000 attributes with
# values that read the final set (`self`) and the previous layer (`super`). The lib functions
# are written here as nixpkgs writes them, so both evaluators run the same code.
let
  mod = a: b: a - a / b * b;
  fix = f: let x = f x; in x;
  extends = overlay: f: (self: let super = f self; in super // overlay self super);
  composeExtensions = f: g: self: super:
    let fApplied = f self super; superWithF = super // fApplied;
    in fApplied // g self superWithF;
  names = builtins.genList (i: "pkg${toString i}") 1000;
  base = self: builtins.listToAttrs (map (name: {
    inherit name;
    value = { inherit name; version = builtins.stringLength name; deps = [ ]; };
  }) names);
  overlay = layer: self: super: builtins.listToAttrs (builtins.genList (k:
    let name = "pkg${toString (mod (layer * 37 + k * 53) 1000)}";
        next = "pkg${toString (mod (layer * 11 + k * 7 + 1) 1000)}";
    in {
      inherit name;
      value = super.${name} // {
        version = super.${name}.version + 1;
        deps = super.${name}.deps ++ [ self.${next}.name ];
        layer = layer;
      };
    }) 20);
  overlays = builtins.genList overlay 100;
  composed = builtins.foldl' composeExtensions (self: super: { }) overlays;
  pkgs = fix (extends composed base);
in
builtins.deepSeq pkgs {
  count = builtins.length (builtins.attrNames pkgs);
  versions = builtins.foldl' (sum: name: sum + pkgs.${name}.version) 0 names;
  deps = builtins.foldl' (sum: name: sum + builtins.length pkgs.${name}.deps) 0 names;
  last = pkgs.pkg999.version;
}
