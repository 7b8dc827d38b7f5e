# ConfigLang's `lib`: what NixOS modules and plain expressions expect from nixpkgs' lib.
# The module system (evalModules, mkOption, properties, types) is native (C#) and reached
# through `builtins.configlangModules`; the plain helpers below are written in the language.
# Namespaces (lib.strings, lib.lists, lib.attrsets, lib.trivial, lib.modules, lib.options)
# all name this same set, so `lib.strings.hasPrefix` and `lib.hasPrefix` are one function.
let
  native = builtins.configlangModules {
    inherit (builtins) import toString;
    lib = self;
  };

  b = builtins;

  # ---- trivial -------------------------------------------------------------------------
  trivial = rec {
    id = x: x;
    const = x: _: x;
    flip = f: a: c: f c a;
    pipe = value: fns: b.foldl' (acc: f: f acc) value fns;
    concat = x: y: x ++ y;
    "or" = x: y: x || y;
    "and" = x: y: x && y;
    xor = x: y: (!x) != (!y);
    boolToString = v: if v then "true" else "false";
    mergeAttrs = x: y: x // y;
    defaultTo = default: maybe: if maybe == null then default else maybe;
    inherit (b) isFunction isBool isInt isString isList isAttrs isFloat isPath typeOf seq deepSeq
      functionArgs trace tryEval;
    min = x: y: if x < y then x else y;
    max = x: y: if x > y then x else y;
    mod = base: int: base - (int * (b.div base int));
    warn = msg: v: b.trace "warning: ${msg}" v;
    warnIf = cond: msg: if cond then warn msg else id;
    warnIfNot = cond: msg: if cond then id else warn msg;
    throwIf = cond: msg: if cond then b.throw msg else id;
    throwIfNot = cond: msg: if cond then id else b.throw msg;
    traceSeq = x: y: b.trace (b.deepSeq x x) y;
    traceVal = x: b.trace x x;
    traceValSeq = x: b.trace (b.deepSeq x x) x;
    toFunction = v: if b.isFunction v then v else _: v;
    setFunctionArgs = f: args: { __functor = _: f; __functionArgs = args; };
    mirrorFunctionArgs = f: g: setFunctionArgs g (b.functionArgs f);
    toInt = str:
      let m = b.match "[[:space:]]*(-?[0-9]+)[[:space:]]*" str;
      in if m == null then b.throw "toInt: Could not convert ${b.toJSON str} to int." else b.fromJSON (b.head m);
    toIntBase10 = toInt;
    fix = f: let x = f x; in x;
    fix' = f: let x = f x // { __unfix__ = f; }; in x;
    extends = overlay: f: final: let prev = f final; in prev // overlay final prev;
    isStorePath = x:
      let s = b.toString x; in
      b.substring 0 1 s == "/" && b.dirOf s == b.storeDir;
    oldestSupportedReleaseIsAtLeast = _: true;
    version = "25.11";
    release = "25.11";
    inNixShell = false;
    importJSON = path: b.fromJSON (b.readFile path);
    importTOML = path: b.fromTOML (b.readFile path);
  };

  # ---- lists ---------------------------------------------------------------------------
  lists = rec {
    inherit (b) head tail elem elemAt length filter map foldl' concatLists concatMap genList
      any all sort partition groupBy listToAttrs;
    last = list: assert list != [ ]; b.elemAt list (b.length list - 1);
    init = list: assert list != [ ]; b.genList (b.elemAt list) (b.length list - 1);
    foldr = op: nul: list:
      let len = b.length list; go = n: if n == len then nul else op (b.elemAt list n) (go (n + 1));
      in go 0;
    fold = foldr;
    foldl = op: nul: list: b.foldl' op nul list;
    flatten = x: if b.isList x then b.concatMap flatten x else [ x ];
    optional = cond: elem: if cond then [ elem ] else [ ];
    optionals = cond: elems: if cond then elems else [ ];
    toList = x: if b.isList x then x else [ x ];
    singleton = x: [ x ];
    unique = b.foldl' (acc: e: if b.elem e acc then acc else acc ++ [ e ]) [ ];
    allUnique = list: b.length (unique list) == b.length list;
    reverseList = xs: let l = b.length xs; in b.genList (n: b.elemAt xs (l - n - 1)) l;
    range = first: last': if first > last' then [ ] else b.genList (n: first + n) (last' - first + 1);
    replicate = n: elem: b.genList (_: elem) n;
    imap0 = f: list: b.genList (n: f n (b.elemAt list n)) (b.length list);
    imap1 = f: list: b.genList (n: f (n + 1) (b.elemAt list n)) (b.length list);
    ifilter0 = pred: list: map (p: p.v) (b.filter (p: pred p.i p.v) (imap0 (i: v: { inherit i v; }) list));
    count = pred: b.foldl' (c: x: if pred x then c + 1 else c) 0;
    findFirst = pred: default: list:
      let found = b.filter pred list; in if found == [ ] then default else b.head found;
    findFirstIndex = pred: default: list:
      let go = n: if n == b.length list then default else if pred (b.elemAt list n) then n else go (n + 1); in go 0;
    findSingle = pred: default: multiple: list:
      let found = b.filter pred list; n = b.length found;
      in if n == 0 then default else if n == 1 then b.head found else multiple;
    take = count': sublist 0 count';
    drop = count': list: sublist count' (b.length list) list;
    sublist = start: count': list:
      let len = b.length list; s = if start >= len then len else start;
          n = if s + count' > len then len - s else count';
      in b.genList (i: b.elemAt list (s + i)) (if n < 0 then 0 else n);
    remove = e: b.filter (x: x != e);
    subtractLists = e: b.filter (x: !(b.elem x e));
    intersectLists = e: b.filter (x: b.elem x e);
    mutuallyExclusive = a: bs: (b.length a) == 0 || !(b.any (x: b.elem x bs) a);
    zipListsWith = f: fst: snd:
      b.genList (n: f (b.elemAt fst n) (b.elemAt snd n)) (trivial.min (b.length fst) (b.length snd));
    zipLists = zipListsWith (fst: snd: { inherit fst snd; });
    sortOn = f: list:
      map (p: p.v) (b.sort (x: y: x.k < y.k) (map (v: { k = f v; inherit v; }) list));
    forEach = xs: f: map f xs;
    sum = b.foldl' (x: y: x + y) 0;
    isList = b.isList;
    crossLists = f: foldl (fs: args: concatMap (f: map f args) fs) [ f ];
    listDfs = null;
  };

  # ---- strings -------------------------------------------------------------------------
  strings = rec {
    inherit (b) stringLength substring replaceStrings match split toJSON fromJSON toString;
    concatStrings = b.concatStringsSep "";
    inherit (b) concatStringsSep;
    concatMapStrings = f: list: concatStrings (map f list);
    concatMapStringsSep = sep: f: list: b.concatStringsSep sep (map f list);
    concatImapStringsSep = sep: f: list: b.concatStringsSep sep (lists.imap1 f list);
    concatImapStrings = f: list: concatStrings (lists.imap1 f list);
    concatLines = list: concatMapStrings (s: s + "\n") list;
    optionalString = cond: string: if cond then string else "";
    hasPrefix = pref: str: b.substring 0 (b.stringLength pref) str == pref;
    hasSuffix = suffix: content:
      let lc = b.stringLength content; ls = b.stringLength suffix;
      in lc >= ls && b.substring (lc - ls) lc content == suffix;
    hasInfix = infix: content: b.match ".*${escapeRegex infix}.*" "${content}" != null;
    removePrefix = prefix: str:
      if hasPrefix prefix str then b.substring (b.stringLength prefix) (b.stringLength str) str else str;
    removeSuffix = suffix: str:
      if hasSuffix suffix str then b.substring 0 (b.stringLength str - b.stringLength suffix) str else str;
    escapeRegex = escape (stringToCharacters "\\[{()^$?*+|.");
    splitString = sep: s:
      let parts = b.split (escapeRegex (b.toString sep)) (b.toString s);
      in map (v: addContextFrom s v) (b.filter b.isString parts);
    addContextFrom = src: target: b.substring 0 0 src + target;
    stringToCharacters = s: b.genList (p: b.substring p 1 s) (b.stringLength s);
    lowerChars = stringToCharacters "abcdefghijklmnopqrstuvwxyz";
    upperChars = stringToCharacters "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    toLower = b.replaceStrings upperChars lowerChars;
    toUpper = b.replaceStrings lowerChars upperChars;
    escape = list: b.replaceStrings list (map (c: "\\${c}") list);
    escapeShellArg = arg:
      let s = b.toString arg; in
      if b.match "[[:alnum:],._+:@%/-]+" s == null then "'${b.replaceStrings [ "'" ] [ "'\\''" ] s}'" else s;
    escapeShellArgs = concatMapStringsSep " " escapeShellArg;
    escapeNixString = s: escape [ "$" ] (b.toJSON s);
    escapeNixIdentifier = s:
      if b.match "[a-zA-Z_][a-zA-Z0-9_'-]*" s != null then s else escapeNixString s;
    isStringLike = x: b.isString x || b.isPath x || x ? outPath || x ? __toString;
    isConvertibleWithToString = x:
      isStringLike x || b.elem (b.typeOf x) [ "null" "int" "float" "bool" ]
      || (b.isList x && b.all isConvertibleWithToString x);
    trim = s:
      let m = b.match "[[:space:]]*(.*[^[:space:]])[[:space:]]*" s;
      in if m == null then "" else b.head m;
    intersperse = separator: list:
      if list == [ ] || b.length list == 1 then list
      else b.tail (b.concatMap (x: [ separator x ]) list);
    fixedWidthString = width: filler: str:
      let strw = b.stringLength str; reqWidth = width - (b.stringLength filler);
      in if strw == width then str else fixedWidthString reqWidth filler (filler + str);
    fixedWidthNumber = width: n: fixedWidthString width "0" (b.toString n);
    makeSearchPath = subDir: paths: b.concatStringsSep ":" (map (path: path + "/" + subDir) (b.filter (x: x != null) paths));
    versionOlder = v1: v2: b.compareVersions v2 v1 == 1;
    versionAtLeast = v1: v2: !versionOlder v1 v2;
    fileContents = file: removeSuffix "\n" (b.readFile file);
    toSentenceCase = str:
      if str == "" then "" else toUpper (b.substring 0 1 str) + toLower (b.substring 1 (-1) str);
    floatToString = f: b.toString f;
    levenshtein = a: c: b.throw "levenshtein is not available in ConfigLang's lib";
  };

  # ---- attrsets ------------------------------------------------------------------------
  attrsets = rec {
    inherit (b) attrNames attrValues getAttr hasAttr mapAttrs listToAttrs removeAttrs
      intersectAttrs catAttrs zipAttrsWith;
    attrByPath = attrPath: default: set:
      let go = n: s:
        if n == b.length attrPath then s
        else let name = b.elemAt attrPath n; in
          if b.isAttrs s && s ? ${name} then go (n + 1) s.${name} else default;
      in go 0 set;
    hasAttrByPath = attrPath: set:
      let go = n: s:
        if n == b.length attrPath then true
        else let name = b.elemAt attrPath n; in b.isAttrs s && s ? ${name} && go (n + 1) s.${name};
      in go 0 set;
    setAttrByPath = attrPath: value:
      lists.foldr (name: acc: { ${name} = acc; }) value attrPath;
    getAttrFromPath = attrPath: set:
      attrByPath attrPath (b.throw "cannot find attribute `${b.concatStringsSep "." attrPath}'") set;
    getAttrs = names: attrs: b.listToAttrs (map (n: nameValuePair n attrs.${n}) names);
    attrVals = nameList: set: map (x: set.${x}) nameList;
    nameValuePair = name: value: { inherit name value; };
    mapAttrs' = f: set: b.listToAttrs (map (attr: f attr set.${attr}) (b.attrNames set));
    mapAttrsToList = f: attrs: map (name: f name attrs.${name}) (b.attrNames attrs);
    attrsToList = mapAttrsToList nameValuePair;
    concatMapAttrs = f: v: b.foldl' (acc: x: acc // x) { } (mapAttrsToList f v);
    filterAttrs = pred: set:
      b.removeAttrs set (b.filter (name: !pred name set.${name}) (b.attrNames set));
    filterAttrsRecursive = pred: set:
      b.listToAttrs (b.concatMap (name:
        let v = set.${name}; in
        if pred name v then [ (nameValuePair name (if b.isAttrs v then filterAttrsRecursive pred v else v)) ] else [ ]
      ) (b.attrNames set));
    mapAttrsRecursive = f: set: mapAttrsRecursiveCond (_: true) f set;
    mapAttrsRecursiveCond = cond: f: set:
      let recurse = path: b.mapAttrs (name: value:
        if b.isAttrs value && cond value then recurse (path ++ [ name ]) value else f (path ++ [ name ]) value);
      in recurse [ ] set;
    genAttrs = names: f: b.listToAttrs (map (n: nameValuePair n (f n)) names);
    optionalAttrs = cond: as: if cond then as else { };
    isDerivation = value: value.type or null == "derivation";
    recursiveUpdateUntil = pred: lhs: rhs:
      let f = attrPath: zipAttrsWith (n: values:
        let here = attrPath ++ [ n ]; in
        if b.length values == 1 || pred here (b.elemAt values 1) (b.head values)
        then b.head values
        else f here values);
      in f [ ] [ rhs lhs ];
    recursiveUpdate = lhs: rhs:
      recursiveUpdateUntil (path: lhs: rhs: !(b.isAttrs lhs && b.isAttrs rhs)) lhs rhs;
    zipAttrsWithNames = names: f: sets:
      b.listToAttrs (map (name: { inherit name; value = f name (b.catAttrs name sets); }) names);
    zipAttrs = zipAttrsWith (name: values: values);
    foldAttrs = op: nul: list_of_attrs:
      b.foldl' (a: n: a // b.mapAttrs (name: value: op value (a.${name} or nul)) n) { } (lists.reverseList list_of_attrs);
    foldlAttrs = f: init: set: b.foldl' (acc: name: f acc name set.${name}) init (b.attrNames set);
    collect = pred: attrs:
      if pred attrs then [ attrs ]
      else if b.isAttrs attrs then b.concatMap (collect pred) (b.attrValues attrs)
      else [ ];
    mergeAttrsList = b.foldl' (x: y: x // y) { };
    unionOfDisjoint = x: y:
      let common = b.intersectAttrs x y; in
      if common == { } then x // y
      else b.throw "unionOfDisjoint: collision on ${b.toString (b.attrNames common)}";
    matchAttrs = pattern: attrs:
      b.all (name: attrs ? ${name} && (
        if b.isAttrs pattern.${name} then matchAttrs pattern.${name} attrs.${name}
        else pattern.${name} == attrs.${name})) (b.attrNames pattern);
    recurseIntoAttrs = attrs: attrs // { recurseForDerivations = true; };
    dontRecurseIntoAttrs = attrs: attrs // { recurseForDerivations = false; };
    cartesianProduct = attrsOfLists:
      b.foldl' (listOfAttrs: attrName:
        b.concatMap (attrs: map (v: attrs // { ${attrName} = v; }) attrsOfLists.${attrName}) listOfAttrs
      ) [ { } ] (b.attrNames attrsOfLists);
    cartesianProductOfSets = cartesianProduct;
    toDerivation = path: {
      type = "derivation";
      name = b.baseNameOf (b.toString path);
      outPath = path;
      outputs = [ "out" ];
    };
  };

  # ---- options and modules written in the language --------------------------------------
  options = rec {
    mdDoc = x: x;
    getValues = map (x: x.value);
    getFiles = map (x: x.file);
    mkSinkUndeclaredOptions = attrs: native.mkOption ({
      internal = true; visible = false; default = false;
      description = "Sink for option definitions.";
      type = native.types.unspecified;
      apply = x: b.throw "Option value is not readable because the option is not declared.";
    } // attrs);
    mkPackageOption = pkgs: name:
      { nullable ? false, default ? name, example ? null, extraDescription ? "", pkgsText ? "pkgs" }:
      let
        name' = if b.isList name then lists.last name else name;
        default' = if b.isList default then default else [ default ];
        defaultText = b.concatStringsSep "." (map strings.escapeNixIdentifier default');
        defaultValue = attrsets.attrByPath default'
          (b.throw "${defaultText} cannot be found in ${pkgsText}") pkgs;
        defaults = if default != null then {
          default = defaultValue;
          defaultText = native.literalExpression ("${pkgsText}." + defaultText);
        } else if nullable then { default = null; } else { };
      in
      native.mkOption (defaults // {
        description = "The ${name'} package to use."
          + (if extraDescription == "" then "" else " ") + extraDescription;
        type = with native.types; (if nullable then nullOr else trivial.id) package;
      } // attrsets.optionalAttrs (example != null) {
        example = native.literalExpression
          (if b.isList example then "${pkgsText}." + b.concatStringsSep "." (map strings.escapeNixIdentifier example) else example);
      });
    mkPackageOptionMD = mkPackageOption;
    scrubOptionValue = x: x;
    unknownModule = "<unknown-file>";
    # A value for documentation: a literal as it is, anything else printed as an expression.
    renderOptionValue = v: if v ? _type && v ? text then v else native.literalExpression (native.configlangShowValue v);
    # One documentation entry per option, sub-options of submodules (and attrTag tags) after
    # their option, as nixpkgs' manual generator reads them.
    optionAttrSetToDocList = optionAttrSetToDocList' [ ];
    optionAttrSetToDocList' = _: options:
      b.concatMap (opt:
        let
          name = native.showOption opt.loc;
          docOption = {
            inherit (opt) loc;
            inherit name;
            description = opt.description or null;
            declarations = b.filter (x: x != unknownModule) opt.declarations;
            internal = opt.internal or false;
            visible = if (opt.visible or true) == "shallow" then true else opt.visible or true;
            readOnly = opt.readOnly or false;
            type = opt.type.description or "unspecified";
          }
          // attrsets.optionalAttrs (opt ? example) { example = renderOptionValue opt.example; }
          // attrsets.optionalAttrs (opt ? defaultText || opt ? default) { default = renderOptionValue (opt.defaultText or opt.default); }
          // attrsets.optionalAttrs (opt.relatedPackages or null != null) { inherit (opt) relatedPackages; };
          subOptions =
            let ss = opt.type.getSubOptions opt.loc;
            in if ss != { } then optionAttrSetToDocList' opt.loc ss else [ ];
          subOptionsVisible = docOption.visible && (opt.visible or null) != "shallow";
        in
        [ docOption ] ++ lists.optionals subOptionsVisible subOptions)
        (attrsets.collect native.isOption options);
  };

  modules = rec {
    setDefaultModuleLocation = file: m: { _file = file; imports = [ m ]; };
    importApply = modulePath: staticArg: setDefaultModuleLocation modulePath (b.import modulePath staticArg);
    importJSON = file: { _file = file; config = trivial.importJSON file; };
    importTOML = file: { _file = file; config = trivial.importTOML file; };
    mkAssert = assertion: message: content:
      native.mkIf (if assertion then true else b.throw "\nFailed assertion: ${message}") content;
    mkFixStrictness = trivial.id;
    mkAliasDefinitions = mkAliasAndWrapDefinitions trivial.id;
    mkAliasAndWrapDefinitions = wrap: option: native.mkIf option.isDefined (wrap (native.mkMerge option.definitions));
    mkAliasAndWrapDefsWithPriority = wrap: option:
      let prio = option.highestPrio or 100;
      in native.mkIf option.isDefined (wrap (native.mkMerge (map (native.mkOverride prio) option.definitions)));
    mkDerivedConfig = opt: f: native.mkOverride (opt.highestPrio or 100) (f opt.value);
    mapDefinitionValue = f: def:
      let t = def._type or null; in
      if t == "merge" then def // { contents = map (mapDefinitionValue f) def.contents; }
      else if t == "if" || t == "override" || t == "order" then def // { content = mapDefinitionValue f def.content; }
      else if t == "definition" then def // { value = mapDefinitionValue f def.value; }
      else f def;
    mergeAttrDefinitionsWithPrio = opt:
      let
        defsByAttr = attrsets.zipAttrs (b.concatLists (b.concatMap (def:
          map (attrsets.mapAttrsToList (k: value: { ${k} = def // { inherit value; }; }))
            (native.pushDownProperties def.value)) opt.definitionsWithLocations));
      in
      b.mapAttrs (k: v:
        let merging = native.mergeDefinitions (opt.loc ++ [ k ]) opt.type.nestedTypes.elemType v;
        in { value = merging.mergedValue; inherit (merging.defsFinal') highestPrio; }) defsByAttr;

    doRename = { from, to, visible, warn, use, withPriority ? true, condition ? true }:
      { config, options, ... }:
      let
        fromOpt = attrsets.getAttrFromPath from options;
        toOf = attrsets.attrByPath to (b.abort "Renaming error: option `${native.showOption to}' does not exist.");
        toType = let opt = attrsets.attrByPath to { } options; in opt.type or (native.types.submodule { });
      in
      {
        options = attrsets.setAttrByPath from (native.mkOption {
          inherit visible;
          description = "Alias of {option}`${native.showOption to}`.";
          apply = x: use (toOf config);
        } // attrsets.optionalAttrs (toType != null) { type = toType; });
        config = native.mkIf condition (native.mkMerge [
          (attrsets.optionalAttrs (options ? warnings) {
            warnings = lists.optional (warn && fromOpt.isDefined)
              "The option `${native.showOption from}' defined in ${native.showFiles fromOpt.files} has been renamed to `${native.showOption to}'.";
          })
          (if withPriority
            then mkAliasAndWrapDefsWithPriority (attrsets.setAttrByPath to) fromOpt
            else mkAliasAndWrapDefinitions (attrsets.setAttrByPath to) fromOpt)
        ]);
      };
    mkRenamedOptionModule = from: to: doRename {
      inherit from to; visible = false; warn = true;
      use = b.trace "Obsolete option `${native.showOption from}' is used. It was renamed to `${native.showOption to}'.";
    };
    mkRenamedOptionModuleWith = { from, to, sinceRelease }: doRename {
      inherit from to; visible = false; warn = true;
      use = trivial.warn "Obsolete option `${native.showOption from}' is used. It was renamed to `${native.showOption to}'.";
    };
    mkAliasOptionModule = from: to: doRename { inherit from to; visible = true; warn = false; use = trivial.id; };
    mkAliasOptionModuleMD = mkAliasOptionModule;
    mkRemovedOptionModule = optionName: replacementInstructions:
      { options, ... }:
      {
        options = attrsets.setAttrByPath optionName (native.mkOption {
          visible = false;
          apply = x: b.throw "The option `${native.showOption optionName}' can no longer be used since it's been removed. ${replacementInstructions}";
        });
        config.assertions =
          let opt = attrsets.getAttrFromPath optionName options; in
          [ {
            assertion = !opt.isDefined;
            message = ''
              The option definition `${native.showOption optionName}' in ${native.showFiles opt.files} no longer has any effect; please remove it.
              ${replacementInstructions}
            '';
          } ];
      };
    mkMergedOptionModule = from: to: mergeFn:
      { config, options, ... }:
      {
        options = b.foldl' attrsets.recursiveUpdate { } (map (path:
          attrsets.setAttrByPath path (native.mkOption { visible = false; default = "_mkMergedOptionModule"; })) from);
        config = {
          warnings = b.filter (x: x != "") (map (f:
            let val = attrsets.getAttrFromPath f config; opt = attrsets.getAttrFromPath f options; in
            strings.optionalString (val != "_mkMergedOptionModule")
              "The option `${native.showOption f}' defined in ${native.showFiles opt.files} has been changed to `${native.showOption to}' that has a different type. Please read `${native.showOption to}' documentation and update your configuration accordingly."
          ) from);
        } // attrsets.setAttrByPath to (native.mkMerge (lists.optional
          (b.any (f: (attrsets.getAttrFromPath f config) != "_mkMergedOptionModule") from) (mergeFn config)));
      };
    mkChangedOptionModule = from: to: changeFn: mkMergedOptionModule [ from ] to changeFn;
    fixMergeModules = modules': args: native.evalModules { modules = modules'; inherit args; check = false; };
  };

  # ---- for the configlang CLI (show, options) ------------------------------------------
  configlang = rec {
    # The built-in option library (src/Modules/Library) is added here when it exists.
    builtinModules =
      let list = ./../modules/module-list.nix;
      in if b.pathExists list then b.import list else [ ];

    # The values of the options that are defined (by a definition or a default), as a nested
    # set. Inside values of submodule type (attrsOf submodule, listOf submodule, …) only the
    # sub-options that are defined appear, so an option nobody set and that has no default is
    # never forced.
    definedConfig = options:
      let r = definedLevel (b.removeAttrs options [ "_module" ]); in
      if r == null then { } else r.v;

    # { v = the defined values under an options subtree; } or null when nothing is defined.
    definedLevel = o:
      if native.isOption o then (if o.isDefined then { v = definedValue o.value; } else null)
      else if !(b.isAttrs o) then null
      else
        let kept = attrsets.filterAttrs (_: k: k != null) (b.mapAttrs (_: definedLevel) o);
        in if kept == { } then null else { v = b.mapAttrs (_: k: k.v) kept; };

    # A resolved value with every submodule configuration in it cut down to its defined
    # options; attributes a freeform type took stay as they are.
    definedValue = v:
      if b.isAttrs v then
        (if v ? _type || v ? outPath then v
         else
           let options = native.configlangOptionsOf v; in
           if options == null then b.mapAttrs (_: definedValue) v
           else
             let
               declared = definedLevel (b.removeAttrs options [ "_module" ]);
               freeform = b.removeAttrs v (b.attrNames options);
             in b.mapAttrs (_: definedValue) freeform // (if declared == null then { } else declared.v))
      else if b.isList v then map definedValue v
      else v;

    # The value at an option path: an option's value (or inside it, for paths that go into a
    # submodule's attribute set), or for a subtree of options the ones that are defined.
    select = path: options:
      let
        missing = b.throw "The option `${native.showOption path}' does not exist.";
        go = rest: o:
          if native.isOption o then definedValue (if rest == [ ] then o.value else attrsets.attrByPath rest missing o.value)
          else if rest == [ ] then definedConfig o
          else if b.isAttrs o && o ? ${b.head rest} then go (b.tail rest) o.${b.head rest}
          else missing;
      in go path options;

    # Where the values at an option path came from (see OptionExplainer.cs): declarations,
    # type, value and every definition with its location, priority and status.
    explain = path: config: native.configlangExplain path config;

    # One entry per visible option (sub-options of submodules included), sorted by name.
    optionDocs = options:
      let
        visible = o: !(o.internal or false) && (o.visible or true) != false;
        docOf = o: {
          name = native.showOption o.loc;
          inherit (o) loc;
          type = o.type.description or "unspecified";
          default =
            if o ? defaultText then (if b.isAttrs o.defaultText then o.defaultText.text or null else b.toString o.defaultText)
            else if o ? default then native.configlangShowValue o.default
            else null;
          example =
            if !(o ? example) then null
            else if b.isAttrs o.example && o.example ? _type then o.example.text or null
            else native.configlangShowValue o.example;
          description = o.description or null;
          readOnly = o.readOnly or false;
          # Library files as <configlang/…>, as every other output names them.
          declarations = map (d: native.configlangFileName (b.toString d)) (o.declarations or [ ]);
        };
        go = o:
          if native.isOption o then
            (if visible o then [ (docOf o) ] else [ ])
            ++ (if (o.visible or true) == "shallow" then [ ] else go' (o.type.getSubOptions o.loc))
          else if b.isAttrs o then go' o
          else [ ];
        go' = set: b.concatMap (n: if n == "_module" || n == "_freeformOptions" then [ ] else go set.${n}) (b.attrNames set);
      in b.sort (x: y: x.name < y.name) (go options);
  };

  self =
    b // trivial // lists // strings // attrsets // options // modules // native // {
      inherit trivial lists strings attrsets configlang;
      cli = import ./cli.nix { lib = self; };
      generators = import ./generators.nix { lib = self; };
      fileset = import ./fileset.nix { lib = self; };
      gvariant = import ./gvariant.nix { lib = self; };
      options = self;
      modules = self;
      types = native.types // {
        # A file set (lib.fileset) or a path standing for the files below it; several
        # definitions are united.
        fileset = native.mkOptionType {
          name = "fileset";
          description = "fileset";
          descriptionClass = "noun";
          check = x: b.isPath x || self.fileset.isFileset x;
          merge = _loc: defs: self.fileset.unions (map (def: def.value) defs);
          emptyValue.value = self.fileset.empty;
        };
      };
      fixedPoints = trivial;
      inherit (b) toString;
    };
in
self
