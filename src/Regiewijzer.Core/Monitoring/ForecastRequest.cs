using System.Globalization;

namespace Regiewijzer.Core.Monitoring;

/// <summary>
/// A forecast as the pages, the API and the CLI ask for it: the default runs and seed, the most runs one request may
/// ask for, the Dutch check of runs and seed as a user typed them, and the limitation stated with every forecast.
/// </summary>
public static class ForecastRequest
{
    public const int DefaultRuns = 10_000;

    /// <summary>Most runs one request may ask for (the engine allows more; this bounds the work per request).</summary>
    public const int MaxRuns = 100_000;

    public const ulong DefaultSeed = 1;

    /// <summary>Stated with every forecast (docs/rules.md, the forecast model: limitation).</summary>
    public const string Limitation =
        "Plannen worden onafhankelijk van elkaar getrokken; bij veel plannen is de band P10-P90 daardoor smal. "
        + "Gemeenschappelijke schokken (rente, bouwkosten, stikstof, netcongestie) raken alle plannen tegelijk en zitten niet in het model: "
        + "de werkelijke onzekerheid is groter. De kansen en vertragingen per planstatus zijn aannames, afgeleid van de vuistregel "
        + "'130% plancapaciteit voor 100% realisatie'. Dezelfde runs en seed geven op elke computer dezelfde uitkomst.";

    /// <returns>Null when <paramref name="text"/> is a number of runs from 1 to <see cref="MaxRuns"/>, else the Dutch reason.</returns>
    public static string? CheckRuns(string text, out int runs)
    {
        ArgumentNullException.ThrowIfNull(text);
        return int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out runs) && runs is >= 1 and <= MaxRuns
            ? null
            : $"'{text}' is geen aantal runs; geef een geheel getal van 1 tot en met {MaxRuns.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <returns>Null when <paramref name="text"/> is a seed (0 to 2^64 - 1), else the Dutch reason.</returns>
    public static string? CheckSeed(string text, out ulong seed)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ulong.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out seed)
            ? null
            : $"'{text}' is geen seed; geef een geheel getal van 0 tot en met {ulong.MaxValue.ToString(CultureInfo.InvariantCulture)}";
    }
}
