using System.Diagnostics.Metrics;

namespace Regiewijzer.Data.Telemetry;

/// <summary>
/// Regiewijzer's own counters (meter "Regiewijzer"), exported with the rest of OpenTelemetry when configured: what the
/// installation does for its users, not how the machine is doing.
/// </summary>
public static class RegiewijzerMetrics
{
    public const string MeterName = "Regiewijzer";

    private static readonly Meter Meter = new(MeterName);

    /// <summary>Region distributions computed (tag <c>bron</c>: database or scenario).</summary>
    public static readonly Counter<long> Distributions = Meter.CreateCounter<long>("regiewijzer.distributions", unit: "{verdeling}", description: "Berekende verdelingen");

    /// <summary>Imports stored (tag <c>soort</c>: plannen, realisaties); a refused file stores nothing and is not counted.</summary>
    public static readonly Counter<long> Imports = Meter.CreateCounter<long>("regiewijzer.imports", unit: "{import}", description: "Opgeslagen imports");

    /// <summary>Rows written by imports (tag <c>soort</c>).</summary>
    public static readonly Counter<long> ImportedRows = Meter.CreateCounter<long>("regiewijzer.imports.rows", unit: "{rij}", description: "Geïmporteerde rijen");

    /// <summary>Governance decisions (tag <c>soort</c>: ontheffing, afspraak, instructie).</summary>
    public static readonly Counter<long> Decisions = Meter.CreateCounter<long>("regiewijzer.decisions", unit: "{besluit}", description: "Genomen besluiten");

    public static void Distributed(string source) => Distributions.Add(1, new KeyValuePair<string, object?>("bron", source));

    public static void Imported(string kind, long rows)
    {
        var tag = new KeyValuePair<string, object?>("soort", kind);
        Imports.Add(1, tag);
        ImportedRows.Add(rows, tag);
    }

    public static void Decided(string kind) => Decisions.Add(1, new KeyValuePair<string, object?>("soort", kind));
}
