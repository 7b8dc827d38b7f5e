# lib.cli: attribute sets as command-line arguments (`{ v = true; o = "x"; }` as `-v -ox`).
{ lib }:
let
  b = builtins;
in
rec {
  # GNU style: one-letter names are short options (`-ofile`), longer ones long (`--out=file`);
  # true is the bare option, false and null leave it out, a list repeats it.
  toCommandLineGNU =
    { isLong ? name: b.stringLength name > 1
    , explicitBool ? false
    , formatArg ? lib.generators.mkValueStringDefault { }
    }:
    toCommandLine (name: {
      option = if isLong name then "--${name}" else "-${name}";
      sep = if isLong name then "=" else "";
      inherit explicitBool formatArg;
    });

  toCommandLineShellGNU = options: attrs: lib.escapeShellArgs (toCommandLineGNU options attrs);

  # `optionFormat name` gives { option; sep; explicitBool; formatArg; } for that name; a null
  # `sep` puts the argument in a word of its own.
  toCommandLine = optionFormat: attrs:
    let
      render = { option, sep, explicitBool, formatArg ? lib.generators.mkValueStringDefault { } }: v:
        if v == null || (!explicitBool && v == false) then [ ]
        else if !explicitBool && v == true then [ option ]
        else if sep != null then [ "${option}${sep}${formatArg v}" ]
        else [ option (formatArg v) ];
      pair = name: v:
        if name == "" then b.throw "lib.cli.toCommandLine only accepts non-empty option names."
        else if b.isList v then b.concatMap (render (optionFormat name)) v
        else render (optionFormat name) v;
    in
    b.concatLists (lib.mapAttrsToList pair attrs);

  toCommandLineShell = optionFormat: attrs: lib.escapeShellArgs (toCommandLine optionFormat attrs);
}
