let
  f = a: b: a;
  g = { a, b ? 1, ... }: a;
  h = args@{ a, ... }: args;
  i = { a }@args: a;
  j = { ... }: 1;
  k = { }: 2;
in [ (f 1 2) (g { a = 1; }) (h { a = 1; }) (i { a = 1; }) (j { }) (k { }) (map (x: x) [ 1 2 ]) ]
