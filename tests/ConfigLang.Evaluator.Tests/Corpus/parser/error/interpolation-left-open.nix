"hello ${name
