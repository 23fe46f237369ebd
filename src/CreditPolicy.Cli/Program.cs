using CreditPolicy.Cli;
using NodaTime;

// The composition root: the only place that reads the system clock, the real console and the environment (the locale).
return CliApplication.Run(args, CliConsole.System, SystemClock.Instance, System.Environment.GetEnvironmentVariable);
