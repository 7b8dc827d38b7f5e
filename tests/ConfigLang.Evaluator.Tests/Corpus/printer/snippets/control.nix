{ a, b, c, s }:
let x = if a then b else c; in
assert a; with s; [ x (if a then if b then 1 else 2 else 3) __curPos ]
