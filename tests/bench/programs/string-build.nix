# A 1,000,000-piece string: each piece an interpolation, joined with concatStringsSep (what
# configuration files rendered from options do, at scale).
let
  line = i: "server${toString i}.example.org:${toString (8000 + i - i / 1000 * 1000)} weight=${toString (i - i / 10 * 10)}";
  text = builtins.concatStringsSep "\n" (builtins.genList line 1000000);
in {
  length = builtins.stringLength text;
  head = builtins.substring 0 60 text;
  tail = builtins.substring (builtins.stringLength text - 40) 40 text;
}
