# lib.fileset, as far as the module checks use it: file sets made of paths, combined and listed.
# A file set is `{ _type = "fileset"; _files = [ PATH … ]; }`, the regular files it holds
# (symlinks included, as nixpkgs counts them), sorted and without duplicates. Copying a file set
# into the store (toSource) needs a store, which ConfigLang has none of.
{ lib }:
let
  b = builtins;

  make = files: { _type = "fileset"; _files = files; };

  # The files under a path: a file is itself, a directory every file below it.
  filesOf = path: filesOfType path (b.readDir (b.dirOf path)).${b.baseNameOf path};
  filesOfType = path: type:
    if type == "directory" then
      b.concatLists (lib.mapAttrsToList (name: type': filesOfType (path + "/${name}") type') (b.readDir path))
    else [ path ];

  coerce = context: value:
    if isFileset value then value
    else if !(b.isPath value) then
      b.throw "lib.fileset.${context}: Expected a file set or a path, but got ${b.typeOf value} instead."
    else if !(b.pathExists value) then
      b.throw "lib.fileset.${context}: ${b.toString value} does not exist."
    else make (b.sort (x: y: b.toString x < b.toString y) (filesOf value));

  isFileset = value: b.isAttrs value && value._type or null == "fileset";
in
rec {
  inherit isFileset;

  empty = make [ ];

  unions = list:
    if !(b.isList list) then b.throw "lib.fileset.unions: Expected a list, but got ${b.typeOf list} instead."
    else
      let
        files = b.concatMap (value: (coerce "unions" value)._files) list;
        byName = b.listToAttrs (map (path: { name = b.toString path; value = path; }) files);
      in
      make (b.attrValues byName);

  union = first: second: unions [ first second ];

  toList = value: (coerce "toList" value)._files;
}
