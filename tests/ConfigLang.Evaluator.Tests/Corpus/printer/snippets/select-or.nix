{ x, f, y }:
[ (x.y or 1) (x.or) (x.a.b or x.c or 2) (x."a b") (x.${y}) (x.${"c"}.d) ((f x).z) ]
