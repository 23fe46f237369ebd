using CreditPolicy.Cli;
using NodaTime;

// The composition root: the only place that reads the system clock and the real console.
return CliApplication.Run(args, CliConsole.System, SystemClock.Instance);
