{ x, y }:
[ "plain" "a\nb${x}\$\"c\t\\" "${x}" "" "\u00e9 é" "$${x}" "a$" "x${y}z"
  ''
    indented
      more ${x}
    ''$ ''' ''\n ''\t
  ''
  ''a${x}''
  ''  a''$ ${x} '''b''\n''
  ''${"only"}''
  ''
      deep
    shallow
  ''
]
