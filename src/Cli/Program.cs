using ConfigLang.Cli.Composition;

// Before anything allocates much: lets the heap use huge pages (see HeapHugePages).
HeapHugePages.Prepare();
// The composition root lives in CliHost; this file only hands over the arguments.
return CliHost.Run(args);
