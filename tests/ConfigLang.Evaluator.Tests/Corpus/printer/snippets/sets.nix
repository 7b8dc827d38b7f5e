{ q, x, z }:
{
  b = 1; a = 2; "a b" = 3; "" = 4; "if" = 5; or = 6; a-b' = 7;
  c.d = 1; c.e.f = 2; ${x} = 5; "y${z}" = 6; ${"static"} = 7;
  inherit (q) r s;
  inherit x;
  lit = { k = 1; }; lit.m = 2;
  r2 = rec { p = 1; o = p; };
  nested = { ${x}.a = 1; };
}
