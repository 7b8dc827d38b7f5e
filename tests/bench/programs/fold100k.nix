# A strict left fold over a 100,000-element list built lazily by genList.
builtins.foldl' (acc: x: acc + x * 2) 0 (builtins.genList (x: x) 100000)
