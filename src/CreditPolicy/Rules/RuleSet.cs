using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System;
using Ardalis.GuardClauses;
using CreditPolicy.Measures;
using CreditPolicy.Records;
using CreditPolicy.Reports;
using CreditPolicy.Serialization;
using CreditPolicy.Subjects;
using NodaTime;


namespace CreditPolicy.Rules;

/// <summary>
/// A validated, compiled rule set: one rule per incentive and disciplinary measure (R6.1–R6.3, R7.1–R7.3),
/// written in RulesEngine's rule format with CreditPolicy's metadata, plus the example cases it carries.
/// </summary>
/// <remarks>
/// Load one with <see cref="Load"/> or <see cref="LoadFile"/>, which report every problem of the file at
/// once; or take the shipped Jia County set, <see cref="JiaCounty2022No8"/>, embedded in the library.
/// Every rule is compiled once, at load. Immutable and thread-safe: build it once and share it.
/// </remarks>
public sealed partial class RuleSet
{
    private static readonly Lazy<RuleSet> JiaCounty = new(() => LoadEmbedded("jia-county-2022-8.json"));

    private static readonly Lazy<RuleSet> StateCouncil2020 = new(() => LoadEmbedded("national/gbf-2020-42.json"));

    private static readonly Lazy<RuleSet> StateCouncil2019 = new(() => LoadEmbedded("national/gbf-2019-35.json"));


    internal RuleSet(
        RuleSetHeader header,
        string sha256,
        ImmutableArray<MeasureDefinition> measures,
        ImmutableArray<CompiledMeasure> compiled,
        ImmutableArray<RuleCase> cases,
        ImmutableArray<InputError> caseProblems = default,
        ImmutableArray<(string Name, string Expression)> globalParams = default)
    {
        GlobalParams = globalParams.IsDefault ? [] : globalParams;
        Id = header.Id;
        Version = header.Version;
        Source = header.Source;
        Issuer = header.Issuer;
        TitleZh = header.TitleZh;
        TitleEn = header.TitleEn;
        EffectiveFrom = header.EffectiveFrom;
        FiledAgencies = header.FiledAgencies;
        PublicityPolicy = header.PublicityPolicy;
        Clauses = header.Clauses;
        Level = header.Level;
        PenaltySeverity = header.PenaltySeverity;
        Sha256 = sha256;
        Measures = measures;
        Compiled = compiled;
        InEvaluationOrder = [.. compiled.OrderBy(m => m.Definition.Clause).ThenBy(m => m.Definition.Code, StringComparer.Ordinal)];
        DefinitionsInEvaluationOrder = [.. InEvaluationOrder.Select(m => m.Definition)];
        Cases = cases;
        CaseProblems = caseProblems.IsDefault ? [] : caseProblems;
    }

    /// <summary>
    /// The shipped rule set of Jia County's notice 郏政务和大数据〔2022〕8号 (<c>rules/jia-county-2022-8.json</c>,
    /// embedded in the library), in force from 2022-03-11 (R9).
    /// </summary>
    public static RuleSet JiaCounty2022No8 => JiaCounty.Value;

    /// <summary>
    /// The national rule set of 国办发〔2020〕42号 (证明事项和涉企经营许可事项告知承诺制; <c>rules/national/gbf-2020-42.json</c>,
    /// embedded): no approval substitution until credit repair for an applicant with a fairly serious bad credit
    /// record or an earlier false commitment. Compose it with a county's rules.
    /// </summary>
    public static RuleSet StateCouncilOffice2020No42 => StateCouncil2020.Value;

    /// <summary>
    /// The national rule set of 国办发〔2019〕35号 (以信用为基础的新型监管机制; <c>rules/national/gbf-2019-35.json</c>,
    /// embedded): prior acceptance on a written commitment for applicants in good credit standing, discipline for
    /// a breached written commitment according to its circumstances. Compose it with a county's rules.
    /// </summary>
    public static RuleSet StateCouncilOffice2019No35 => StateCouncil2019.Value;

    /// <summary>The rule set's id, e.g. <c>jia-county-2022-8</c>.</summary>
    public string Id { get; }

    /// <summary>The rule set's version.</summary>
    public string Version { get; }

    /// <summary>The document it implements, e.g. 郏政务和大数据〔2022〕8号.</summary>
    public string Source { get; }

    /// <summary>The body that issued the document.</summary>
    public string Issuer { get; }

    /// <summary>The document's title in Chinese, if given.</summary>
    public string? TitleZh { get; }

    /// <summary>The document's title in English, if given.</summary>
    public string? TitleEn { get; }

    /// <summary>The day the rules take effect; evaluating as of an earlier day is an error.</summary>
    public LocalDate EffectiveFrom { get; }

    /// <summary>The registry of filed agencies the rule set ships (R3); may be empty.</summary>
    public FiledAgencyRegistry FiledAgencies { get; }

    /// <summary>
    /// The publicity policy the rule set follows (contract v2): the national regimes that decide when negative
    /// records stop being published, so stop being bad credit records. The rule file's
    /// <c>RuleSet.publicityPolicy</c> names it or gives it inline; without it, <see cref="NationalPublicityPolicy"/>.
    /// </summary>
    public PublicityPolicy PublicityPolicy { get; }

    /// <summary>
    /// The national publicity regimes shipped with the library (<c>rules/national/publicity-policy.json</c>):
    /// 发改办财金〔2019〕527号, NDRC Order No. 58 (2023-05-01) and NDRC Order No. 36 (2026-04-01), each with
    /// its periods cited from its text.
    /// </summary>
    public static PublicityPolicy NationalPublicityPolicy => NationalPublicity.Policy;

    /// <summary>
    /// The clause ids the rule set declares (<c>RuleSet.clauses</c>), which its measures may cite besides the
    /// policy's R6.1–R7.3: a national rule set cites its own document's paragraphs. Empty for the county's.
    /// </summary>
    public ImmutableArray<ClauseDeclaration> Clauses { get; }

    /// <summary>
    /// The classes (minor, general, serious) an importer of publicity data gives administrative penalties by
    /// category and fine amount: <see cref="PenaltySeverityTable.Default"/> as the rule file's
    /// <c>RuleSet.penaltySeverity</c> changes it, or the default without it (docs/import.md).
    /// </summary>
    public PenaltySeverityTable PenaltySeverity { get; }

    /// <summary>SHA-256 of the rule file's bytes, lowercase hex: which rules a decision came from.</summary>
    public string Sha256 { get; }

    /// <summary>Every measure the file defines, enabled or not, in file order.</summary>
    public ImmutableArray<MeasureDefinition> Measures { get; }

    /// <summary>The example cases the file carries that could be read (see <see cref="CaseProblems"/> for the others).</summary>
    public ImmutableArray<RuleCase> Cases { get; }

    /// <summary>
    /// Problems in the file's example cases (a case expecting a disabled or unknown measure, a case profile
    /// that cannot be read, …). They never stop the rule set from loading or evaluating (contract v2: "Example
    /// cases in a rule file never stop evaluate or diff"); <c>validate</c> and <c>test</c> report them. A case
    /// citing the code of a rule that failed to load is not reported again.
    /// </summary>
    public ImmutableArray<InputError> CaseProblems { get; }

    internal ImmutableArray<CompiledMeasure> Compiled { get; }

    /// <summary><see cref="Compiled"/> in the order evaluation reads and decisions list them: by clause, then code. Never changed.</summary>
    internal CompiledMeasure[] InEvaluationOrder { get; }

    /// <summary>Their definitions in the same order: bit <c>i</c> of a decision's measures is <c>DefinitionsInEvaluationOrder[i]</c>. Never changed.</summary>
    internal MeasureDefinition[] DefinitionsInEvaluationOrder { get; }

    /// <summary>The file's <c>GlobalParams</c> (name, expression), for comparing rule sets.</summary>
    internal ImmutableArray<(string Name, string Expression)> GlobalParams { get; }

    /// <summary>Reads, validates and compiles a rule file from its bytes, reporting every problem at once.</summary>
    /// <param name="utf8Json">The file's bytes (UTF-8 JSON, with or without a byte-order mark; comments and trailing commas allowed).</param>
    /// <param name="fileName">The name errors are reported under.</param>
    /// <param name="limits">The limits that stop a hostile file; <see cref="RuleFileLimits.Default"/> when <see langword="null"/>.</param>
    /// <param name="culture">The language of the problems' messages: Chinese when its name starts with <c>zh</c>; <see langword="null"/> for English.</param>
    /// <exception cref="ArgumentException">A limit is not positive.</exception>
    public static ReadResult<RuleSet> Load(ReadOnlySpan<byte> utf8Json, string fileName, RuleFileLimits? limits = null, System.Globalization.CultureInfo? culture = null)
    {
        Guard.Against.NullOrEmpty(fileName);
        limits = Checked(limits);
        return utf8Json.Length > limits.MaxFileBytes
            ? TooLarge(fileName, limits, culture)
            : new RuleFileReader(utf8Json.ToArray(), fileName, limits, culture).Read();
    }

    /// <summary>
    /// Reads, validates and compiles a rule file; a file that cannot be read, or is larger than the limit
    /// (read no further than that, so a device such as <c>/dev/zero</c> is harmless), is one error, not an exception.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="limits">The limits that stop a hostile file; <see cref="RuleFileLimits.Default"/> when <see langword="null"/>.</param>
    /// <param name="encoding">The file's encoding (see <see cref="Serialization.InputEncodings"/>); UTF-8 when <see langword="null"/>.</param>
    /// <param name="culture">The language of the problems' messages: Chinese when its name starts with <c>zh</c>; <see langword="null"/> for English.</param>
    /// <exception cref="ArgumentException">A limit is not positive.</exception>
    public static ReadResult<RuleSet> LoadFile(string path, RuleFileLimits? limits = null, System.Text.Encoding? encoding = null, System.Globalization.CultureInfo? culture = null)
    {
        Guard.Against.NullOrEmpty(path);
        limits = Checked(limits);
        byte[] bytes;
        try
        {
            using var stream = File.OpenRead(path);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > limits.MaxFileBytes)
                {
                    return TooLarge(path, limits, culture);
                }
            }

            var raw = buffer.ToArray();
            try
            {
                bytes = InputEncodings.ToUtf8(raw, encoding);
            }
            catch (System.Text.DecoderFallbackException ex)
            {
                return new ReadResult<RuleSet>(null, [new InputError(null, InputEncodings.LineOf(raw, ex.Index), Messages.Get(Messages.IsChinese(culture), "rules.not-valid-encoding", encoding!.WebName.ToUpperInvariant())) { File = path }]);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return new ReadResult<RuleSet>(null, [new InputError(null, 0, PersonalIds.ForMessage(Messages.Get(Messages.IsChinese(culture), "rules.cannot-read", ForeignMessages.Translate(ex.Message, Messages.IsChinese(culture))))) { File = path }]);
        }

        return new RuleFileReader(bytes, path, limits, culture).Read();
    }

    private static RuleFileLimits Checked(RuleFileLimits? limits)
    {
        limits ??= RuleFileLimits.Default;
        return limits.Problems() is [var problem, ..] ? throw new ArgumentException(problem, nameof(limits)) : limits;
    }

    private static ReadResult<RuleSet> TooLarge(string file, RuleFileLimits limits, System.Globalization.CultureInfo? culture) =>
        new(null, [new InputError(null, 1, Messages.Get(Messages.IsChinese(culture), "rules.file-too-large", limits.MaxFileBytes)) { File = file }]);

    /// <summary>The measure with this code, or <see langword="null"/>.</summary>
    public MeasureDefinition? FindMeasure(string code) => Measures.FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.Ordinal));

    /// <summary>Id, version and the start of the hash.</summary>
    public override string ToString() => Subjects.PersonalIds.Mask($"{Id} {Version} ({Sha256[..12]})"); // R8

    /// <summary>
    /// The bytes of the shipped rule file <c>jia-county-2022-8.json</c>, exactly as embedded (their SHA-256
    /// is <see cref="JiaCounty2022No8"/>'s <see cref="Sha256"/>): for a tool or an app that lets policy
    /// staff start editing from the shipped rules (<c>creditpolicy init</c>).
    /// </summary>
    public static byte[] JiaCounty2022No8File() => EmbeddedFile("jia-county-2022-8.json");

    /// <summary>The bytes of the national rule file <c>rules/national/gbf-2020-42.json</c>, exactly as embedded (<see cref="StateCouncilOffice2020No42"/>).</summary>
    public static byte[] StateCouncilOffice2020No42File() => EmbeddedFile("national/gbf-2020-42.json");

    /// <summary>The bytes of the national rule file <c>rules/national/gbf-2019-35.json</c>, exactly as embedded (<see cref="StateCouncilOffice2019No35"/>).</summary>
    public static byte[] StateCouncilOffice2019No35File() => EmbeddedFile("national/gbf-2019-35.json");

    /// <summary>The bytes of an embedded rule file, by its path under <c>rules/</c>.</summary>
    internal static byte[] EmbeddedFile(string path)
    {
        var resource = "CreditPolicy.Rules." + path.Replace('/', '.');
        using var stream = typeof(RuleSet).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded rule file {resource} is missing from the build.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static RuleSet LoadEmbedded(string path)
    {
        var result = Load(EmbeddedFile(path), System.IO.Path.GetFileName(path));
        return result.Value ?? throw new InvalidOperationException($"The embedded rule file {path} is invalid: " + string.Join("; ", result.Errors));
    }
}
