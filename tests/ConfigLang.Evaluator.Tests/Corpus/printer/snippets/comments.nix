# leading comment
{ /* inline */ a = 1; # trailing
  /* multi
     line */ b = [ 1 /**/ 2 ];
}
