{ y }:
[ (let a = 1; b = a; in b) (let inherit y; c.d = 1; in c) (let { body = a; a = 1; }) (let inherit ({ z = 1; }) z; in z) ]
