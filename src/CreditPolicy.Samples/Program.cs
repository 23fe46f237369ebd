using System;
using System.IO;
using CreditPolicy.Samples;

// Writes samples/profiles.jsonl and samples/agencies.json: dotnet run --project src/CreditPolicy.Samples -- [OUTPUT-FOLDER]
var folder = args.Length > 0 ? args[0] : "samples";
Directory.CreateDirectory(folder);
File.WriteAllBytes(Path.Combine(folder, "profiles.jsonl"), SamplePopulation.ProfilesJsonLines(SamplePopulation.DefaultCount, SamplePopulation.DefaultSeed));
File.WriteAllBytes(Path.Combine(folder, "agencies.json"), SamplePopulation.AgenciesJson());
Console.WriteLine($"Wrote {SamplePopulation.DefaultCount} profiles and {SamplePopulation.FiledAgencies.Length} filed agencies to {folder}/.");
