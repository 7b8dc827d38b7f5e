# lib.generators, as far as ConfigLang's own code and the module checks use it.
{ lib }:
let
  b = builtins;
in
{
  # A value as one command-line or configuration-file word: strings as they are, numbers and
  # booleans spelt out; lists, sets and functions have no single spelling and abort.
  mkValueStringDefault = { }: v:
    let unsupported = what: b.abort "generators.mkValueStringDefault: ${what} not supported";
    in
    if b.isInt v then b.toString v
    else if lib.isDerivation v then b.toString v
    else if b.isString v then v
    else if v == true then "true"
    else if v == false then "false"
    else if v == null then "null"
    else if b.isList v then unsupported "lists"
    else if b.isAttrs v then unsupported "attrsets"
    else if b.isFunction v then unsupported "functions"
    else if b.isFloat v then b.toString v
    else b.toString v;
}
