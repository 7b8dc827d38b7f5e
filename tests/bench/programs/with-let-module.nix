# A generated module of about 10,000 lines (generated/nested-module.nix, written by
# generate.py): 70 blocks each 40 levels deep in alternating `with` and `let`, every binding
# reading names from the scopes around it. Parsing, scope resolution and with-chain lookups.
let module = import ./generated/nested-module.nix;
in builtins.foldl' (sum: name: sum + module.${name}.total) 0 (builtins.attrNames module)
