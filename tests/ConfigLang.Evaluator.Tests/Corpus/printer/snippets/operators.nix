{ a, b, c, d, e, f, g }:
[ (a - b * c / d < e) (a > b) (a <= b) (a >= b) (-a) (!a) (a - -b) (a // b ++ c -> d || e && f == g)
  (a != b) (! a + b) (a ? b.c) (a ? "b c") (a.b.c or d) (a + b + c) (a -> b -> c) (a ++ b ++ c) (a // b // c) ]
