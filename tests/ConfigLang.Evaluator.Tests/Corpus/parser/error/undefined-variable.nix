let f = x: y; in f
