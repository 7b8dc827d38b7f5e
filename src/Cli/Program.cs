using ConfigLang.Cli.Composition;

// The composition root lives in CliHost; this file only hands over the arguments.
return CliHost.Run(args);
