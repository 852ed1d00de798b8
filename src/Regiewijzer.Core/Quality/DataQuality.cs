using System.Collections.Immutable;
using Regiewijzer.Core.Geography;
using Regiewijzer.Core.Norms;

namespace Regiewijzer.Core.Quality;

/// <summary>Stable codes of data-quality findings: inputs that are implausible, not errors in the law's sense.</summary>
public enum DataQualityCode
{
    /// <summary>The share of corporation homes is implausibly low (e.g. 0% where a corporation exists).</summary>
    LowCorporationShare,

    /// <summary>The dwelling stock changes implausibly fast between two reference years.</summary>
    StockJump,

    /// <summary>The task asks more new homes a year than the stock can plausibly grow by.</summary>
    TaskAboveGrowthCapacity,

    /// <summary>The municipality lies in no housing region, so it gets no target.</summary>
    NoRegion,
}

/// <summary>What one municipality's inputs are, as far as the checks need them.</summary>
/// <param name="Code">The municipality.</param>
/// <param name="Name">Its name.</param>
/// <param name="StockYear">Reference year of <paramref name="Stock"/>.</param>
/// <param name="Stock">Total dwelling stock on 1 January of <paramref name="StockYear"/>.</param>
/// <param name="SocialStock">Corporation homes in that stock.</param>
/// <param name="SocialCorrected">True when <paramref name="SocialStock"/> is a correction recorded by a province (then it is not checked again).</param>
/// <param name="EarlierYear">An earlier reference year with a stock figure, if any.</param>
/// <param name="EarlierStock">The stock of that year.</param>
/// <param name="Task">The municipality's task for its region's period, if any.</param>
/// <param name="TaskYears">The number of years of that period.</param>
/// <param name="InRegion">False when the municipality is in no housing region.</param>
public sealed record QualityFacts(
    MunicipalityCode Code,
    string Name,
    int StockYear,
    int Stock,
    int SocialStock,
    bool SocialCorrected = false,
    int? EarlierYear = null,
    int? EarlierStock = null,
    int? Task = null,
    int? TaskYears = null,
    bool InRegion = true);

/// <summary>One implausible input: its code, the municipality, a Dutch explanation with the numbers, and what to do.</summary>
public sealed record DataQualityFinding(DataQualityCode Code, MunicipalityCode Municipality, string Name, string Message)
{
    /// <summary>The stable code text, e.g. "STOCK_SHARE_IMPLAUSIBLE".</summary>
    public string CodeText => Code.ToCodeText();

    /// <summary>The Dutch title of the code.</summary>
    public string Title => Code.Title();

    /// <summary>True when the finding is about an input of the distribution (stock or task), so the distribution must say so.</summary>
    public bool AffectsDistribution => Code != DataQualityCode.NoRegion;
}

/// <summary>The thresholds of the checks (law as data: assumptions of Regiewijzer, labelled so).</summary>
/// <param name="MinCorporationShare">Below this share of corporation homes a municipality is flagged (default 3/100).</param>
/// <param name="MaxStockChangePerYear">Above this relative change of the stock per year between two reference years (default 5/100).</param>
/// <param name="MaxTaskPerYear">Above this task per year as a share of the stock (default 4/100).</param>
public sealed record DataQualityThresholds(NormParameter MinCorporationShare, NormParameter MaxStockChangePerYear, NormParameter MaxTaskPerYear)
{
    private const string Source = "Regiewijzer, controle op de invoer";

    /// <summary>The default thresholds.</summary>
    public static DataQualityThresholds Default { get; } = new(
        new("minCorporationShare", "Aandeel corporatiewoningen dat onwaarschijnlijk laag is (onder)", new Fraction(3, 100), Source, Confidence.Assumption,
            "Aanname: vrijwel elke gemeente heeft een woningcorporatie met meer dan enkele procenten van de voorraad; daaronder is een gat in de bron waarschijnlijker."),
        new("maxStockChangePerYear", "Verandering van de woningvoorraad per jaar die onwaarschijnlijk groot is (boven)", new Fraction(5, 100), Source, Confidence.Assumption,
            "Aanname: de voorraad groeit landelijk ongeveer 1% per jaar; meer dan 5% per jaar wijst eerder op een herindeling of een fout in de bron."),
        new("maxTaskPerYear", "Opgave per jaar als deel van de voorraad die onwaarschijnlijk groot is (boven)", new Fraction(4, 100), Source, Confidence.Assumption,
            "Aanname: een opgave van meer dan 4% van de voorraad per jaar is ruim het dubbele van wat snelgroeiende gemeenten bouwen."));
}

/// <summary>Data-quality checks on the inputs of the distribution and the monitoring. Pure; the caller loads the facts.</summary>
public static class DataQuality
{
    /// <summary>
    /// Every finding, ordered by code and then municipality code. A corrected social stock is not checked for a low
    /// share (the province has confirmed it). A share exactly at a threshold is not flagged.
    /// </summary>
    public static ImmutableArray<DataQualityFinding> Check(IEnumerable<QualityFacts> municipalities, DataQualityThresholds? thresholds = null)
    {
        ArgumentNullException.ThrowIfNull(municipalities);
        thresholds ??= DataQualityThresholds.Default;
        var findings = new List<DataQualityFinding>();
        foreach (var m in municipalities)
        {
            if (!m.SocialCorrected && m.Stock > 0 && new Fraction(m.SocialStock, m.Stock) < thresholds.MinCorporationShare.Value)
            {
                findings.Add(new(DataQualityCode.LowCorporationShare, m.Code, m.Name,
                    $"{m.Name} heeft volgens de bron {Format.Count(m.SocialStock)} corporatiewoningen op {Format.Count(m.Stock)} woningen ({Format.Percent(new Fraction(m.SocialStock, m.Stock))}) in {m.StockYear}, "
                    + $"minder dan {Format.Percent(thresholds.MinCorporationShare.Value, 0)}. Dat is onwaarschijnlijk; het bepaalt het achterblijvende segment en de ondergrens. "
                    + "De provincie kan een gecorrigeerd aantal met bron vastleggen."));
            }

            if (m is { EarlierYear: { } year, EarlierStock: { } earlier } && earlier > 0 && m.StockYear > year)
            {
                var change = new Fraction(Math.Abs((long)m.Stock - earlier), (long)earlier * (m.StockYear - year));
                if (change > thresholds.MaxStockChangePerYear.Value)
                {
                    findings.Add(new(DataQualityCode.StockJump, m.Code, m.Name,
                        $"De woningvoorraad van {m.Name} gaat van {Format.Count(earlier)} ({year}) naar {Format.Count(m.Stock)} ({m.StockYear}): {Format.Percent(change)} per jaar, "
                        + $"meer dan {Format.Percent(thresholds.MaxStockChangePerYear.Value, 0)}. Controleer de bron (herindeling, telfout)."));
                }
            }

            if (m is { Task: { } task, TaskYears: { } years } && years > 0 && m.Stock > 0)
            {
                var perYear = new Fraction(task, (long)m.Stock * years);
                if (perYear > thresholds.MaxTaskPerYear.Value)
                {
                    findings.Add(new(DataQualityCode.TaskAboveGrowthCapacity, m.Code, m.Name,
                        $"De opgave van {m.Name} is {Format.Count(task)} woningen in {years} jaar: {Format.Percent(perYear)} van de voorraad ({Format.Count(m.Stock)}) per jaar, "
                        + $"meer dan {Format.Percent(thresholds.MaxTaskPerYear.Value, 0)}. Controleer de opgave en haar herkomst."));
                }
            }

            if (!m.InRegion)
            {
                findings.Add(new(DataQualityCode.NoRegion, m.Code, m.Name,
                    $"{m.Name} ligt in geen woningbouwregio en krijgt dus geen doel. De provincie wijst de woningbouwregio's aan."));
            }
        }

        return [.. findings.OrderBy(f => f.Code).ThenBy(f => f.Municipality.Value, StringComparer.Ordinal)];
    }

    /// <summary>The stable code text.</summary>
    public static string ToCodeText(this DataQualityCode code) => code switch
    {
        DataQualityCode.LowCorporationShare => "STOCK_SHARE_IMPLAUSIBLE",
        DataQualityCode.StockJump => "STOCK_JUMP",
        DataQualityCode.TaskAboveGrowthCapacity => "TASK_ABOVE_GROWTH_CAPACITY",
        DataQualityCode.NoRegion => "MUNICIPALITY_WITHOUT_REGION",
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };

    /// <summary>The Dutch title of a code.</summary>
    public static string Title(this DataQualityCode code) => code switch
    {
        DataQualityCode.LowCorporationShare => "Onwaarschijnlijk laag aandeel corporatiewoningen",
        DataQualityCode.StockJump => "Onwaarschijnlijke sprong in de woningvoorraad",
        DataQualityCode.TaskAboveGrowthCapacity => "Opgave boven wat de voorraad kan groeien",
        DataQualityCode.NoRegion => "Gemeente in geen woningbouwregio",
        _ => throw new ArgumentOutOfRangeException(nameof(code)),
    };
}
