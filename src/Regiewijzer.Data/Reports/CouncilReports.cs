using System.Collections.Immutable;
using Microsoft.EntityFrameworkCore;
using Regiewijzer.Core;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Monitoring;
using Regiewijzer.Core.Norms;
using Regiewijzer.Core.Reports;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Data.Reports;

/// <summary>What a council document needs besides the database: when it is made, the site's address, and monitoring.</summary>
/// <param name="Now">The moment of generation (the document's date).</param>
/// <param name="BaseAddress">The address of the web application, for the permalink ("http://localhost:5080").</param>
/// <param name="Monitoring">The monitoring snapshot (targets in force, progress, forecast); null leaves those sections out with a note.</param>
/// <param name="Forecast">Computes (or takes from a cache) the forecast of a subject; null computes it from the snapshot.</param>
public sealed record ReportContext(DateTimeOffset Now, string BaseAddress, MonitoringSnapshot? Monitoring, Func<SubjectProgress, ForecastResult>? Forecast = null);

/// <summary>The two document formats.</summary>
public enum ReportFormat
{
    Pdf,
    Docx,
}

/// <summary>
/// The council documents (issue 16): raadsinformatie of a municipality and the regiodocument of a housing region, as
/// content (<see cref="ReportDocument"/>) that <see cref="ReportPdf"/> and <see cref="ReportDocx"/> render. Loads the
/// same facts as the municipality and region pages and the API (LoadMunicipality, DistributeRegion), so every number
/// equals the page's.
/// </summary>
public static class CouncilReports
{
    private const string SocialColor = "#01689B";
    private const string MiddleColor = "#8FCAE7";
    private const string FreeColor = "#CCE0F1";

    /// <summary>Writes the document in the format.</summary>
    public static void Write(ReportDocument report, ReportFormat format, Stream output)
    {
        if (format == ReportFormat.Pdf)
        {
            ReportPdf.Write(report, output);
        }
        else
        {
            ReportDocx.Write(report, output);
        }
    }

    /// <summary>"pdf" or "docx" (any case); null for anything else.</summary>
    public static ReportFormat? ParseFormat(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "PDF" => ReportFormat.Pdf,
        "DOCX" => ReportFormat.Docx,
        _ => null,
    };

    public static string ContentType(ReportFormat format) => format == ReportFormat.Pdf
        ? "application/pdf"
        : "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static string Extension(ReportFormat format) => format == ReportFormat.Pdf ? "pdf" : "docx";

    /// <summary>The raadsinformatie of a municipality (CBS code, any case).</summary>
    public static async Task<Outcome<ReportDocument>> MunicipalityAsync(RegiewijzerDb db, string code, ReportContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(code))
        {
            return Outcome<ReportDocument>.Invalid("gemeente", "Geef een CBS-gemeentecode, bijvoorbeeld GM0228 voor Ede.");
        }

        var facts = await LoadMunicipality.RunAsync(db, code, ct).ConfigureAwait(false);
        if (facts is null)
        {
            return Outcome<ReportDocument>.NotFound($"Er is geen gemeente met de CBS-code {code.Trim()}. Een gemeentecode is GM met vier cijfers, bijvoorbeeld GM0228 voor Ede.");
        }

        if (facts.Membership?.Region is not { } region || facts.Region?.Result is not { } result || facts.Distribution is not { } mine)
        {
            var why = facts.Membership is null
                ? "ligt in de gegevens in geen woningbouwregio"
                : facts.Task is null ? "heeft geen opgave voor de periode van haar regio" : "heeft geen bekende woningvoorraad";
            return Outcome<ReportDocument>.NotFound($"{facts.Municipality.Name} {why} en heeft dus (nog) geen doelen; er is geen raadsinformatie te maken.");
        }

        var quality = await CheckDataQuality.RunAsync(db, ct).ConfigureAwait(false);
        return Outcome<ReportDocument>.Ok(Municipality(facts, region, result, mine, quality, context));
    }

    /// <summary>The regiodocument of a housing region (id such as WD19, any case).</summary>
    public static async Task<Outcome<ReportDocument>> RegionAsync(RegiewijzerDb db, string id, ReportContext context, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(id))
        {
            return Outcome<ReportDocument>.Invalid("regio", "Geef de code van een woningbouwregio, bijvoorbeeld WD19 voor Foodvalley.");
        }

        var key = id.Trim().ToUpperInvariant();
        var region = await db.Regions.AsNoTracking()
            .Include(r => r.Members).ThenInclude(m => m.Municipality).ThenInclude(m => m!.Province)
            .FirstOrDefaultAsync(r => r.Id == key, ct).ConfigureAwait(false);
        if (region is null)
        {
            return Outcome<ReportDocument>.NotFound($"Er is geen woningbouwregio met de code {id.Trim()}. De codes lopen van WD01 tot en met WD35.");
        }

        var outcome = await DistributeRegion.RunAsync(db, region, store: false, ct: ct).ConfigureAwait(false);
        if (outcome.Result is not { } result)
        {
            return Outcome<ReportDocument>.NotFound(outcome.NotDistributed!);
        }

        var quality = await CheckDataQuality.RunAsync(db, ct).ConfigureAwait(false);
        return Outcome<ReportDocument>.Ok(Region(region, outcome, result, quality, context));
    }

    private static ReportDocument Municipality(MunicipalityFacts facts, HousingRegionRow region, RegionDistribution result, MunicipalityDistribution m, DataQualityReport quality, ReportContext context)
    {
        var name = facts.Municipality.Name;
        var period = $"{region.PeriodFrom}–{region.PeriodTo}";
        var date = ReportText.Date(context.Now);
        var permalink = Permalink(context, $"/gemeente/{facts.Municipality.Code}");
        var norms = result.Norms;
        var b = ImmutableArray.CreateBuilder<ReportBlock>();

        b.Add(new ReportHeading(1, "Samenvatting"));
        b.Add(new ReportParagraph(
            $"{name} heeft voor {period} een opgave van {Format.Count(m.Task)} woningen ({OriginText(facts.Task)}). Daarvan zijn {Format.Count(m.Social)} sociale huur ({Share(m.Social, m.Task)}), " +
            $"{Format.Count(m.Middle)} middensegment ({Share(m.Middle, m.Task)}) en {Format.Count(m.Free)} vrije sector ({Share(m.Free, m.Task)}); betaalbaar samen {Format.Count(m.Affordable)} ({Share(m.Affordable, m.Task)})."));
        b.Add(new ReportParagraph(
            $"De normen van de wet ({norms.AffordableShare.Percent} betaalbaar, {norms.SocialShare.Percent} sociale huur) gelden voor de woningbouwregio {region.Name} als geheel, niet per gemeente. " +
            RegionVerdict(result)));
        b.Add(new ReportParagraph($"Achterblijvend segment van {name}: {m.Lagging.Dutch()} (aandeel corporatiewoningen {Format.Percent(m.StockShare)}, drempel {norms.LaggingThreshold.Percent})."));

        b.Add(new ReportHeading(1, "De opgave en de doelen per segment"));
        b.Add(new ReportParagraph($"Elke regel zegt in één zin hoe het getal ontstaat; de stappen met alle waarden staan in het hoofdstuk \"Hoe komt dit getal tot stand?\"."));
        b.Add(new ReportTable(
            $"Tabel 1. Doelen van {name} voor {period}",
            ["Segment", "Woningen", "Aandeel", "Regel"],
            [
                [.. Row("Opgave", m.Task, m.Task, TaskRule(facts.Task))],
                [.. Row("Sociale huur", m.Social, m.Task, SocialRule(m, norms))],
                [.. Row("Middensegment", m.Middle, m.Task, MiddleRule(m, norms))],
                [.. Row("Vrije sector", m.Free, m.Task, $"Wat overblijft: de opgave ({Format.Count(m.Task)}) min sociale huur ({Format.Count(m.Social)}) en middensegment ({Format.Count(m.Middle)}).")],
                [.. Row("Betaalbaar samen", m.Affordable, m.Task, $"Sociale huur plus middensegment; de norm van {norms.AffordableShare.Percent} betaalbaar geldt voor de regio als geheel.")],
            ],
            [false, true, true, false]) { Widths = [1.3, 0.9, 0.9, 4.2] });

        b.Add(new ReportChart(
            $"Figuur 1. Mix van de doelen: {name} en {region.Name}",
            $"Staafdiagram van de verdeling van de opgave over de segmenten. {name}: sociale huur {Share(m.Social, m.Task)}, middensegment {Share(m.Middle, m.Task)}, vrije sector {Share(m.Free, m.Task)}. " +
            $"{region.Name} als geheel: sociale huur {Share(result.Social, result.Task)}, middensegment {Share(result.Middle, result.Task)}, vrije sector {Share(result.Free, result.Task)}. De getallen staan in tabel 2.",
            new StackedBarChart(
                [name, $"{region.Name} (regio)"],
                [
                    new ChartSeries("Sociale huur", [Ratio(m.Social, m.Task), Ratio(result.Social, result.Task)], SocialColor),
                    new ChartSeries("Middensegment", [Ratio(m.Middle, m.Task), Ratio(result.Middle, result.Task)], MiddleColor),
                    new ChartSeries("Vrije sector", [Ratio(m.Free, m.Task), Ratio(result.Free, result.Task)], FreeColor),
                ],
                Shares: true,
                "Aandeel van de opgave")));
        b.Add(new ReportTable(
            "Tabel 2. De getallen bij figuur 1",
            ["", "Opgave", "Sociale huur", "Middensegment", "Vrije sector"],
            [
                [name, Format.Count(m.Task), $"{Format.Count(m.Social)} ({Share(m.Social, m.Task)})", $"{Format.Count(m.Middle)} ({Share(m.Middle, m.Task)})", $"{Format.Count(m.Free)} ({Share(m.Free, m.Task)})"],
                [$"{region.Name} (regio)", Format.Count(result.Task), $"{Format.Count(result.Social)} ({Share(result.Social, result.Task)})", $"{Format.Count(result.Middle)} ({Share(result.Middle, result.Task)})", $"{Format.Count(result.Free)} ({Share(result.Free, result.Task)})"],
            ],
            [false, true, true, true, true]) { Widths = [1.6, 0.9, 1.2, 1.2, 1.2] });

        b.Add(new ReportHeading(1, "Hoe komt dit getal tot stand?"));
        b.Add(new ReportParagraph($"Stap voor stap van de woningvoorraad naar de doelen van {name}. Elke stap noemt de gebruikte waarden, de regel en de bron."));
        foreach (var step in result.Explain(m.Code))
        {
            b.Add(new ReportHeading(2, $"Stap {step.Number}. {step.Title}"));
            b.Add(new ReportParagraph(step.Text));
            if (!step.Values.IsEmpty)
            {
                b.Add(new ReportTable($"Waarden bij stap {step.Number}", ["Waarde", "Uitkomst"], [.. step.Values.Select(v => ImmutableArray.Create(v.Name, v.Value))], [false, true]) { Widths = [3, 2] });
            }

            b.Add(new ReportParagraph(step.Rule, "Regel"));
            b.Add(new ReportParagraph(step.Source, "Bron", Small: true));
        }

        Agreement(b, context, facts.Municipality.Code, name, region, m);
        Progress(b, context, MonitoringLevel.Municipality, facts.Municipality.Code, name);

        b.Add(new ReportHeading(1, "Kwaliteit van de gegevens en aannames"));
        var findings = quality.Of(facts.Municipality.Code).ToList();
        var corrected = quality.CorrectedOf([facts.Municipality.Code]);
        if (findings.Count == 0 && corrected.Count == 0)
        {
            b.Add(new ReportParagraph($"Geen signalen: de woningvoorraad, het aandeel corporatiewoningen en de opgave van {name} liggen binnen de controlegrenzen."));
        }

        foreach (var f in findings)
        {
            b.Add(new ReportParagraph($"{f.Title}. {f.Message} De verdeling rekent er toch mee.", "Signaal"));
        }

        foreach (var (who, stock) in corrected)
        {
            b.Add(new ReportParagraph(CorrectionText(who, stock), "Gecorrigeerd"));
        }

        if (facts.Stock is { IsEstimate: true } s)
        {
            b.Add(new ReportParagraph($"Het aantal corporatiewoningen van {name} op 1 januari {s.ReferenceYear} ({Format.Count(s.SocialStock)}) is geschat: het aandeel van {s.SocialShareYear} maal de voorraad van {s.ReferenceYear}.", "Aanname"));
        }

        if (facts.Task is { Origin: Model.TaskOrigin.Derived } task)
        {
            b.Add(new ReportParagraph($"De opgave van {name} is afgeleid, niet afgesproken: {task.Method ?? "methode onbekend"}.", "Aanname"));
        }

        if (facts.Membership!.IndicativeNow)
        {
            b.Add(new ReportParagraph($"{name} is indicatief lid van {region.Name}: niet gecontroleerd aan de tekst van de woondeal.", "Aanname"));
        }

        Sources(b, norms, facts.Stock, facts.Task);
        var cover = ImmutableArray.Create(
            new ReportFact("Gemeente", $"{name} ({facts.Municipality.Code}), provincie {facts.Municipality.Province?.Name ?? facts.Municipality.ProvinceCode}"),
            new ReportFact("Woningbouwregio", $"{region.Name} ({region.Id}), periode {period}"),
            new ReportFact("Datum", date),
            new ReportFact("Peildata van de gegevens", ReferenceDates(facts.Stock, facts.Task, context)),
            new ReportFact("Normen", $"{norms.Name} ({norms.Id})"),
            new ReportFact("Regiewijzer-versie", ReportSources.SoftwareVersion),
            new ReportFact("Adres van de pagina", permalink));
        var title = $"Raadsinformatie {name}";
        return new ReportDocument(
            title,
            $"Woningbouwopgave en doelen per segment {period}: hoe komen de getallen tot stand?",
            cover,
            b.ToImmutable(),
            $"raadsinformatie-{facts.Municipality.Code}",
            $"{title} · {date} · Regiewijzer {ReportSources.SoftwareVersion}");
    }

    private static ReportDocument Region(HousingRegionRow region, RegionOutcome outcome, RegionDistribution result, DataQualityReport quality, ReportContext context)
    {
        var period = $"{region.PeriodFrom}–{region.PeriodTo}";
        var date = ReportText.Date(context.Now);
        var norms = result.Norms;
        var members = result.Municipalities.OrderBy(m => m.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("nl-NL"), false)).ToList();
        var b = ImmutableArray.CreateBuilder<ReportBlock>();

        b.Add(new ReportHeading(1, "Samenvatting"));
        b.Add(new ReportParagraph(
            $"{region.Name} bouwt in {period} {Format.Count(result.Task)} woningen, verdeeld over {result.Municipalities.Length} gemeenten. De wet vraagt van de regio ten minste " +
            $"{Format.Count(result.RequiredSocial)} sociale huur ({norms.SocialShare.Percent}) en {Format.Count(result.RequiredAffordable)} betaalbaar ({norms.AffordableShare.Percent}). " +
            $"De verdeling komt op {Format.Count(result.Social)} sociale huur ({Share(result.Social, result.Task)}) en {Format.Count(result.Affordable)} betaalbaar ({Share(result.Affordable, result.Task)})."));
        b.Add(new ReportParagraph(RegionVerdict(result)));
        var missing = outcome.Question.WithoutTask.ToList();
        if (missing.Count > 0)
        {
            b.Add(new ReportParagraph(
                $"Niet verdeeld: {string.Join(", ", missing.Select(x => x.Name))}: geen opgave voor {period} of geen woningvoorraad bekend. Hun deel zit niet in de getallen.", "Let op"));
        }

        b.Add(new ReportHeading(1, "De verdeling per gemeente"));
        b.Add(new ReportParagraph(
            $"Per gemeente de opgave, het achterblijvende segment en de doelen. Sociale huur is de ondergrens van het achterblijvende segment plus een deel van wat de regio nog nodig heeft; " +
            $"middensegment idem voor betaalbaar; vrije sector is wat overblijft. Sleutel voor de verdeling: {KeyText(result.Key)}."));
        var rows = members.Select(m => ImmutableArray.Create(
            $"{m.Name} ({m.Code.Value})", Format.Count(m.Task), m.Lagging.Dutch(), Format.Count(m.Social), Format.Count(m.Middle), Format.Count(m.Free), Share(m.Affordable, m.Task))).ToList();
        rows.Add(["Totaal regio", Format.Count(result.Task), "", Format.Count(result.Social), Format.Count(result.Middle), Format.Count(result.Free), Share(result.Affordable, result.Task)]);
        b.Add(new ReportTable(
            $"Tabel 1. Doelen per gemeente, {region.Name} {period}",
            ["Gemeente", "Opgave", "Achterblijvend", "Sociale huur", "Middensegment", "Vrije sector", "Betaalbaar"],
            [.. rows],
            [false, true, false, true, true, true, true]) { Widths = [2.2, 1, 1.3, 1, 1.2, 1, 1] });

        b.Add(new ReportChart(
            $"Figuur 1. Mix van de doelen per gemeente, {region.Name}",
            $"Staafdiagram met per gemeente het aandeel sociale huur, middensegment en vrije sector in haar opgave. " +
            string.Join("; ", members.Select(m => $"{m.Name}: {Share(m.Social, m.Task)} sociale huur, {Share(m.Middle, m.Task)} middensegment, {Share(m.Free, m.Task)} vrije sector")) +
            ". De getallen staan in tabel 2.",
            new StackedBarChart(
                [.. members.Select(m => m.Name)],
                [
                    new ChartSeries("Sociale huur", [.. members.Select(m => Ratio(m.Social, m.Task))], SocialColor),
                    new ChartSeries("Middensegment", [.. members.Select(m => Ratio(m.Middle, m.Task))], MiddleColor),
                    new ChartSeries("Vrije sector", [.. members.Select(m => Ratio(m.Free, m.Task))], FreeColor),
                ],
                Shares: true,
                "Aandeel van de opgave")));
        b.Add(new ReportTable(
            "Tabel 2. De getallen bij figuur 1 (aandeel van de opgave)",
            ["Gemeente", "Sociale huur", "Middensegment", "Vrije sector"],
            [.. members.Select(m => ImmutableArray.Create(m.Name, Share(m.Social, m.Task), Share(m.Middle, m.Task), Share(m.Free, m.Task)))],
            [false, true, true, true]) { Widths = [2.2, 1, 1, 1] });

        b.Add(new ReportHeading(1, "De normen van de regio"));
        b.Add(new ReportTable(
            "Tabel 3. De regio tegen de normen van de wet",
            ["Norm", "Vereist", "Verdeeld", "Tekort", "Regel"],
            [
                ["Sociale huur", Format.Count(result.RequiredSocial), Format.Count(result.Social), Format.Count(result.SocialShortfall),
                    $"Ten minste {norms.SocialShare.Percent} van de opgave van de regio ({Format.Count(result.Task)}), naar boven afgerond."],
                ["Betaalbaar", Format.Count(result.RequiredAffordable), Format.Count(result.Affordable), Format.Count(result.AffordableShortfall),
                    $"Ten minste {norms.AffordableShare.Percent} van de opgave van de regio: sociale huur plus middensegment, naar boven afgerond."],
            ],
            [false, true, true, true, false]) { Widths = [1.1, 0.8, 0.8, 0.7, 3.6] });
        if (!result.Parts.IsEmpty && result.Parts.Length >= 2)
        {
            b.Add(new ReportParagraph(result.PlacedPerPart
                ? "De regio ligt in meer provincies. Het deel in elke provincie haalt de normen ook, waar de ruimte van zijn gemeenten dat toelaat: wat de regio nog nodig had, is eerst binnen elk provinciedeel verdeeld."
                : "De regio ligt in meer provincies; de provinciedelen staan hieronder ter informatie."));
            b.Add(new ReportTable(
                "Tabel 4. Per provinciedeel",
                ["Provincie", "Gemeenten", "Opgave", "Sociale huur (vereist)", "Betaalbaar (vereist)", "Haalt normen"],
                [.. result.Parts.Select(p => ImmutableArray.Create(
                    ProvinceName(region, p.Province.Value), p.MunicipalityCount.ToString(System.Globalization.CultureInfo.InvariantCulture), Format.Count(p.Task),
                    $"{Format.Count(p.Social)} ({Format.Count(p.RequiredSocial)})", $"{Format.Count(p.Affordable)} ({Format.Count(p.RequiredAffordable)})", p.MeetsNorms ? "ja" : "nee"))],
                [false, true, true, true, true, false]) { Widths = [1.4, 0.9, 0.9, 1.3, 1.3, 0.9] });
        }

        b.Add(new ReportHeading(2, "Bevindingen en signalen"));
        if (result.Findings.IsEmpty)
        {
            b.Add(new ReportParagraph("Geen bevindingen: de regio haalt de normen en geen gemeente geeft een signaal."));
        }

        foreach (var f in result.Findings)
        {
            var who = f.Municipality is { } code ? result.Municipalities.FirstOrDefault(x => x.Code == code)?.Name : null;
            b.Add(new ReportParagraph($"{(who is null ? "" : who + ": ")}{f.Message}", f.Severity.Dutch()));
        }

        AgreementRegion(b, context, region, result);
        Progress(b, context, MonitoringLevel.Region, region.Id, region.Name);

        b.Add(new ReportHeading(1, "Kwaliteit van de gegevens en aannames"));
        var codes = result.Municipalities.Select(m => m.Code.Value).ToList();
        var findings = quality.InputsOf(codes).ToList();
        if (findings.Count == 0)
        {
            b.Add(new ReportParagraph("Geen signalen over de invoer: de woningvoorraad, het aandeel corporatiewoningen en de opgaven liggen binnen de controlegrenzen."));
        }

        foreach (var f in findings)
        {
            b.Add(new ReportParagraph($"{f.Name}: {f.Title}. {f.Message}", "Signaal"));
        }

        foreach (var (who, stock) in quality.CorrectedOf(codes))
        {
            b.Add(new ReportParagraph(CorrectionText(who, stock), "Gecorrigeerd"));
        }

        var derived = outcome.Question.Tasks.Values.Where(t => t.Origin == Model.TaskOrigin.Derived).Select(t => NameOf(region, t.MunicipalityCode)).Order(StringComparer.Ordinal).ToList();
        if (derived.Count > 0)
        {
            b.Add(new ReportParagraph($"Afgeleide opgaven (niet afgesproken, afgeleid uit het regiototaal): {string.Join(", ", derived)}.", "Aanname"));
        }

        var indicative = region.Members.Where(x => x.Indicative).Select(x => x.Municipality?.Name ?? x.MunicipalityCode).Order(StringComparer.Ordinal).ToList();
        if (indicative.Count > 0)
        {
            b.Add(new ReportParagraph($"Indicatief lid (niet gecontroleerd aan de tekst van de woondeal): {string.Join(", ", indicative)}.", "Aanname"));
        }

        var anyStock = outcome.Question.Stock.Values.FirstOrDefault();
        if (outcome.Question.Stock.Values.Any(st => st.IsEstimate))
        {
            b.Add(new ReportParagraph($"De aantallen corporatiewoningen op 1 januari {anyStock?.ReferenceYear} zijn geschat: het aandeel van {anyStock?.SocialShareYear} maal de voorraad.", "Aanname"));
        }

        Sources(b, norms, anyStock, outcome.Question.Tasks.Values.FirstOrDefault());
        var provinces = region.Members.Select(x => x.Municipality?.Province?.Name).OfType<string>().Distinct().Order(StringComparer.Ordinal);
        var cover = ImmutableArray.Create(
            new ReportFact("Woningbouwregio", $"{region.Name} ({region.Id}), periode {period}"),
            new ReportFact("Provincie", string.Join(", ", provinces)),
            new ReportFact("Gemeenten", $"{result.Municipalities.Length} met doelen" + (missing.Count > 0 ? $", {missing.Count} zonder" : "")),
            new ReportFact("Datum", date),
            new ReportFact("Peildata van de gegevens", ReferenceDates(anyStock, outcome.Question.Tasks.Values.FirstOrDefault(), context)),
            new ReportFact("Normen", $"{norms.Name} ({norms.Id})"),
            new ReportFact("Regiewijzer-versie", ReportSources.SoftwareVersion),
            new ReportFact("Adres van de pagina", Permalink(context, $"/regio/{region.Id}")));
        var title = $"Regiodocument {region.Name}";
        return new ReportDocument(
            title,
            $"Verdeling van de woningbouwopgave {period} over de gemeenten, getoetst aan de normen van de wet",
            cover,
            b.ToImmutable(),
            $"regiodocument-{region.Id}",
            $"{title} · {date} · Regiewijzer {ReportSources.SoftwareVersion}");
    }

    private static void Agreement(ImmutableArray<ReportBlock>.Builder b, ReportContext context, string code, string name, HousingRegionRow region, MunicipalityDistribution m)
    {
        b.Add(new ReportHeading(1, "Afspraak en ontheffing"));
        if (context.Monitoring?.TargetSourceOf(code) is { Agreement: { } agreement } && agreement.Shares.TryGetValue(code, out var shares))
        {
            b.Add(new ReportParagraph(
                $"Van kracht is versie {agreement.Number} van de regionale afspraak van {region.Name}, vastgesteld op {ReportText.Date(agreement.AdoptedAt)} ({Permalink(context, $"/afspraak/{agreement.Id}")}). " +
                $"Daarin staan voor {name}: {Format.Count(shares.SocialRent)} sociale huur, {Format.Count(shares.Middle)} middensegment en {Format.Count(shares.Free)} vrije sector. " +
                "De voortgang wordt aan deze afspraak gemeten; de verdeling hierboven is die volgens de wet."));
        }
        else
        {
            b.Add(new ReportParagraph(context.Monitoring is null
                ? "De versie van de regionale afspraak is niet opgevraagd voor dit document."
                : $"{region.Name} heeft nog geen vastgestelde regionale afspraak. Tot die er is, zijn de doelen de verdeling volgens de wet hierboven."));
        }

        if (m.Exempted)
        {
            b.Add(new ReportParagraph($"{name} heeft een ontheffing: de ondergrens van het achterblijvende segment ({m.Lagging.Dutch()}) is verlaagd tot {Format.Share(m.AppliedFloorFraction)} van de niet-gecontracteerde opgave. De andere gemeenten vangen het verschil op waar ze ruimte hebben.", "Ontheffing"));
        }
        else if (m.IneffectiveExemption)
        {
            b.Add(new ReportParagraph($"{name} heeft een ontheffing voor het segment dat niet achterblijft; die heeft geen effect op de verdeling.", "Ontheffing"));
        }
        else
        {
            b.Add(new ReportParagraph($"{name} heeft geen ontheffing."));
        }
    }

    private static void AgreementRegion(ImmutableArray<ReportBlock>.Builder b, ReportContext context, HousingRegionRow region, RegionDistribution result)
    {
        b.Add(new ReportHeading(1, "Afspraak en ontheffingen"));
        var agreement = context.Monitoring?.TargetSourcesOf(result.Municipalities.Select(m => m.Code.Value)).Select(s => s.Agreement).OfType<AdoptedAgreement>().FirstOrDefault(a => a.RegionId == region.Id);
        if (agreement is not null)
        {
            b.Add(new ReportParagraph(
                $"Van kracht is versie {agreement.Number} van de regionale afspraak, vastgesteld op {ReportText.Date(agreement.AdoptedAt)} ({Permalink(context, $"/afspraak/{agreement.Id}")}). De voortgang wordt aan deze afspraak gemeten."));
            var rows = result.Municipalities.Where(m => agreement.Shares.ContainsKey(m.Code.Value)).OrderBy(m => m.Name, StringComparer.Ordinal)
                .Select(m =>
                {
                    var s = agreement.Shares[m.Code.Value];
                    return ImmutableArray.Create(m.Name, Format.Count(s.SocialRent), Format.Count(s.Middle), Format.Count(s.Free));
                });
            b.Add(new ReportTable($"Tabel 5. Doelen in afspraak versie {agreement.Number}", ["Gemeente", "Sociale huur", "Middensegment", "Vrije sector"], [.. rows], [false, true, true, true]));
        }
        else
        {
            b.Add(new ReportParagraph(context.Monitoring is null
                ? "De versie van de regionale afspraak is niet opgevraagd voor dit document."
                : $"{region.Name} heeft nog geen vastgestelde regionale afspraak. Tot die er is, zijn de doelen de verdeling volgens de wet hierboven."));
        }

        var exempted = result.Municipalities.Where(m => m.Exempted).ToList();
        b.Add(new ReportParagraph(exempted.Count == 0
            ? "Geen gemeente van de regio heeft een ontheffing die de verdeling verandert."
            : $"Ontheffing: {string.Join("; ", exempted.Select(m => $"{m.Name} (ondergrens {m.Lagging.Dutch()} verlaagd tot {Format.Share(m.AppliedFloorFraction)})"))}. De andere gemeenten vangen het verschil op waar ze ruimte hebben."));
    }

    private static void Progress(ImmutableArray<ReportBlock>.Builder b, ReportContext context, MonitoringLevel level, string id, string name)
    {
        if (context.Monitoring is not { } snapshot || snapshot.Find(level, id) is not { } subject)
        {
            return;
        }

        var progress = snapshot.Progress(subject);
        if (!progress.HasTarget)
        {
            b.Add(new ReportHeading(1, "Voortgang en prognose"));
            b.Add(new ReportParagraph($"Voor {name} is geen voortgang te tonen: {SubjectProgress.NoTargetText}."));
            return;
        }

        var forecast = context.Forecast?.Invoke(progress) ?? snapshot.Forecast(progress);
        var report = progress.Report;
        var all = report[SegmentGroup.All];
        var series = forecast[SegmentGroup.All];
        var years = report.Years;
        b.Add(new ReportHeading(1, "Voortgang en prognose"));
        var tier = all.Tier is { } t ? $"Signalering: {t.Dutch()}" + (report.IsIndicative ? " (indicatief)" : "") + "." : $"Geen signalering: {progress.WhyNotAssessed(all)}.";
        b.Add(new ReportParagraph(
            $"Tot en met {report.AsOfYear} zijn {Format.Count(all.Realised)} woningen gerealiseerd tegen {Format.Count(all.Due)} volgens het traject ({progress.TrajectoryText}); het doel voor de hele periode is {Format.Count(all.Target)}. " +
            tier + $" Kans dat het doel wordt gehaald volgens de prognose: {Format.Percent(series.Probability)} ({Format.Count(forecast.Runs)} trekkingen, startgetal {forecast.Seed})."));
        if (progress.UsesEstimates)
        {
            b.Add(new ReportParagraph("Een deel van de gerealiseerde woningen is een schatting (netto groei van de voorraad als benadering); het segment is dan onbekend.", "Aanname"));
        }

        b.Add(new ReportParagraph("De prognose rekent met kansen per planstatus die aannames zijn (Bronnen en aannames); P10 en P90 geven de band waarbinnen 80% van de trekkingen valt.", "Aanname"));
        var band = series.Cumulative.ToDictionary(p => p.Year);
        b.Add(new ReportChart(
            $"Figuur 2. Gerealiseerd, traject en prognose (cumulatief, alle woningen), {name}",
            $"Lijndiagram van {name} per jaar {years[0].Year}-{years[^1].Year}: het traject loopt op tot {Format.Count(all.Target)} woningen; gerealiseerd tot en met {report.AsOfYear}: {Format.Count(all.Realised)}; " +
            $"de prognose (mediaan) eindigt op {Format.Count(band.GetValueOrDefault(years[^1].Year).P50)} met een band van {Format.Count(band.GetValueOrDefault(years[^1].Year).P10)} tot {Format.Count(band.GetValueOrDefault(years[^1].Year).P90)}. De getallen staan in de tabel hieronder.",
            new YearLineChart(
                [.. years.Select(y => y.Year)],
                [
                    new ChartSeries("Gerealiseerd", [.. years.Select(y => y.IsRealised ? (double)y.CumulativeRealised.Total : double.NaN)], "#01689B"),
                    new ChartSeries("Traject", [.. years.Select(y => (double)y.CumulativeDue.Total)], "#555555"),
                    new ChartSeries("Prognose (mediaan)", [.. years.Select(y => y.Year < report.AsOfYear ? double.NaN : band.GetValueOrDefault(y.Year).P50)], "#154273"),
                ],
                new ChartBand("Prognose P10-P90", [.. years.Select(y => (double)band.GetValueOrDefault(y.Year).P10)], [.. years.Select(y => (double)band.GetValueOrDefault(y.Year).P90)], "#8FCAE7"),
                all.Target,
                "Woningen (cumulatief)")));
        b.Add(new ReportTable(
            $"Tabel. Voortgang per jaar (cumulatief, alle woningen), {name}",
            ["Jaar", "Traject", "Gerealiseerd", "Prognose P10", "Prognose P50", "Prognose P90"],
            [.. years.Select(y => ImmutableArray.Create(
                y.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Format.Count(y.CumulativeDue.Total),
                y.IsRealised ? Format.Count(y.CumulativeRealised.Total) : "",
                Format.Count(band.GetValueOrDefault(y.Year).P10),
                Format.Count(band.GetValueOrDefault(y.Year).P50),
                Format.Count(band.GetValueOrDefault(y.Year).P90)))],
            [false, true, true, true, true, true]));
    }

    private static void Sources(ImmutableArray<ReportBlock>.Builder b, NormSet norms, StockRow? stock, TaskRow? task)
    {
        b.Add(new ReportHeading(2, "Algemene aannames"));
        foreach (var a in ReportSources.Assumptions)
        {
            b.Add(new ReportParagraph(a, "Aanname"));
        }

        b.Add(new ReportHeading(1, "Bronnen en normen"));
        b.Add(new ReportTable(
            $"Normen: {norms.Name}",
            ["Norm", "Waarde", "Bron", "Zekerheid"],
            [.. norms.Parameters.Select(p => ImmutableArray.Create(p.Label, p.Percent, p.Source, p.Confidence.Dutch()))],
            [false, true, false, false]) { Widths = [2.2, 0.8, 3, 1] });
        if (stock is not null)
        {
            b.Add(new ReportParagraph($"Woningvoorraad: {stock.Source} (peiljaar {stock.ReferenceYear}, maatstaf {stock.SocialMetric}).", "Bron", Small: true));
        }

        if (task is not null)
        {
            b.Add(new ReportParagraph($"Opgave: {task.Source}.", "Bron", Small: true));
        }

        b.Add(new ReportTable(
            "Meegeleverde gegevens",
            ["Bestand", "Inhoud", "Peildatum", "Uitgever"],
            [.. ReportSources.DataSets.Select(d => ImmutableArray.Create(d.File, d.What, d.ReferenceDate, d.Publisher))],
            [false, false, false, false]) { Widths = [2, 2.2, 1.6, 1.6] });
        b.Add(new ReportParagraph(ReportSources.Licence, Small: true));
        b.Add(new ReportParagraph("Dit document is gemaakt door Regiewijzer. De getallen zijn die van de pagina op het genoemde adres op de genoemde datum; de gemeente of provincie kan er de tekst van het college aan toevoegen.", Small: true));
    }

    private static string ReferenceDates(StockRow? stock, TaskRow? task, ReportContext context)
    {
        var parts = new List<string>();
        if (stock is not null)
        {
            parts.Add($"woningvoorraad 1 januari {stock.ReferenceYear}" + (stock.IsEstimate ? $" (corporatiewoningen geschat uit {stock.SocialShareYear})" : ""));
        }

        if (task is not null)
        {
            parts.Add($"opgave {task.PeriodFrom}–{task.PeriodTo} ({(task.Origin == Model.TaskOrigin.Agreed ? "afgesproken" : "afgeleid")})");
        }

        if (context.Monitoring is { } snapshot)
        {
            parts.Add($"realisaties tot en met {snapshot.AsOfYear}");
        }

        parts.Add("plancapaciteit circa 2021");
        return string.Join("; ", parts);
    }

    private static string OriginText(TaskRow? task) => task?.Origin == Model.TaskOrigin.Derived ? "afgeleid uit het regiototaal" : "afgesproken";

    private static string TaskRule(TaskRow? task) => task?.Origin == Model.TaskOrigin.Derived
        ? $"Afgeleid uit het totaal van de woondeal: {task.Method ?? "methode onbekend"}."
        : "Het aantal dat in de woondeal voor de gemeente is afgesproken.";

    private static string SocialRule(MunicipalityDistribution m, NormSet norms)
    {
        var floor = m.FloorSocial > 0
            ? $"Ondergrens {Format.Count(m.FloorSocial)}" + (m.Lagging == LaggingSegment.Social
                ? $" ({Format.Share(m.AppliedFloorFraction)} van de niet-gecontracteerde opgave, want sociale huur blijft achter)"
                : " (een toezegging)") + (m.FloorSocial > m.StatutoryFloorSocial && m.Lagging == LaggingSegment.Social ? ", verhoogd door een toezegging" : "")
            : "Geen ondergrens (sociale huur blijft niet achter)";
        return $"{floor}, plus {Format.Count(m.RegionalSocial)} als deel van wat de regio nog nodig heeft voor {norms.SocialShare.Percent} sociale huur.";
    }

    private static string MiddleRule(MunicipalityDistribution m, NormSet norms)
    {
        var floor = m.FloorMiddle > 0
            ? $"Ondergrens {Format.Count(m.FloorMiddle)}" + (m.Lagging == LaggingSegment.Middle
                ? $" ({Format.Share(m.AppliedFloorFraction)} van de niet-gecontracteerde opgave, want het middensegment blijft achter)"
                : " (een toezegging)")
            : "Geen ondergrens (het middensegment blijft niet achter)";
        return $"{floor}, plus {Format.Count(m.RegionalMiddle)} als deel van wat de regio nog nodig heeft voor {norms.AffordableShare.Percent} betaalbaar.";
    }

    private static string RegionVerdict(RegionDistribution result) => result.MeetsNorms
        ? "Met deze verdeling haalt de regio beide normen."
        : $"Met deze verdeling haalt de regio de normen niet: tekort sociale huur {Format.Count(result.SocialShortfall)}, tekort betaalbaar {Format.Count(result.AffordableShortfall)} woningen.";

    private static string CorrectionText(string who, StockRow stock) =>
        $"{who}: het aantal corporatiewoningen is door de provincie gecorrigeerd tot {Format.Count(stock.SocialStock)} (bron: {stock.CorrectionSource}); de bron gaf {Format.Count(stock.ReferenceSocialStock ?? 0)}.";

    private static string KeyText(DistributionKey key) => key.Dutch();

    private static string ProvinceName(HousingRegionRow region, string code) =>
        region.Members.Select(m => m.Municipality?.Province).FirstOrDefault(p => p?.Code == code)?.Name ?? code;

    private static string NameOf(HousingRegionRow region, string code) =>
        region.Members.FirstOrDefault(m => m.MunicipalityCode == code)?.Municipality?.Name ?? code;

    private static string[] Row(string segment, int homes, int task, string rule) => [segment, Format.Count(homes), Share(homes, task), rule];

    private static string Share(int part, int whole) => whole == 0 ? "-" : Format.Percent(new Fraction(part, whole));

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;

    private static string Permalink(ReportContext context, string path) => context.BaseAddress.TrimEnd('/') + path;
}
