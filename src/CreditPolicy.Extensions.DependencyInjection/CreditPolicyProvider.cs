using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.Metrics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using CreditPolicy.Evaluation;
using CreditPolicy.Profiles;
using CreditPolicy.Reports;
using CreditPolicy.Rules;
using CreditPolicy.Serialization;
using CreditPolicy.Streaming;
using CreditPolicy.Subjects;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Text;

namespace CreditPolicy.Extensions.DependencyInjection;

/// <summary>
/// Holds the rule set in force and swaps in a new one when the files or the options change: reloads are debounced
/// (<see cref="CreditPolicyOptions.ReloadDelay"/>), run one at a time, and publish an immutable state with one
/// volatile write, so a reader sees the old snapshot or the new one, never a mix. A reload that fails logs every
/// located problem and keeps the last good snapshot; so does one that reads a rule set taking effect later (R9),
/// until its day comes. The files' folders and their parents are watched, watchers are recreated when a folder is
/// replaced or a watcher fails, and a poll of each file's length and write time catches what notifications miss.
/// </summary>
internal sealed class CreditPolicyProvider : ICreditPolicyEvaluator, IDisposable
{
    private const string Embedded = "embedded";

    private readonly IClock? _containerClock;
    private readonly ILogger _logger;
    private readonly CreditPolicyMetrics _metrics;
    private readonly Lock _gate = new();
    private readonly Timer _timer;
    private readonly Timer _poll;
    private readonly IDisposable? _subscription;
    private readonly CreditPolicyPaths _paths;
    private CreditPolicyOptions _options;
    private bool _optionsChanged;
    private FileSystemWatcher[] _watchers = [];
    private bool _rewatch;
    private string _seen = string.Empty;
    private State? _state;
    private bool _disposed;

    public CreditPolicyProvider(IOptionsMonitor<CreditPolicyOptions> monitor, CreditPolicyPaths paths, ILoggerFactory loggerFactory, IClock? containerClock, IMeterFactory? meterFactory)
    {
        ArgumentNullException.ThrowIfNull(monitor);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(loggerFactory);
        _paths = paths;
        _containerClock = containerClock;
        _logger = loggerFactory.CreateLogger(CreditPolicyTelemetry.MeterName);
        _options = monitor.CurrentValue;
        _metrics = new CreditPolicyMetrics(meterFactory, () => Volatile.Read(ref _state) is { } s ? (s.Current, s.Failure is not null) : (null, false));
        var first = Load(_options);
        if (first.Snapshot is null)
        {
            Report(first, inForce: "none");
            _metrics.Dispose();
            throw new InvalidOperationException(
                $"CreditPolicy could not load {PersonalIds.ForOutput(first.Source)}: {first.Problems.Length} problem(s), logged; the first: {first.Problems[0]}");
        }

        _state = new State(first.Snapshot, null);
        Log.Loaded(_logger, first.Snapshot.ToString(), PersonalIds.ForOutput(first.Snapshot.Source), AgencyText(first.Snapshot));
        if (first.Snapshot.RuleSet.EffectiveFrom > first.Snapshot.Today())
        {
            Log.NotYetInForceAtStart(_logger, first.Snapshot.ToString(), LocalDatePattern.Iso.Format(first.Snapshot.RuleSet.EffectiveFrom));
        }

        _timer = new Timer(static self => ((CreditPolicyProvider)self!).ReloadFromTimer(), this, Timeout.Infinite, Timeout.Infinite);
        _poll = new Timer(static self => ((CreditPolicyProvider)self!).Poll(), this, Timeout.Infinite, Timeout.Infinite);
        Watch(_options);
        _subscription = monitor.OnChange((options, name) =>
        {
            if (name is null || name == Microsoft.Extensions.Options.Options.DefaultName)
            {
                OptionsChanged(options);
            }
        });
    }

    public CreditPolicySnapshot Current => Volatile.Read(ref _state)!.Current;

    public CreditPolicyReloadFailure? LastReloadFailure => Volatile.Read(ref _state)!.Failure;

    public LocalDate Today() => Current.Today();

    public AdvisoryDecision Evaluate(CreditProfile profile) => Current.Evaluate(profile);

    public AdvisoryDecision Evaluate(CreditProfile profile, LocalDate asOf) => Current.Evaluate(profile, asOf);

    public IEnumerable<ProfileLine> ReadProfiles(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Counted(ProfileStreamReader.Read(input, new ProfileStreamOptions { Culture = Current.Culture }));
    }

    /// <summary>Loads the files again now, and swaps the result in if it is good (what a change of the files schedules).</summary>
    internal void Reload()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            if (_rewatch)
            {
                _rewatch = false;
                Watch(_options);
            }

            var state = _state!;
            var result = Load(_options);
            if (result.Snapshot is not { } next)
            {
                Report(result, state.Current.ToString());
                Volatile.Write(ref _state, state with { Failure = new CreditPolicyReloadFailure(Clock(_options).GetCurrentInstant(), result.Source, result.Problems) });
                _metrics.Reloaded(CreditPolicyMetrics.Failure);
                return;
            }

            if (!_optionsChanged && Same(next, state.Current))
            {
                Volatile.Write(ref _state, new State(state.Current, null));
                _metrics.Reloaded(CreditPolicyMetrics.Unchanged);
                Log.Unchanged(_logger, PersonalIds.ForOutput(next.Source), state.Current.ToString());
                return;
            }

            if (next.RuleSet.EffectiveFrom > next.Today())
            {
                // Swapping it in would refuse every evaluation as of today (R9): keep the rule set in force until the
                // new one's day, when the poll loads it.
                var effectiveFrom = LocalDatePattern.Iso.Format(next.RuleSet.EffectiveFrom);
                var zh = next.Culture is not null;
                var message = zh
                    ? $"规则集 {next} 自 {effectiveFrom} 起施行，施行前不予加载；规则集 {state.Current} 继续适用。"
                    : $"rule set {next} takes effect on {effectiveFrom}; it is not loaded until then, and rule set {state.Current} stays in force.";
                var problem = new InputError("$.RuleSet.effectiveFrom", 0, message) { File = next.Source };
                Log.NotYetInForce(_logger, next.ToString(), PersonalIds.ForOutput(next.Source), effectiveFrom, state.Current.ToString());
                Volatile.Write(ref _state, state with { Failure = new CreditPolicyReloadFailure(Clock(_options).GetCurrentInstant(), next.Source, [problem]) { PendingFrom = next.RuleSet.EffectiveFrom } });
                _metrics.Reloaded(CreditPolicyMetrics.Failure);
                return;
            }

            _optionsChanged = false;
            Volatile.Write(ref _state, new State(next, null));
            _metrics.Reloaded(CreditPolicyMetrics.Success);
            Log.Loaded(_logger, next.ToString(), PersonalIds.ForOutput(next.Source), AgencyText(next));
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var watcher in _watchers)
            {
                watcher.Dispose();
            }

            _timer.Dispose();
            _poll.Dispose();
            _subscription?.Dispose();
            _metrics.Dispose();
        }
    }

    private IEnumerable<ProfileLine> Counted(IEnumerable<ProfileLine> lines)
    {
        foreach (var line in lines)
        {
            if (!line.Result.Succeeded)
            {
                _metrics.Rejected(CreditPolicyMetrics.Input);
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    foreach (var error in line.Result.Errors)
                    {
                        Log.ProfileRejected(_logger, line.Line, error.ToString());
                    }
                }
            }

            yield return line;
        }
    }

    private IClock Clock(CreditPolicyOptions options) => options.Clock ?? _containerClock ?? SystemClock.Instance;

    /// <summary>Loads the rule set and the registry the options name and builds a snapshot of them, or says every problem.</summary>
    private LoadResult Load(CreditPolicyOptions options)
    {
        var clock = Clock(options);
        CreditPolicyLanguage.Culture(options.Language, out var culture);
        RuleSet ruleSet;
        var source = Embedded;
        if (options.RuleFile is { } ruleFile)
        {
            source = _paths.Resolve(ruleFile);
            var read = RuleSet.LoadFile(source, culture: culture);
            if (read.Value is null)
            {
                return new LoadResult(null, source, read.Errors);
            }

            ruleSet = read.Value;
        }
        else
        {
            ruleSet = options.Rules ?? RuleSet.JiaCounty2022No8;
        }

        if (options.ComposedRuleFiles.Count > 0 || options.ComposedRules.Count > 0)
        {
            var sets = new List<RuleSet> { ruleSet };
            foreach (var file in options.ComposedRuleFiles)
            {
                var path = _paths.Resolve(file);
                var read = RuleSet.LoadFile(path, culture: culture);
                if (read.Value is null)
                {
                    return new LoadResult(null, path, read.Errors);
                }

                sets.Add(read.Value);
                source += " + " + path;
            }

            sets.AddRange(options.ComposedRules);
            var composed = RuleSet.Compose(sets, culture);
            if (composed.Value is null)
            {
                return new LoadResult(null, source, composed.Errors);
            }

            ruleSet = composed.Value;
        }

        string? agencyFile = null;
        string? agencySha256 = null;
        FiledAgencyRegistry? agencies = null;
        if (options.AgencyFile is { } agencyPath)
        {
            agencyFile = _paths.Resolve(agencyPath);
            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(agencyFile);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                var message = Directory.Exists(agencyFile) ? "It is a folder, not a file: name the registry file in it." : "The file cannot be read: " + ex.Message;
                return new LoadResult(null, agencyFile, [new InputError(null, 0, message) { File = agencyFile }]);
            }

            var read = AgencyRegistryJson.Read(bytes, agencyFile, culture);
            if (read.Value is null)
            {
                return new LoadResult(null, agencyFile, read.Errors);
            }

            foreach (var warning in read.Errors)
            {
                Log.AgencyWarning(_logger, warning.ToString());
            }

            agencies = read.Value;
            agencySha256 = Convert.ToHexStringLower(SHA256.HashData(bytes));
        }

        var evaluator = new PolicyEvaluator(ruleSet, new PolicyEvaluatorOptions { FiledAgencies = agencies, Clock = clock, Culture = culture });
        return new LoadResult(new CreditPolicySnapshot(evaluator, source, agencyFile, agencySha256, clock.GetCurrentInstant(), clock, culture, _metrics, _logger), source, []);
    }

    private void Report(LoadResult result, string inForce)
    {
        Log.LoadFailed(_logger, PersonalIds.ForOutput(result.Source), result.Problems.Length, inForce);
        foreach (var problem in result.Problems)
        {
            Log.Problem(_logger, problem.ToString());
        }
    }

    private static bool Same(CreditPolicySnapshot next, CreditPolicySnapshot current) =>
        ReferenceEquals(next.RuleSet, current.RuleSet)
        || (next.RuleSet.Sha256 == current.RuleSet.Sha256 && next.Source == current.Source && next.AgencyFile == current.AgencyFile && next.AgencySha256 == current.AgencySha256);

    private static string AgencyText(CreditPolicySnapshot snapshot) =>
        snapshot.AgencyFile is null ? "the rule set's" : $"{PersonalIds.ForOutput(snapshot.AgencyFile)} sha256 {snapshot.AgencySha256![..12]}…";

    private void OptionsChanged(CreditPolicyOptions options)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _options = options;
            _optionsChanged = true;
            Watch(options);
            _timer.Change(options.ReloadDelay, Timeout.InfiniteTimeSpan);
        }
    }

    /// <summary>
    /// Watches each file's folder, and that folder's parent for the folder itself being replaced, renamed or removed
    /// (a watcher follows the folder it was made for, not its name); starts the poll. Under <see cref="_gate"/>.
    /// </summary>
    private void Watch(CreditPolicyOptions options)
    {
        foreach (var watcher in _watchers)
        {
            watcher.Dispose();
        }

        _watchers = [];
        if (!options.WatchFiles)
        {
            _poll.Change(Timeout.Infinite, Timeout.Infinite);
            return;
        }

        var files = Files(options);
        var watchers = new List<FileSystemWatcher?>();
        foreach (var folder in files.Select(f => Path.GetDirectoryName(f)!).Distinct(StringComparer.Ordinal))
        {
            foreach (var file in files.Where(f => Path.GetDirectoryName(f) == folder))
            {
                watchers.Add(CreateWatcher(folder, Path.GetFileName(file), NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime, rewatch: false));
            }

            if (Path.GetDirectoryName(folder) is { } parent)
            {
                watchers.Add(CreateWatcher(parent, Path.GetFileName(folder), NotifyFilters.DirectoryName, rewatch: true));
            }
        }

        _watchers = [.. watchers.OfType<FileSystemWatcher>()];
        _seen = Fingerprint(files);
        var poll = options.PollInterval > TimeSpan.Zero ? options.PollInterval : Timeout.InfiniteTimeSpan;
        _poll.Change(poll, poll);
    }

    private string[] Files(CreditPolicyOptions options) =>
        [.. new[] { options.RuleFile, options.AgencyFile }.Concat(options.ComposedRuleFiles).OfType<string>().Where(f => !string.IsNullOrWhiteSpace(f)).Select(_paths.Resolve)];

    /// <summary>A watcher of <paramref name="filter"/> in <paramref name="folder"/>, or none while the folder does not exist (the parent's watcher or the poll will see it come).</summary>
    private FileSystemWatcher? CreateWatcher(string folder, string filter, NotifyFilters notify, bool rewatch)
    {
        FileSystemWatcher watcher;
        try
        {
            watcher = new FileSystemWatcher(folder, filter) { NotifyFilter = notify, IncludeSubdirectories = false };
        }
        catch (ArgumentException)
        {
            return null; // the folder does not exist (now)
        }

        var changed = rewatch ? (FileSystemEventHandler)((_, _) => Schedule(rewatch: true)) : (_, _) => Schedule(rewatch: false);
        watcher.Changed += changed;
        watcher.Created += changed;
        watcher.Deleted += changed;
        watcher.Renamed += (sender, e) => changed(sender, e);
        watcher.Error += (_, e) =>
        {
            Log.WatchFailed(_logger, PersonalIds.ForOutput(Path.Combine(folder, filter)), PersonalIds.ForOutput(e.GetException().Message));
            Schedule(rewatch: true);
        };
        try
        {
            watcher.EnableRaisingEvents = true;
        }
        catch (Exception ex) when (ex is FileNotFoundException or IOException or ArgumentException)
        {
            watcher.Dispose();
            return null; // removed meanwhile
        }

        return watcher;
    }

    /// <summary>Each file's full path, whether it is there, its length and last write time: what the poll compares.</summary>
    private static string Fingerprint(string[] files) =>
        string.Join("|", files.Select(f =>
        {
            var info = new FileInfo(f);
            return info.Exists ? $"{f}:{info.Length}:{info.LastWriteTimeUtc.Ticks}" : $"{f}:-";
        }));

    /// <summary>The fallback for lost notifications: a file whose length or write time changed is reloaded (and its folders watched again); a rule set waiting for its day is loaded on that day.</summary>
    private void Poll()
    {
        try
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                var seen = Fingerprint(Files(_options));
                if (seen != _seen)
                {
                    _seen = seen;
                    ScheduleLocked(rewatch: true);
                }
                else if (_state!.Failure?.PendingFrom is { } day && _state.Current.Today() >= day)
                {
                    ScheduleLocked(rewatch: false);
                }
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.ReloadCrashed(_logger, ex, Current.ToString());
        }
    }

    /// <summary>(Re)starts the quiet period after which the files are reloaded: a burst of events is one reload.</summary>
    private void Schedule(bool rewatch)
    {
        lock (_gate)
        {
            ScheduleLocked(rewatch);
        }
    }

    private void ScheduleLocked(bool rewatch)
    {
        if (!_disposed)
        {
            _rewatch |= rewatch;
            _timer.Change(_options.ReloadDelay, Timeout.InfiniteTimeSpan);
        }
    }

    private void ReloadFromTimer()
    {
        try
        {
            Reload();
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A timer callback must not throw: the last good rule set stays in force, and the next change retries.
            Log.ReloadCrashed(_logger, ex, Current.ToString());
        }
    }

    private sealed record State(CreditPolicySnapshot Current, CreditPolicyReloadFailure? Failure);

    private sealed record LoadResult(CreditPolicySnapshot? Snapshot, string Source, ImmutableArray<InputError> Problems);
}
