{ a = ./foo/; }
