# A deliberately small stand-in for nixpkgs lib (module system included), only to smoke-test the
# library modules and the examples with Nix 2.8 while ConfigLang's own evaluator is being
# written (nixpkgs is not installed). Not the real semantics in every corner: type checks are
# lazy, mkOrder is ignored, renamed options in submodules do not warn. Not a library module.
let
  lib = rec {
    inherit (builtins) attrNames attrValues concatStringsSep elem filter length head tail foldl';
    id = x: x;
    optional = c: x: if c then [ x ] else [ ];
    optionals = c: xs: if c then xs else [ ];
    optionalString = c: s: if c then s else "";
    optionalAttrs = c: a: if c then a else { };
    mapAttrsToList = f: a: map (n: f n a.${n}) (attrNames a);
    mapAttrs' = f: a: builtins.listToAttrs (mapAttrsToList f a);
    filterAttrs = p: a: builtins.listToAttrs (builtins.concatMap (n: if p n a.${n} then [ { name = n; value = a.${n}; } ] else [ ]) (attrNames a));
    genAttrs = names: f: builtins.listToAttrs (map (n: { name = n; value = f n; }) names);
    nameValuePair = name: value: { inherit name value; };
    listToAttrs = builtins.listToAttrs;
    concatMapStringsSep = sep: f: l: concatStringsSep sep (map f l);
    concatStrings = concatStringsSep "";
    concatLists = builtins.concatLists;
    concatMap = builtins.concatMap;
    hasPrefix = p: s: builtins.substring 0 (builtins.stringLength p) s == p;
    hasSuffix = suf: s: let ls = builtins.stringLength s; lf = builtins.stringLength suf; in lf <= ls && builtins.substring (ls - lf) lf s == suf;
    unique = foldl' (acc: x: if elem x acc then acc else acc ++ [ x ]) [ ];
    flatten = x: if builtins.isList x then builtins.concatMap flatten x else [ x ];
    all = builtins.all; any = builtins.any;
    last = l: builtins.elemAt l (length l - 1);
    toList = x: if builtins.isList x then x else [ x ];
    escapeShellArg = s: "'${builtins.replaceStrings [ "'" ] [ "'\\''" ] (toString s)}'";
    splitString = sep: s: builtins.filter builtins.isString (builtins.split (builtins.replaceStrings ["."] ["\\."] sep) s);
    setAttrByPath = path: v: if path == [ ] then v else { ${head path} = setAttrByPath (tail path) v; };
    getAttrFromPath = path: a: foldl' (x: k: x.${k}) a path;
    attrByPath = path: d: a: if path == [ ] then a else if a ? ${head path} then attrByPath (tail path) d a.${head path} else d;
    recursiveUpdate = a: b: a // builtins.mapAttrs (n: v: if builtins.isAttrs v && a ? ${n} && builtins.isAttrs a.${n} then recursiveUpdate a.${n} v else v) b;
    literalExpression = text: { _type = "literalExpression"; inherit text; };
    showOption = concatStringsSep ".";

    mkOption = attrs: attrs // { _type = "option"; };
    mkEnableOption = name: mkOption { type = types.bool; default = false; description = "Whether to enable ${name}."; };
    mkIf = condition: content: { _type = "if"; inherit condition content; };
    mkMerge = contents: { _type = "merge"; inherit contents; };
    mkOverride = priority: content: { _type = "override"; inherit priority content; };
    mkDefault = mkOverride 1000;
    mkForce = mkOverride 50;
    mkOptionDefault = mkOverride 1500;
    mkOrder = priority: content: content;
    mkBefore = x: x; mkAfter = x: x;

    mkRenamedOptionModule = from: to: { config, options, ... }: {
      options = setAttrByPath from (mkOption { type = types.anything; visible = false; default = "__unset__"; });
      config = mkIf (getAttrFromPath from config != "__unset__") (mkMerge [
        (setAttrByPath to (getAttrFromPath from config))
        (optionalAttrs (options ? warnings) { warnings = [ "The option `${showOption from}' has been renamed to `${showOption to}'." ]; })
      ]);
    };
    mkRemovedOptionModule = from: msg: { config, ... }: {
      options = setAttrByPath from (mkOption { type = types.anything; visible = false; default = "__unset__"; });
      config.assertions = [ { assertion = getAttrFromPath from config == "__unset__"; message = "The option definition `${showOption from}' no longer has any effect; please remove it.\n${msg}"; } ];
    };

    isOption = v: builtins.isAttrs v && (v._type or null) == "option";

    # ---- types ----
    mergeEqual = loc: defs: let first = (head defs).value; in
      if builtins.all (d: d.value == first) defs then first
      else throw "The option `${showOption loc}' has conflicting definition values: ${builtins.toJSON (map (d: d.value) defs)}";
    mkType = { name, check ? (_: true), merge ? mergeEqual }: {
      inherit name;
      merge = loc: defs: builtins.seq (builtins.all (d: check d.value || throw "A definition for option `${showOption loc}' is not of type `${name}'. Value: ${builtins.toJSON d.value}") defs) (merge loc defs);
    };
    types = rec {
      anything = mkType { name = "anything"; merge = loc: defs:
        if builtins.all (d: builtins.isAttrs d.value && !(d.value ? _type)) defs
        then builtins.mapAttrs (n: vs: anything.merge (loc ++ [ n ]) (map (v: { value = v; }) vs)) (builtins.zipAttrsWith (n: vs: vs) (map (d: d.value) defs))
        else mergeEqual loc defs; };
      unspecified = anything;
      attrs = mkType { name = "attrs"; check = builtins.isAttrs; merge = loc: defs: foldl' (a: d: a // d.value) { } defs; };
      bool = mkType { name = "bool"; check = builtins.isBool; };
      int = mkType { name = "int"; check = builtins.isInt; };
      ints = {
        between = lo: hi: mkType { name = "int between ${toString lo} and ${toString hi}"; check = v: builtins.isInt v && v >= lo && v <= hi; };
        unsigned = mkType { name = "unsigned int"; check = v: builtins.isInt v && v >= 0; };
        positive = mkType { name = "positive int"; check = v: builtins.isInt v && v > 0; };
      };
      port = ints.between 0 65535;
      str = mkType { name = "str"; check = builtins.isString; };
      nonEmptyStr = mkType { name = "nonEmptyStr"; check = v: builtins.isString v && v != ""; };
      strMatching = re: mkType { name = "strMatching ${re}"; check = v: builtins.isString v && builtins.match re v != null; };
      lines = mkType { name = "lines"; check = builtins.isString; merge = loc: defs: concatStringsSep "\n" (map (d: d.value) defs); };
      path = mkType { name = "path"; check = v: builtins.isPath v || (builtins.isString v && builtins.substring 0 1 v == "/"); };
      package = mkType { name = "package"; check = v: builtins.isAttrs v || builtins.isString v; };
      enum = vals: mkType { name = "one of ${builtins.toJSON vals}"; check = v: elem v vals; };
      # ConfigLang extension: its did-you-mean and `listedBy' are messages only.
      enumWith = args: enum args.values;
      nullOr = t: mkType { name = "null or ${t.name}"; merge = loc: defs:
        if builtins.all (d: d.value == null) defs then null
        else if builtins.any (d: d.value == null) defs then throw "The option `${showOption loc}' is defined both null and not null"
        else t.merge loc defs; };
      either = a: b: mkType { name = "${a.name} or ${b.name}"; merge = loc: defs:
        let r = builtins.tryEval (builtins.deepSeq (a.merge loc defs) (a.merge loc defs)); in if r.success then r.value else b.merge loc defs; };
      oneOf = ts: foldl' either (head ts) (tail ts);
      listOf = t: mkType { name = "list of ${t.name}"; check = builtins.isList; merge = loc: defs:
        builtins.concatLists (map (d: builtins.genList (i: t.merge (loc ++ [ "[${toString i}]" ]) [ { value = builtins.elemAt d.value i; } ]) (length d.value)) defs); };
      attrsOf = t: mkType { name = "attribute set of ${t.name}"; check = builtins.isAttrs; merge = loc: defs:
        let
          perName = builtins.zipAttrsWith (n: vs: vs) (map (d: d.value) defs);
          merged = builtins.mapAttrs (n: raw: let ds = filterOverrides (builtins.concatMap discharge raw); in
              if ds == [ ] then null else { v = t.merge (loc ++ [ n ]) ds; }) perName;
        in builtins.mapAttrs (n: x: x.v) (filterAttrs (n: x: x != null) merged); };
      lazyAttrsOf = attrsOf;
      # The name type (a ConfigLang extension) is not checked here.
      attrsWith = args: attrsOf args.elemType;
      fileName = str;
      accountName = str;
      passwdEntry = t: t;
      submodule = m: mkType { name = "submodule"; check = builtins.isAttrs; merge = loc: defs:
        (evalModules { modules = [ m ] ++ map (d: if builtins.isAttrs d.value then { config = d.value; } else d.value) defs; args = { name = last loc; }; prefix = loc; }).config; };
    };

    discharge = def:
      if builtins.isAttrs def && (def._type or null) == "merge" then builtins.concatMap discharge def.contents
      else if builtins.isAttrs def && (def._type or null) == "if" then (if def.condition then discharge def.content else [ ])
      else if builtins.isAttrs def && (def._type or null) == "override" then map (d: d // { priority = def.priority; }) (discharge def.content)
      else [ { value = def; priority = 100; } ];
    filterOverrides = defs: let best = foldl' (m: d: if d.priority < m then d.priority else m) 9999 defs; in builtins.filter (d: d.priority == best) defs;

    pushDown = cfg:
      if !(builtins.isAttrs cfg) then [ ]
      else if (cfg._type or null) == "merge" then builtins.concatMap pushDown cfg.contents
      else if (cfg._type or null) == "if" then map (builtins.mapAttrs (n: v: mkIf cfg.condition v)) (pushDown cfg.content)
      else if (cfg._type or null) == "override" then map (builtins.mapAttrs (n: v: mkOverride cfg.priority v)) (pushDown cfg.content)
      else [ cfg ];

    evalModules = { modules, args ? { }, prefix ? [ ] }:
      let
        moduleArgs = { inherit lib; config = config; options = optionTree; pkgs = pkgs; modulesPath = "/modules"; } // args;
        load = m:
          let
            v0 = if builtins.isPath m || builtins.isString m then import m else m;
            v = if builtins.isFunction v0 then v0 moduleArgs else v0;
            file = if builtins.isPath m || builtins.isString m then toString m else "<inline>";
            norm = if v ? options || v ? config then { imports = v.imports or [ ]; options = v.options or { }; config = v.config or { }; }
                   else { imports = v.imports or [ ]; options = { }; config = removeAttrs v [ "imports" "_file" "key" "meta" ]; };
          in [ (norm // { inherit file; }) ] ++ builtins.concatMap load norm.imports;
        collected = builtins.concatMap load modules;
        mergeDecls = a: b: if isOption a || isOption b then (if isOption a && isOption b then throw "option `${showOption prefix}' declared twice" else throw "option/attrset clash") else
          a // builtins.mapAttrs (n: v: if a ? ${n} then mergeDecls a.${n} v else v) b;
        optionTree = foldl' mergeDecls { } (map (m: m.options) collected);
        evalNode = loc: tree: cfgs:
          if isOption tree then mergeOption loc tree cfgs
          else let pushed = builtins.concatMap pushDown cfgs;
                   bad = builtins.filter (n: !(tree ? ${n})) (builtins.concatMap attrNames pushed);
               in if bad != [ ] then throw "The option `${showOption (loc ++ [ (head bad) ])}' does not exist."
               else builtins.mapAttrs (n: sub: evalNode (loc ++ [ n ]) sub (builtins.concatMap (c: if c ? ${n} then [ c.${n} ] else [ ]) pushed)) tree;
        mergeOption = loc: opt: cfgs:
          let
            defs = builtins.concatMap discharge cfgs ++ optional (opt ? default) { value = opt.default; priority = 1500; };
            best = filterOverrides defs;
          in if best == [ ] then throw "The option `${showOption loc}' is used but not defined."
             else (opt.type or types.anything).merge loc best;
        # `_module.args` (e.g. misc/pkgs.nix) is how modules pass arguments; the stub passes its own.
        config = evalNode prefix optionTree (map (m: if builtins.isAttrs m.config && !(m.config ? _type) then removeAttrs m.config [ "_module" ] else m.config) collected);
      in { inherit config; options = optionTree; };
  };

  pkgs = {
    writeText = name: text: "/var/lib/configlang/store/0000000000000000-${name}";
    acl = "/usr"; lego = "/usr"; nginx = "/usr"; coreutils = "/usr";
  };
in
lib
