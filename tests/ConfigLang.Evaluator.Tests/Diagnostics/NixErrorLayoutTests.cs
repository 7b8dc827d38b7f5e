using ConfigLang.Evaluator.Tests.Runtime;

namespace ConfigLang.Evaluator.Tests.Diagnostics;

/// <summary>
/// eval's whole error output (stderr) against Nix 2.8's: the layout of the message, the source
/// lines and caret, the trace frames and the "--show-trace" hint. The expected texts were printed by
/// <c>NIX_REMOTE=dummy:// nix-instantiate --eval --strict [--show-trace] -E EXPR</c> (Nix 2.8.0).
/// Errors whose message or position still differ from Nix 2.8 are left out (see the lead's notes); where Nix 2.8
/// locates an error elsewhere than lint does, eval prints Nix's place (Diagnostic.NixPosition).
/// </summary>
public sealed class NixErrorLayoutTests
{
    public static TheoryData<string, bool, string> Nix28Errors => new()
    {
        // Columns count bytes, in the header and in the caret's indent.
        { "{ x = \"\u00e9\"; }.x + 1", false,
         "error: cannot coerce an integer to a string\n\n       at \u00abstring\u00bb:1:19:\n\n            1| { x = \"\u00e9\"; }.x + 1\n             |                   ^\n" },
        { "\"\U0001F600\" + 1 + \"\u00e9\"", false,
         "error: cannot coerce an integer to a string\n\n       at \u00abstring\u00bb:1:10:\n\n            1| \"\U0001F600\" + 1 + \"\u00e9\"\n             |          ^\n" },
        // A computed name in a failed selection's path shows as Nix computes it again, or (failing) as its expression.
        { "let k = \"b\"; s = { b = { c = throw \"x\"; }; }; in s.${k}.c", true,
         "error: x\n\n       \u2026 while evaluating the attribute 'b.c'\n\n       at \u00abstring\u00bb:1:26:\n\n            1| let k = \"b\"; s = { b = { c = throw \"x\"; }; }; in s.${k}.c\n             |                          ^\n" },
        { "let k = \"b\"; s = { b = { c = 1; }; }; in s.b.${k}.${throw \"y\"}", true,
         "error: attribute 'b' missing\n\n       at \u00abstring\u00bb:1:42:\n\n            1| let k = \"b\"; s = { b = { c = 1; }; }; in s.b.${k}.${throw \"y\"}\n             |                                          ^\n       Did you mean c?\n\n       \u2026 while evaluating the attribute 'b.b.\"${(throw \"y\")}\"'\n\n       at \u00abstring\u00bb:1:20:\n\n            1| let k = \"b\"; s = { b = { c = 1; }; }; in s.b.${k}.${throw \"y\"}\n             |                    ^\n" },
        { "throw \"x\"", false,
         "error: x\n" },
        { "abort \"y\"", false,
         "error: evaluation aborted with the following error message: 'y'\n" },
        { "1 + \"a\"", false,
         "error: cannot add a string to an integer\n\n       at \u00abstring\u00bb:1:5:\n\n            1| 1 + \"a\"\n             |     ^\n" },
        { "let x = 1; in\n  x.b", false,
         "error: value is an integer while a set was expected\n\n       at \u00abstring\u00bb:2:3:\n\n            1| let x = 1; in\n            2|   x.b\n             |   ^\n" },
        { "let f = x: throw \"boom\"; in f 1", false,
         "error: boom\n" },
        { "let a = { b = throw \"x\"; }; in a.b", false,
         "error: x\n(use '--show-trace' to show detailed location information)\n" },
        { "let a = { b = 1 + \"a\"; }; in a.b", false,
         "error: cannot add a string to an integer\n\n       at \u00abstring\u00bb:1:19:\n\n            1| let a = { b = 1 + \"a\"; }; in a.b\n             |                   ^\n(use '--show-trace' to show detailed location information)\n" },
        { "{ b = 1 + \"a\"; }", false,
         "error: cannot add a string to an integer\n\n       at \u00abstring\u00bb:1:11:\n\n            1| { b = 1 + \"a\"; }\n             |           ^\n(use '--show-trace' to show detailed location information)\n" },
        { "{ b = 1 + \"a\"; }", true,
         "error: cannot add a string to an integer\n\n       at \u00abstring\u00bb:1:11:\n\n            1| { b = 1 + \"a\"; }\n             |           ^\n\n       \u2026 while evaluating the attribute 'b'\n\n       at \u00abstring\u00bb:1:3:\n\n            1| { b = 1 + \"a\"; }\n             |   ^\n" },
        { "builtins.map (x: x.a) [1]", false,
         "error: value is an integer while a set was expected\n\n       at \u00abstring\u00bb:1:18:\n\n            1| builtins.map (x: x.a) [1]\n             |                  ^\n" },
        { "[ (1 + \"a\") ]", false,
         "error: cannot add a string to an integer\n\n       at \u00abstring\u00bb:1:8:\n\n            1| [ (1 + \"a\") ]\n             |        ^\n" },
        { "(x: x) 1 2", false,
         "error: attempt to call something which is not a function but an integer\n\n       at \u00abstring\u00bb:1:1:\n\n            1| (x: x) 1 2\n             | ^\n" },
        { "builtins.length 1", false,
         "error: value is an integer while a list was expected\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.length 1\n             | ^\n" },
        { "let x = x; in x", false,
         "error: infinite recursion encountered\n\n       at \u00abstring\u00bb:1:9:\n\n            1| let x = x; in x\n             |         ^\n" },
        { "builtins.seq (throw \"x\") 1", false,
         "error: x\n" },
        { "<nonexist>", false,
         "error: file 'nonexist' was not found in the Nix search path (add it using $NIX_PATH or -I)\n\n       at \u00abstring\u00bb:1:1:\n\n            1| <nonexist>\n             | ^\n" },
        { "let\n  a0 = 0;\n  a1 = 1;\n  a2 = 2;\n  a3 = 3;\n  a4 = 4;\n  a5 = 5;\n  a6 = 6;\n  a7 = 7;\n  a8 = 8;\n  a9 = 9;\n  a10 = 10;\n  a11 = 11;\n  b = 1 + \"a\";\nin b", false,
         "error: cannot add a string to an integer\n\n       at \u00abstring\u00bb:14:11:\n\n           13|   a11 = 11;\n           14|   b = 1 + \"a\";\n             |           ^\n           15| in b\n" },
        { "let\n  f = x:\n\n x + \"a\"; in f 1", false,
         "error: cannot add a string to an integer\n\n       at \u00abstring\u00bb:4:6:\n\n            3|\n            4|  x + \"a\"; in f 1\n             |      ^\n" },
        { "let\n  f = x:\n\n x + \"a\"; in f 1", true,
         "error: cannot add a string to an integer\n\n       at \u00abstring\u00bb:4:6:\n\n            3|\n            4|  x + \"a\"; in f 1\n             |      ^\n\n       \u2026 while evaluating 'f'\n\n       at \u00abstring\u00bb:2:7:\n\n            1| let\n            2|   f = x:\n             |       ^\n            3|\n\n       \u2026 from call site\n\n       at \u00abstring\u00bb:4:14:\n\n            3|\n            4|  x + \"a\"; in f 1\n             |              ^\n" },
        { "{ a = { b = { c = 1 + \"a\"; }; }; }", true,
         "error: cannot add a string to an integer\n\n       at \u00abstring\u00bb:1:23:\n\n            1| { a = { b = { c = 1 + \"a\"; }; }; }\n             |                       ^\n\n       \u2026 while evaluating the attribute 'c'\n\n       at \u00abstring\u00bb:1:15:\n\n            1| { a = { b = { c = 1 + \"a\"; }; }; }\n             |               ^\n\n       \u2026 while evaluating the attribute 'b'\n\n       at \u00abstring\u00bb:1:9:\n\n            1| { a = { b = { c = 1 + \"a\"; }; }; }\n             |         ^\n\n       \u2026 while evaluating the attribute 'a'\n\n       at \u00abstring\u00bb:1:3:\n\n            1| { a = { b = { c = 1 + \"a\"; }; }; }\n             |   ^\n" },
        { "{ a = { b = { c = 1 + \"a\"; }; }; }", false,
         "error: cannot add a string to an integer\n\n       at \u00abstring\u00bb:1:23:\n\n            1| { a = { b = { c = 1 + \"a\"; }; }; }\n             |                       ^\n(use '--show-trace' to show detailed location information)\n" },
        { "builtins.toJSON { a = 1 + \"a\"; }", false,
         "error: cannot add a string to an integer\n\n       at \u00abstring\u00bb:1:27:\n\n            1| builtins.toJSON { a = 1 + \"a\"; }\n             |                           ^\n" },
        { "let s = \"x\"; in s.y", false,
         "error: value is a string while a set was expected\n\n       at \u00abstring\u00bb:1:17:\n\n            1| let s = \"x\"; in s.y\n             |                 ^\n" },
        { "builtins.addErrorContext \"ctx\" (throw \"x\")", false,
         "error: x\n(use '--show-trace' to show detailed location information)\n" },
        // Builtins' messages in Nix 2.8's words (list bounds, forced string arguments, genericClosure's key).
        { "builtins.head [ ]", false,
         "error: list index 0 is out of bounds\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.head [ ]\n             | ^\n" },
        { "builtins.tail [ ]", false,
         "error: 'tail' called on an empty list\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.tail [ ]\n             | ^\n" },
        { "builtins.elemAt [ \"foo\" ] 3", false,
         "error: list index 3 is out of bounds\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.elemAt [ \"foo\" ] 3\n             | ^\n" },
        { "builtins.elemAt [ ] (-1)", false,
         "error: list index -1 is out of bounds\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.elemAt [ ] (-1)\n             | ^\n" },
        { "builtins.concatStringsSep 1 { }", false,
         "error: value is an integer while a string was expected\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.concatStringsSep 1 { }\n             | ^\n" },
        { "builtins.hashString \"sha256\" { }", false,
         "error: value is a set while a string was expected\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.hashString \"sha256\" { }\n             | ^\n" },
        { "builtins.match \"a\" { }", false,
         "error: value is a set while a string was expected\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.match \"a\" { }\n             | ^\n" },
        { "builtins.split \"a\" ./x", false,
         "error: value is a path while a string was expected\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.split \"a\" ./x\n             | ^\n" },
        { "builtins.replaceStrings [ 0 ] [ ] { }", false,
         "error: 'from' and 'to' arguments to 'replaceStrings' have different lengths\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.replaceStrings [ 0 ] [ ] { }\n             | ^\n" },
        { "builtins.replaceStrings [ \"oo\" ] [ true ] \"foo\"", false,
         "error: value is a Boolean while a string was expected\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.replaceStrings [ \"oo\" ] [ true ] \"foo\"\n             | ^\n" },
        { "builtins.replaceStrings [ 1 ] [ \"b\" ] { }", false,
         "error: value is an integer while a string was expected\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.replaceStrings [ 1 ] [ \"b\" ] { }\n             | ^\n" },
        { "builtins.add 1 \"foo\"", false,
         "error: value is a string while an integer was expected\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.add 1 \"foo\"\n             | ^\n" },
        { "builtins.functionArgs { }", false,
         "error: 'functionArgs' requires a function\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.functionArgs { }\n             | ^\n" },
        { "builtins.genericClosure { startSet = [ { nokey = 1; } ]; operator = x: [ ]; }", false,
         "error: attribute 'key' required\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.genericClosure { startSet = [ { nokey = 1; } ]; operator = x: [ ]; }\n             | ^\n" },
        // A failed assertion shows its condition as Nix 2.8's parser prints it, not as written.
        { "assert 1 == 2; 1", false,
         "error: assertion '(1 == 2)' failed\n\n       at \u00abstring\u00bb:1:1:\n\n            1| assert 1 == 2; 1\n             | ^\n" },
        { "let arg = \"x\"; in assert arg == \"y\"; 1", false,
         "error: assertion '(arg == \"y\")' failed\n\n       at \u00abstring\u00bb:1:19:\n\n            1| let arg = \"x\"; in assert arg == \"y\"; 1\n             |                   ^\n" },
        { "assert { a.b = [ { c.d = true; } ]; } == { a.b = [ ]; }; 1", false,
         "error: assertion '({ a = { b = [ ({ c = { d = true; }; }) ]; }; } == { a = { b = [ ]; }; })' failed\n\n       at \u00abstring\u00bb:1:1:\n\n            1| assert { a.b = [ { c.d = true; } ]; } == { a.b = [ ]; }; 1\n             | ^\n" },
        { "assert (x: x) == (x: x); 1", false,
         "error: assertion '((x: x) == (x: x))' failed\n\n       at \u00abstring\u00bb:1:1:\n\n            1| assert (x: x) == (x: x); 1\n             | ^\n" },
        { "assert { b = 1.0; } == { b = 1.01; }; 1", false,
         "error: assertion '({ b = 1; } == { b = 1.01; })' failed\n\n       at \u00abstring\u00bb:1:1:\n\n            1| assert { b = 1.0; } == { b = 1.01; }; 1\n             | ^\n" },
        { "assert !(builtins.isInt 1) || false; 1", false,
         "error: assertion '((! ((builtins).isInt 1)) || false)' failed\n\n       at \u00abstring\u00bb:1:1:\n\n            1| assert !(builtins.isInt 1) || false; 1\n             | ^\n" },
        { "assert let x = 1; in x > 2 && true; 1", false,
         "error: assertion '(let x = 1; in ((__lessThan 2 x) && true))' failed\n\n       at \u00abstring\u00bb:1:1:\n\n            1| assert let x = 1; in x > 2 && true; 1\n             | ^\n" },
        { "assert \"a${toString 1}b\" == ''c''; 1", false,
         "error: assertion '((\"a\" + (toString 1) + \"b\") == \"c\")' failed\n\n       at \u00abstring\u00bb:1:1:\n\n            1| assert \"a${toString 1}b\" == ''c''; 1\n             | ^\n" },
        { "assert builtins.elem 3 [ 1 2 ]; 1", false,
         "error: assertion '((builtins).elem 3 [ (1) (2) ])' failed\n\n       at \u00abstring\u00bb:1:1:\n\n            1| assert builtins.elem 3 [ 1 2 ]; 1\n             | ^\n" },
        // fromTOML's date error in Nix 2.8's words.
        { "builtins.fromTOML \"a = 1979-05-27T07:32:00Z\"", false,
         "error: while parsing a TOML string: Dates and times are not supported\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.fromTOML \"a = 1979-05-27T07:32:00Z\"\n             | ^\n" },
        // derivationStrict checks outputHashMode as it reads it, before missing 'system'.
        { "builtins.derivationStrict { name = \"foo\"; builder = 1; outputHashMode = 15; }", false,
         "error: invalid value '15' for 'outputHashMode' attribute\n\n       at \u00abstring\u00bb:1:29:\n\n            1| builtins.derivationStrict { name = \"foo\"; builder = 1; outputHashMode = 15; }\n             |                             ^\n(use '--show-trace' to show detailed location information)\n" },
        { "builtins.derivationStrict { name = \"foo\"; builder = \"/b\"; outputHashMode = \"custom\"; __structuredAttrs = true; }", false,
         "error: invalid value 'custom' for 'outputHashMode' attribute\n\n       at \u00abstring\u00bb:1:29:\n\n            1| builtins.derivationStrict { name = \"foo\"; builder = \"/b\"; outputHashMode = \"custom\"; __structuredAttrs = true; }\n             |                             ^\n(use '--show-trace' to show detailed location information)\n" },
        // Frames Nix 2.8 lacks (a builtin's call, a newer Nix's "argument passed to") earn no hint and are not printed.
        { "builtins.map 1 \"foo\"", false,
         "error: value is a string while a list was expected\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.map 1 \"foo\"\n             | ^\n" },
        { "builtins.attrNames [ ]", false,
         "error: value is a list while a set was expected\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.attrNames [ ]\n             | ^\n" },
        { "builtins.head (builtins.tail [ 1 ])", true,
         "error: list index 0 is out of bounds\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.head (builtins.tail [ 1 ])\n             | ^\n" },
        // Where Nix 2.8 locates what we report more precisely: an interpolation at its `${`, an operand of `+` at its
        // parenthesis, a missing attribute at the start of the selection (with its suggestions), an arithmetic or
        // Boolean operator, an `if` at the start of the expression; comparisons, `//`, `!` and the calls a builtin
        // makes nowhere.
        { "\"${x: x}\"", false,
         "error: cannot coerce a function to a string\n\n       at \u00abstring\u00bb:1:2:\n\n            1| \"${x: x}\"\n             |  ^\n" },
        { "\"a${{ __toString = self: null; }}b\"", false,
         "error: cannot coerce null to a string\n\n       at \u00abstring\u00bb:1:3:\n\n            1| \"a${{ __toString = self: null; }}b\"\n             |   ^\n" },
        { "''\n  x ${[ 1 ]}''", false,
         "error: cannot coerce a list to a string\n\n       at \u00abstring\u00bb:2:5:\n\n            1| ''\n            2|   x ${[ 1 ]}''\n             |     ^\n" },
        { "\"\" + (let x = [ ]; in x)", false,
         "error: cannot coerce a list to a string\n\n       at \u00abstring\u00bb:1:6:\n\n            1| \"\" + (let x = [ ]; in x)\n             |      ^\n" },
        { "let a = { abc = 1; abd = 2; xyz = 3; abcd = 4; }; in a.abx", false,
         "error: attribute 'abx' missing\n\n       at \u00abstring\u00bb:1:54:\n\n            1| let a = { abc = 1; abd = 2; xyz = 3; abcd = 4; }; in a.abx\n             |                                                      ^\n       Did you mean one of abc, abd or abcd?\n" },
        { "(builtins.removeAttrs { x = 1; y = 2; } [ \"x\" ]).x", false,
         "error: attribute 'x' missing\n\n       at \u00abstring\u00bb:1:1:\n\n            1| (builtins.removeAttrs { x = 1; y = 2; } [ \"x\" ]).x\n             | ^\n       Did you mean y?\n" },
        { "({ x, z }: x) { y = 1; x = 2; z = 3; }", false,
         "error: anonymous function at (string):1:2 called with unexpected argument 'y'\n\n       at \u00abstring\u00bb:1:1:\n\n            1| ({ x, z }: x) { y = 1; x = 2; z = 3; }\n             | ^\n       Did you mean one of x or z?\n" },
        { "let f = n: 10 / n; in f 0", false,
         "error: division by zero\n\n       at \u00abstring\u00bb:1:12:\n\n            1| let f = n: 10 / n; in f 0\n             |            ^\n" },
        { " 2 * \"a\"", false,
         "error: value is a string while an integer was expected\n\n       at \u00abstring\u00bb:1:2:\n\n            1|  2 * \"a\"\n             |  ^\n" },
        { " [ 1 ] ++ 2", false,
         "error: value is an integer while a list was expected\n\n       at \u00abstring\u00bb:1:2:\n\n            1|  [ 1 ] ++ 2\n             |  ^\n" },
        { " 1 < \"a\"", false,
         "error: cannot compare an integer with a string\n" },
        { " { } // 1", false,
         "error: value is an integer while a set was expected\n" },
        { " if 1 then 2 else 3", false,
         "error: value is an integer while a Boolean was expected\n\n       at \u00abstring\u00bb:1:2:\n\n            1|  if 1 then 2 else 3\n             |  ^\n" },
        { " true && 1", false,
         "error: value is an integer while a Boolean was expected\n\n       at \u00abstring\u00bb:1:2:\n\n            1|  true && 1\n             |  ^\n" },
        { " !1", false,
         "error: value is an integer while a Boolean was expected\n" },
        { "builtins.genList 1 2", false,
         "error: attempt to call something which is not a function but an integer\n" },
        { "builtins.map builtins.head [ [ ] ]", false,
         "error: list index 0 is out of bounds\n" },
        { "builtins.sort (a: b: a < b) [ 1 \"a\" ]", false,
         "error: cannot compare a string with an integer\n" },
        // A selection is framed once, its whole path at the last attribute found; the builtins' own frames of Nix 2.8
        // ("while invoking", "while realising the context of a path", the derivation's name) and places (concatMap's
        // function, the derivation's name, toJSON's outPath); the fetchers read their argument before failing.
        { "let a = { b = 1; }; in a.b.c", false,
         "error: value is an integer while a set was expected\n\n       at \u00abstring\u00bb:1:24:\n\n            1| let a = { b = 1; }; in a.b.c\n             |                        ^\n(use '--show-trace' to show detailed location information)\n" },
        { "let a = { b = { }; }; in a.b.c", false,
         "error: attribute 'c' missing\n\n       at \u00abstring\u00bb:1:26:\n\n            1| let a = { b = { }; }; in a.b.c\n             |                          ^\n(use '--show-trace' to show detailed location information)\n" },
        { "let a = { b = { c = 1 + \"a\"; }; }; in a.b.c", true,
         "error: cannot add a string to an integer\n\n       at \u00abstring\u00bb:1:25:\n\n            1| let a = { b = { c = 1 + \"a\"; }; }; in a.b.c\n             |                         ^\n\n       \u2026 while evaluating the attribute 'b.c'\n\n       at \u00abstring\u00bb:1:17:\n\n            1| let a = { b = { c = 1 + \"a\"; }; }; in a.b.c\n             |                 ^\n" },
        { "let a = { puppy.doggy = { }; }; key = 1; in a.puppy.${key}", true,
         "error: value is an integer while a string was expected\n\n       \u2026 while evaluating the attribute 'puppy.\"${key}\"'\n\n       at \u00abstring\u00bb:1:11:\n\n            1| let a = { puppy.doggy = { }; }; key = 1; in a.puppy.${key}\n             |           ^\n" },
        { "let a = { foo = 1; }; key = { }; in a.${key}", false,
         "error: value is a set while a string was expected\n" },
        { "builtins.zipAttrsWith (_: 1) [ 1 ]", false,
         "error: value is an integer while a set was expected\n(use '--show-trace' to show detailed location information)\n" },
        { "builtins.concatMap (x: 1) [ \"foo\" ]", false,
         "error: value is an integer while a list was expected\n\n       at \u00abstring\u00bb:1:21:\n\n            1| builtins.concatMap (x: 1) [ \"foo\" ]\n             |                     ^\n(use '--show-trace' to show detailed location information)\n" },
        { "builtins.pathExists [ ]", false,
         "error: cannot coerce a list to a string\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.pathExists [ ]\n             | ^\n(use '--show-trace' to show detailed location information)\n" },
        { "builtins.readFile \"relative\"", false,
         "error: string 'relative' doesn't represent an absolute path\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.readFile \"relative\"\n             | ^\n(use '--show-trace' to show detailed location information)\n" },
        { "builtins.derivationStrict { name = 1; }", true,
         "error: value is an integer while a string was expected\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.derivationStrict { name = 1; }\n             | ^\n\n       \u2026 while evaluating the derivation attribute 'name'\n\n       at \u00abstring\u00bb:1:29:\n\n            1| builtins.derivationStrict { name = 1; }\n             |                             ^\n" },
        { "builtins.derivationStrict {\n  name = \"foo\";\n  builder = 1;\n  system = 1;\n  outputs = [ ];\n}", false,
         "error: derivation cannot have an empty set of outputs\n\n       at \u00abstring\u00bb:2:3:\n\n            1| builtins.derivationStrict {\n            2|   name = \"foo\";\n             |   ^\n            3|   builder = 1;\n(use '--show-trace' to show detailed location information)\n" },
        { "rec { __overrides = 1; }", false,
         "error: value is an integer while a set was expected\n" },
        { "builtins.genericClosure { startSet = [ { key = 1; } ]; operator = \"x\"; }", false,
         "error: attempt to call something which is not a function but a string\n" },
        { "builtins.toJSON {\n  outPath = {\n    __toString = self: 42;\n  };\n}", false,
         "error: cannot coerce an integer to a string\n\n       at \u00abstring\u00bb:2:3:\n\n            1| builtins.toJSON {\n            2|   outPath = {\n             |   ^\n            3|     __toString = self: 42;\n" },
        { "builtins.fetchurl \"${(derivation { name = \"a\"; builder = \"b\"; system = \"c\"; })}\"", false,
         "error: the string '/nix/store/s6glliw064sgl7vix22p91cxsx7ml1rf-a' is not allowed to refer to a store path (such as '!out!/nix/store/arhvjaf6zmlyn8vh8fgn55rpwnxq0n7l-a.drv')\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.fetchurl \"${(derivation { name = \"a\"; builder = \"b\"; system = \"c\"; })}\"\n             | ^\n" },
        { "builtins.fetchTarball { url = \"x\"; sha256 = \"${(derivation { name = \"a\"; builder = \"b\"; system = \"c\"; })}\"; }", false,
         "error: the string '/nix/store/s6glliw064sgl7vix22p91cxsx7ml1rf-a' is not allowed to refer to a store path (such as '!out!/nix/store/arhvjaf6zmlyn8vh8fgn55rpwnxq0n7l-a.drv')\n\n       at \u00abstring\u00bb:1:36:\n\n            1| builtins.fetchTarball { url = \"x\"; sha256 = \"${(derivation { name = \"a\"; builder = \"b\"; system = \"c\"; })}\"; }\n             |                                    ^\n" },
        { "builtins.fetchurl { url = \"x\"; foo = 1; }", false,
         "error: unsupported argument 'foo' to 'fetchurl'\n\n       at \u00abstring\u00bb:1:32:\n\n            1| builtins.fetchurl { url = \"x\"; foo = 1; }\n             |                                ^\n" },
        { "builtins.fetchurl { }", false,
         "error: 'url' argument required\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.fetchurl { }\n             | ^\n" },
        // A fetcher stops at the first wrong attribute in Nix 2.8's order (names made at start-up such as `name` and
        // `type` first, then in the order the parser met them), whether its value is wrong or its name unknown.
        { "builtins.fetchurl { url = 1; foo = 2; }", false,
         "error: value is an integer while a string was expected\n\n       at \u00abstring\u00bb:1:21:\n\n            1| builtins.fetchurl { url = 1; foo = 2; }\n             |                     ^\n" },
        { "builtins.fetchurl { foo = 2; url = 1; }", false,
         "error: unsupported argument 'foo' to 'fetchurl'\n\n       at \u00abstring\u00bb:1:21:\n\n            1| builtins.fetchurl { foo = 2; url = 1; }\n             |                     ^\n" },
        { "builtins.fetchurl { url = 2; name = 1; }", false,
         "error: value is an integer while a string was expected\n\n       at \u00abstring\u00bb:1:30:\n\n            1| builtins.fetchurl { url = 2; name = 1; }\n             |                              ^\n" },
        { "builtins.fetchurl { url = 2; sha256 = 1; }", false,
         "error: value is an integer while a string was expected\n\n       at \u00abstring\u00bb:1:21:\n\n            1| builtins.fetchurl { url = 2; sha256 = 1; }\n             |                     ^\n" },
        { "builtins.fetchurl { url = \"x\"; b = 1; a = 2; }", false,
         "error: unsupported argument 'b' to 'fetchurl'\n\n       at \u00abstring\u00bb:1:32:\n\n            1| builtins.fetchurl { url = \"x\"; b = 1; a = 2; }\n             |                                ^\n" },
        { "builtins.fetchurl { url = \"x\"; zzz = 1; sha256 = 2; }", false,
         "error: unsupported argument 'zzz' to 'fetchurl'\n\n       at \u00abstring\u00bb:1:32:\n\n            1| builtins.fetchurl { url = \"x\"; zzz = 1; sha256 = 2; }\n             |                                ^\n" },
        { "builtins.fetchTarball { url = 1; type = 2; }", false,
         "error: unsupported argument 'type' to 'fetchTarball'\n\n       at \u00abstring\u00bb:1:34:\n\n            1| builtins.fetchTarball { url = 1; type = 2; }\n             |                                  ^\n" },
        // `x` is made at start-up but sorts after the file's own names; a name met before its attribute (the let's
        // `url`) was made there; a constant dynamic or quoted name is made where the parser reads it.
        { "builtins.fetchurl { x = 1; url = 2; }", false,
         "error: value is an integer while a string was expected\n\n       at \u00abstring\u00bb:1:28:\n\n            1| builtins.fetchurl { x = 1; url = 2; }\n             |                            ^\n" },
        { "builtins.fetchurl { x = 2; foo = 1; }", false,
         "error: unsupported argument 'foo' to 'fetchurl'\n\n       at \u00abstring\u00bb:1:28:\n\n            1| builtins.fetchurl { x = 2; foo = 1; }\n             |                            ^\n" },
        { "let url = 0; in builtins.fetchurl { foo = 2; url = 1; }", false,
         "error: value is an integer while a string was expected\n\n       at \u00abstring\u00bb:1:46:\n\n            1| let url = 0; in builtins.fetchurl { foo = 2; url = 1; }\n             |                                              ^\n" },
        { "builtins.fetchurl { ${\"foo\"} = 1; url = 2; }", false,
         "error: unsupported argument 'foo' to 'fetchurl'\n\n       at \u00abstring\u00bb:1:21:\n\n            1| builtins.fetchurl { ${\"foo\"} = 1; url = 2; }\n             |                     ^\n" },
        { "builtins.fetchurl { \"foo\" = 1; url = 2; }", false,
         "error: unsupported argument 'foo' to 'fetchurl'\n\n       at \u00abstring\u00bb:1:21:\n\n            1| builtins.fetchurl { \"foo\" = 1; url = 2; }\n             |                     ^\n" },
        // A path's trailing slash, in Nix 2.8's words: at the character after the path, or at the end of the text
        // at the path's last piece (lint names the path, at its start).
        { "./foo/ + 1", false,
         "error: path has a trailing slash\n\n       at \u00abstring\u00bb:1:7:\n\n            1| ./foo/ + 1\n             |       ^\n" },
        { "[ ./a/${\"b\"}/]", false,
         "error: path has a trailing slash\n\n       at \u00abstring\u00bb:1:14:\n\n            1| [ ./a/${\"b\"}/]\n             |              ^\n" },
        { "x: ~/a/", false,
         "error: path has a trailing slash\n\n       at \u00abstring\u00bb:1:4:\n\n            1| x: ~/a/\n             |    ^\n" },
        // A store path's bad name has no position in Nix 2.8 (a derivation's too: its name is checked as the first
        // output's path is made), and derivation's own source is no file whose lines Nix could show.
        { "builtins.toFile \"a/b\" \"x\"", false,
         "error: store path '9d0sm13c3pj0msx6gd27izjkbmdnpbf2-a/b' contains illegal character '/'\n" },
        { "derivation { name = \"a~\"; system = \"s\"; builder = \"/b\"; }", false,
         "error: store path 'ldx4ig50pvdaisc99xx284iw5r0qi1jc-a~' contains illegal character '~'\n(use '--show-trace' to show detailed location information)\n" },
        { "derivation { name = \"a~\"; system = \"s\"; builder = \"/b\"; }", true,
         "error: store path 'ldx4ig50pvdaisc99xx284iw5r0qi1jc-a~' contains illegal character '~'\n\n       \u2026 while evaluating the attribute 'drvPath'\n\n       at //builtin/derivation.nix:20:9:\n" },
        // An unknown hash algorithm is Nix 2.8's usage error: checked first, no position, and nix-instantiate's line after.
        { "builtins.hashString \"foo\" 1", false,
         "error: unknown hash algorithm 'foo'\nTry 'nix-instantiate --help' for more information.\n" },
        { "let f = builtins.hashString \"foo\"; in { a = f \"x\"; }", true,
         "error: unknown hash algorithm 'foo'\n\n       \u2026 while evaluating the attribute 'a'\n\n       at \u00abstring\u00bb:1:41:\n\n            1| let f = builtins.hashString \"foo\"; in { a = f \"x\"; }\n             |                                         ^\nTry 'nix-instantiate --help' for more information.\n" },
        { "builtins.hashFile \"md4\" ./missing", false,
         "error: unknown hash algorithm 'md4'\nTry 'nix-instantiate --help' for more information.\n" },
        // A dynamic attribute in a let: at the `let` (lint at the name).
        { "let\n  ${\"a\" + \"\"} = 1;\nin\na", false,
         "error: dynamic attributes not allowed in let\n\n       at \u00abstring\u00bb:1:1:\n\n            1| let\n             | ^\n            2|   ${\"a\" + \"\"} = 1;\n" },
        // An attribute defined through a dotted path is framed at the path's start (lint's frame is at the name).
        { "{\n  a.b = 1 + \"x\";\n}", true,
         "error: cannot add a string to an integer\n\n       at \u00abstring\u00bb:2:13:\n\n            1| {\n            2|   a.b = 1 + \"x\";\n             |             ^\n            3| }\n\n       \u2026 while evaluating the attribute 'b'\n\n       at \u00abstring\u00bb:2:3:\n\n            1| {\n            2|   a.b = 1 + \"x\";\n             |   ^\n            3| }\n\n       \u2026 while evaluating the attribute 'a'\n\n       at \u00abstring\u00bb:2:3:\n\n            1| {\n            2|   a.b = 1 + \"x\";\n             |   ^\n            3| }\n" },
        { "let s = { a.b.c = throw \"x\"; }; in s.a.b.c", true,
         "error: x\n\n       \u2026 while evaluating the attribute 'a.b.c'\n\n       at \u00abstring\u00bb:1:11:\n\n            1| let s = { a.b.c = throw \"x\"; }; in s.a.b.c\n             |           ^\n" },
        // A required attribute missing from a builtin's set: at the literal that made the set (after 'rec', through a
        // variable too), framed at the call; a set a dotted path made has no place in Nix 2.8: at the call, no frame.
        { "builtins.getAttr \"foo\" rec { a = 1; }", false,
         "error: attribute 'foo' missing for call to 'getAttr'\n\n       at \u00abstring\u00bb:1:28:\n\n            1| builtins.getAttr \"foo\" rec { a = 1; }\n             |                            ^\n(use '--show-trace' to show detailed location information)\n" },
        { "let s = { a = 1; }; in builtins.getAttr \"foo\" s", false,
         "error: attribute 'foo' missing for call to 'getAttr'\n\n       at \u00abstring\u00bb:1:9:\n\n            1| let s = { a = 1; }; in builtins.getAttr \"foo\" s\n             |         ^\n(use '--show-trace' to show detailed location information)\n" },
        { "builtins.listToAttrs [ { name = \"a\"; value = 1; }   { value = 2; } ]", false,
         "error: attribute 'name' missing for call to 'listToAttrs'\n\n       at \u00abstring\u00bb:1:53:\n\n            1| builtins.listToAttrs [ { name = \"a\"; value = 1; }   { value = 2; } ]\n             |                                                     ^\n(use '--show-trace' to show detailed location information)\n" },
        { "let a.b = 1; in builtins.getAttr \"c\" a", false,
         "error: attribute 'c' missing for call to 'getAttr'\n\n       at \u00abstring\u00bb:1:17:\n\n            1| let a.b = 1; in builtins.getAttr \"c\" a\n             |                 ^\n" },
        { "builtins.genericClosure { startSet = [ ]; }", true,
         "error: attribute 'operator' missing for call to 'genericClosure'\n\n       at \u00abstring\u00bb:1:25:\n\n            1| builtins.genericClosure { startSet = [ ]; }\n             |                         ^\n\n       \u2026 while invoking 'genericClosure'\n\n       at \u00abstring\u00bb:1:1:\n\n            1| builtins.genericClosure { startSet = [ ]; }\n             | ^\n" },
        // A lone carriage return ends a line of the header's number, but Nix 2.8 shows the lines as split by line feeds.
        { "let\r  x = 1;\r  y = x + \"s\";\r  z = 2;\nin\ny\n# a", false,
         "error: cannot add a string to an integer\n\n       at \u00abstring\u00bb:3:11:\n\n            2| in\n            3| y\n             |           ^\n            4| # a\n" },
        // An infinite recursion is at the variable that read the thunk being computed (lint: at that thunk's expression).
        { "let a = { } // a; in a.foo", false,
         "error: infinite recursion encountered\n\n       at \u00abstring\u00bb:1:16:\n\n            1| let a = { } // a; in a.foo\n             |                ^\n" },
        { "let a = 1 + a; in a", false,
         "error: infinite recursion encountered\n\n       at \u00abstring\u00bb:1:13:\n\n            1| let a = 1 + a; in a\n             |             ^\n" },
        // A call a builtin makes (genList's, map's) has no call site in Nix 2.8.
        { "builtins.genList (x: x + \"foo\") 2", true,
         "error: cannot add a string to an integer\n\n       at \u00abstring\u00bb:1:26:\n\n            1| builtins.genList (x: x + \"foo\") 2\n             |                          ^\n\n       \u2026 while evaluating anonymous lambda\n\n       at \u00abstring\u00bb:1:19:\n\n            1| builtins.genList (x: x + \"foo\") 2\n             |                   ^\n\n       \u2026 from call site\n" },
    };

    [Theory]
    [MemberData(nameof(Nix28Errors))]
    public void The_whole_error_output_is_what_Nix_2_8_prints(string expression, bool showTrace, string nixStderr)
    {
        var result = Evaluate.Run(expression, showTrace: showTrace);

        Assert.False(result.Succeeded);
        Assert.Equal(nixStderr, result.Stderr);
    }

    [Theory]
    [InlineData("let a = { b = 1; }; in a.xyz", "1:26", "1:24")]
    [InlineData("\"${[ 1 ]}\"", "1:4", "1:2")]
    [InlineData("./a/${[ 1 ]}", "1:7", "1:5")]
    [InlineData(" if 1 then 2 else 3", "1:5", "1:2")]
    [InlineData(" 2 * \"a\"", "1:4", "1:2")]
    [InlineData(" 1 < \"a\"", "1:4", null)]
    [InlineData("\"x\" + ({ })", "1:8", "1:7")]
    [InlineData("builtins.getAttr \"foo\" { }", "1:1", "1:24")]
    [InlineData("let a = 1 + a; in a", "1:9", "1:13")]
    public void The_diagnostic_keeps_the_precise_location_lint_reports_beside_Nix_2_8_s(string expression, string precise, string? nix)
    {
        var error = Evaluate.Run(expression).Error!;

        Assert.Equal(precise, error.Location!.Value.Start.ToString());
        Assert.NotNull(error.NixPosition);
        Assert.Equal(nix, error.NixPosition!.Value.Location?.Start.ToString());
    }

    // Nix 2.8 puts the error at the operand's parenthesis; a comment before it ends at a lone carriage return
    // too (a CR-only file), not only at a line feed.
    [Fact]
    public void An_operand_after_a_comment_in_a_CR_only_text_is_located_at_its_parenthesis()
    {
        const string expression = "\"x\" + # c\r  ({ })";

        var error = Evaluate.Run(expression).Error!;

        Assert.Equal(expression.IndexOf('('), error.NixPosition!.Value.Location!.Value.Span.Start);
    }

    [Fact]
    public void A_recursive_call_repeated_is_shown_once_with_its_call_site()
    {
        var trace = Evaluate.ErrorWithTrace("let f = n: if n == 0 then throw \"x\" else f (n - 1); in f 100");

        Assert.Contains("       … from call site\n\n       at «string»:1:42:", trace);
        Assert.Contains("(99 duplicate frames omitted)", trace);
        Assert.Equal(2, trace.Split("… from call site").Length - 1);
    }

    [Fact]
    public void A_file_shows_no_line_its_last_line_break_does_not_end()
    {
        var folder = Directory.CreateTempSubdirectory("errlayout-").FullName;
        try
        {
            var file = Path.Combine(folder, "bad.nix");
            File.WriteAllText(file, "let g = y: f y; f = x: x + \"s\"; in g 1");

            var result = Evaluate.Request(new EvaluationRequest { File = file, Strict = true, ShowTrace = true }, folder);

            // Nix 2.8's output for this file, at /tmp/pos/nonl4.nix: it reads a file back by whole lines only.
            Assert.Equal(
                $"error: cannot add a string to an integer\n\n       at {file}:1:28:\n       \u2026 while evaluating 'f'\n\n       at {file}:1:21:\n       \u2026 from call site\n\n       at {file}:1:12:\n       \u2026 while evaluating 'g'\n\n       at {file}:1:9:\n       \u2026 from call site\n\n       at {file}:1:36:\n",
                result.Stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_file_shows_no_empty_line_after_its_last_line_break()
    {
        var folder = Directory.CreateTempSubdirectory("errlayout-").FullName;
        try
        {
            var file = Path.Combine(folder, "bad.nix");
            File.WriteAllText(file, "let x = 1; in\n{ a = x + \"s\"; }\n");

            var result = Evaluate.Request(new EvaluationRequest { File = file, Strict = true }, folder);

            // Nix 2.8's output for this file, at /tmp/errl/bad.nix.
            Assert.Equal("error: cannot add a string to an integer\n\n       at " + file + ":2:11:\n\n            1| let x = 1; in\n            2| { a = x + \"s\"; }\n             |           ^\n(use '--show-trace' to show detailed location information)\n",
                result.Stderr);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    // Nix 2.8 reads the expression, then the files in the order they are first imported; a name belongs to the first
    // source that made it, wherever its offset in that file lies (both files define their name at 1:3).
    [Theory]
    [InlineData("({ zzz = 1; url = \"x\"; } // import ./b.nix)", "zzz", "\u00abstring\u00bb", "1:22")]
    [InlineData("(import ./z.nix // import ./b.nix // { url = \"x\"; })", "zzz", "z.nix", "1:3")]
    [InlineData("(import ./b.nix // import ./z.nix // { url = \"x\"; })", "b", "b.nix", "1:3")]
    public void A_fetcher_argument_from_several_files_is_checked_in_the_order_the_files_were_read(string argument, string first, string at, string position)
    {
        var folder = Directory.CreateTempSubdirectory("fetchorder-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "b.nix"), "{ b = 1; }");
            File.WriteAllText(Path.Combine(folder, "z.nix"), "{ zzz = 1; }");
            var expression = "builtins.fetchurl " + argument.Replace("./", folder + "/");

            var error = Evaluate.Run(expression).Error!;

            Assert.Equal($"unsupported argument '{first}' to 'fetchurl'", error.Message);
            Assert.EndsWith(at, error.Location!.Value.Source.Name);
            Assert.Equal(position, error.Location!.Value.Start.ToString());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
