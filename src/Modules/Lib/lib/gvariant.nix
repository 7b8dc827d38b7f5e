# lib.gvariant: values in GVariant's text format (what dconf settings are written in), as far as
# the module checks use it. A value is `{ _type = "gvariant"; type; value; __toString; }`, the
# type a GVariant type string ("i", "as", "(ias)", …); `toString` gives the text form, with the
# type written (`@u 42`) wherever GVariant could not tell it from the text.
{ lib }:
let
  b = builtins;

  isGVariant = v: b.isAttrs v && v._type or null == "gvariant";

  primitive = type: value: {
    _type = "gvariant";
    inherit type value;
    __toString = self: "@${self.type} ${b.toString self.value}";
  };

  # Integers without a type: the first of these whose range holds the value.
  intConstructors = [
    { constructor = mkInt32; min = -2147483648; max = 2147483647; }
    { constructor = mkUint32; min = 0; max = 4294967295; }
    { constructor = mkInt64; min = null; max = null; }
  ];

  mkInt32 = v: primitive type.int32 v // { __toString = self: b.toString self.value; };
  mkUint32 = primitive type.uint32;
  mkInt64 = primitive type.int64;

  type = {
    arrayOf = t: "a${t}";
    maybeOf = t: "m${t}";
    tupleOf = ts: "(${lib.concatStrings ts})";
    dictionaryEntryOf = nameType: valueType: "{${nameType}${valueType}}";
    string = "s";
    boolean = "b";
    uchar = "y";
    int16 = "n";
    uint16 = "q";
    int32 = "i";
    uint32 = "u";
    int64 = "x";
    uint64 = "t";
    double = "d";
    variant = "v";
  };
in
rec {
  inherit type isGVariant mkInt32 mkUint32 mkInt64;

  mkValue = v:
    if b.isBool v then mkBoolean v
    else if b.isFloat v then mkDouble v
    else if b.isString v then mkString v
    else if b.isList v then mkArray v
    else if isGVariant v then v
    else if b.isInt v then
      let fits = b.filter ({ min, max, ... }: (min == null || min <= v) && (max == null || v <= max)) intConstructors;
      in (b.head fits).constructor v
    else b.throw "The GVariant type of “${b.typeOf v}” can't be inferred.";

  mkArray = elems:
    let
      values = map mkValue (lib.throwIf (elems == [ ]) "Please create empty array with mkEmptyArray." elems);
      elemType = (b.head values).type;
    in
    lib.throwIfNot (b.all (v: v.type == elemType) values) "Elements in a list should have same type."
      (primitive (type.arrayOf elemType) values // {
        __toString = self: "@${self.type} [${lib.concatMapStringsSep "," b.toString self.value}]";
      });

  mkEmptyArray = elemType: primitive (type.arrayOf elemType) [ ] // { __toString = self: "@${self.type} []"; };

  mkVariant = elem: primitive type.variant (mkValue elem) // { __toString = self: "<${b.toString self.value}>"; };

  mkDictionaryEntry = name: value:
    let name' = mkValue name; value' = mkValue value; in
    primitive (type.dictionaryEntryOf name'.type value'.type) { inherit name value; } // {
      __toString = self: "@${self.type} {${b.toString name'},${b.toString value'}}";
    };

  mkMaybe = elemType: elem: primitive (type.maybeOf elemType) elem // {
    __toString = self: if self.value == null then "@${self.type} nothing" else "just ${b.toString self.value}";
  };
  mkNothing = elemType: mkMaybe elemType null;
  mkJust = elem: let value = mkValue elem; in mkMaybe value.type value;

  mkTuple = elems:
    let values = map mkValue elems; in
    primitive (type.tupleOf (map (v: v.type) values)) values // {
      __toString = self: "@${self.type} (${lib.concatMapStringsSep "," b.toString self.value})";
    };

  mkBoolean = v: primitive type.boolean v // { __toString = self: if self.value then "true" else "false"; };

  # Quoted with ', which and \ escaped, newlines as \n.
  mkString = v: primitive type.string v // {
    __toString = self: "'${b.replaceStrings [ "\n" ] [ "\\n" ] (lib.escape [ "'" "\\" ] self.value)}'";
  };

  mkDouble = v: primitive type.double v // { __toString = self: b.toString self.value; };
  mkUchar = primitive type.uchar;
  mkInt16 = primitive type.int16;
  mkUint16 = primitive type.uint16;
  mkUint64 = primitive type.uint64;
}
