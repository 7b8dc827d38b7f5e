{ x }:
[ ./a ./a/b.nix ../up /abs/path ./. ./.. ./a/../b/./c ~/home/file ./${x}.nix ./a/${x}/b ~/${x} <nixpkgs> <nixpkgs/lib> a/b https://example.org/a?b=c x:x ]
