using System.Collections.Immutable;
using System.Text;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Scenarios;
using Regiewijzer.Data.Features;

namespace Regiewijzer.Web.Components.Pages.Regions.Scenarios;

/// <summary>
/// A what-if from start to result: the stored region, the base that is edited (stored or a loaded file), the form
/// as typed, the scenario or its errors, and the comparison with the stored distribution. LoadErrors are the errors
/// of a loaded scenario file (each with its JSON path); the stored region is then shown.
/// </summary>
public sealed record WhatIfResult(
    WhatIfStart Start,
    WhatIfBase Stored,
    WhatIfBase Base,
    WhatIfForm Form,
    WhatIfBuild? Build,
    Comparison? Comparison,
    ImmutableArray<ScenarioError> LoadErrors)
{
    /// <summary>Largest scenario file the page reads.</summary>
    public const int MaxFileBytes = 1024 * 1024;

    /// <summary>The page before anything is submitted: the stored values in the form, no result.</summary>
    public static WhatIfResult Initial(WhatIfStart start)
    {
        var stored = WhatIfBase.Stored(start);
        return new WhatIfResult(start, stored, stored, WhatIfForm.From(stored), null, null, []);
    }

    /// <summary>The posted form on top of its base (the stored region, or the loaded file it carries in <see cref="WhatIfForm.Basis"/>).</summary>
    public static WhatIfResult Submitted(WhatIfStart start, WhatIfForm form)
    {
        ArgumentNullException.ThrowIfNull(form);
        var stored = WhatIfBase.Stored(start);
        var basis = stored;
        if (!string.IsNullOrWhiteSpace(form.Basis))
        {
            var read = ScenarioReader.Read(form.Basis);
            if (!read.IsValid)
            {
                return new WhatIfResult(start, stored, stored, WhatIfForm.From(stored), null, null, read.Errors);
            }

            basis = WhatIfBase.Loaded(read.Scenario!, form.Basis);
        }

        return Compute(start, stored, basis, form);
    }

    /// <summary>A loaded scenario file: its values fill the form and its distribution is compared with the stored one.</summary>
    public static WhatIfResult Loaded(WhatIfStart start, string json)
    {
        var stored = WhatIfBase.Stored(start);
        var read = ScenarioReader.Read(json);
        if (!read.IsValid)
        {
            return new WhatIfResult(start, stored, stored, WhatIfForm.From(stored), null, null, read.Errors);
        }

        var basis = WhatIfBase.Loaded(read.Scenario!, json);
        return Compute(start, stored, basis, WhatIfForm.From(basis));
    }

    /// <summary>A file that cannot be read at all (too large, not UTF-8, none chosen).</summary>
    public static WhatIfResult Unreadable(WhatIfStart start, string message) =>
        Initial(start) with { LoadErrors = [new ScenarioError("bestand", message)] };

    /// <summary>The scenario the form describes as scenario JSON (docs/scenario-format.md), or null when it has errors.</summary>
    public string? ScenarioJson => Build?.Scenario is { } s ? ScenarioWriter.WriteInput(s) : null;

    /// <summary>Reads an uploaded file as UTF-8 text, or gives the Dutch reason it cannot be read.</summary>
    public static async Task<(string? Text, string? Error)> ReadFileAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null || file.Length == 0 || string.IsNullOrEmpty(file.FileName))
        {
            return (null, "kies eerst een scenariobestand (JSON) om te laden");
        }

        if (file.Length > MaxFileBytes)
        {
            return (null, $"het bestand '{file.FileName}' is {Core.Format.Count(file.Length)} bytes; een scenariobestand mag hoogstens 1 MB ({Core.Format.Count(MaxFileBytes)} bytes) zijn");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct).ConfigureAwait(false);
        try
        {
            return (new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray()).TrimStart('\uFEFF'), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, $"het bestand '{file.FileName}' is geen tekst in UTF-8; sla het scenario op als JSON (UTF-8)");
        }
    }

    private static WhatIfResult Compute(WhatIfStart start, WhatIfBase stored, WhatIfBase basis, WhatIfForm form)
    {
        var build = WhatIfScenario.Build(basis, form);
        var comparison = build.Scenario is { } s
            ? Comparison.Of(stored, start.Current, Distribution.Distribute(s.Region, s.Norms))
            : null;
        return new WhatIfResult(start, stored, basis, form, build, comparison, []);
    }
}
