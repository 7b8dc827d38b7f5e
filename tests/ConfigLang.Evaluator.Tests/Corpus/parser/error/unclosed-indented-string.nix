''
  some text
  more
