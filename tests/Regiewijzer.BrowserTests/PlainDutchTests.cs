using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Regiewijzer.Core.Compliance;
using Regiewijzer.Core.Governance;
using Regiewijzer.Core.Quality;
using Regiewijzer.Data;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Web;
using Xunit;
using static Regiewijzer.BrowserTests.ExemptionFlowTests;

namespace Regiewijzer.BrowserTests;

/// <summary>
/// Issue 15 item 6: every page a person meets, public and signed in, is scanned as the person sees it (the visible text
/// of the body) for raw finding and signal codes without their Dutch title on the same page, for English words and
/// internal names, for English dates, GUIDs, commands, and organisation codes where a name belongs ("namens PV25").
/// Own app and database: an agreement with an objection, an exemption request and a given instruction make the detail
/// pages exist.
/// </summary>
public sealed partial class PlainDutchTests(BrowserApp app)
{
    /// <summary>Pages anyone can open.</summary>
    private static readonly string[] PublicPages =
    [
        "/", "/provincies", "/provincie/PV25", "/provincie/PV25/aanwijzing", "/regios", "/regio/WD19", "/regio/WD08", "/regio/WD03", "/regio/WD19/wat-als",
        "/regio/WD19/afspraken", "/regio/WD19/opgave", "/regio/WD19/traject", "/gemeente/GM0228", "/gemeente/GM0228/plannen",
        "/gemeente/GM0228/realisaties", "/gemeente/GM0228/vhp", "/voortgang", "/voortgang/provincie/PV25", "/voortgang/regio/WD19",
        "/voortgang/gemeente/GM0228", "/afspraken", "/instructies", "/woondeals", "/kaart/tabel", "/bronnen", "/api", "/zoeken?q=ede",
        "/help", "/begrippen", "/toegankelijkheid", "/privacy", "/aanmelden", "/niet-gevonden",
    ];

    /// <summary>Pages after sign-in (as an administrator at the Rijk, who may see them all); {…} is filled in by the setup.</summary>
    private static readonly string[] SignedInPages =
    [
        "/", "/mijn", "/account/meldingen", "/account", "/audit", "/beheer/accounts", "/instructies", "/instructies/nieuw", "/monitoring/import", "/gemeente/GM0228/ontheffingen",
        "/gemeente/GM0228/correctie", "/afspraak/{afspraak}", "/ontheffing/{ontheffing}", "/instructie/{instructie}", "/audit/afspraak/{afspraak}",
        "/audit/ontheffing/{ontheffing}", "/audit/instructie/{instructie}", "/regio/WD19/afspraken", "/voortgang/gemeente/GM0228", "/gemeente/GM0228/vhp",
    ];

    /// <summary>English words, internal names and property names that must not reach a person (whole words, case-sensitive).</summary>
    private static readonly string[] Forbidden =
    [
        "waterfilling", "water-filling", "Waterfilling", "nearest rank", "Nearest rank", "constructed from", "general knowledge", "presumption",
        "sustainable development", "in favour", "Description:", "Usage:", "Required argument", "ResultingAgreementId", "DecidedBy",
        "DecidedByOrganisation", "AdoptedBy", "CreatedBy", "ProposedAt", "AdoptedAt", "RequestedFloor", "MunicipalityCode", "RegionId", "IssuerId",
        "AddresseeId", "LegalBasis", "WarningReference", "Proposed", "Adopted", "Granted", "Refused", "Issued", "Withdrawn", "Complied", "Requested",
        "null", "True", "False", "Exception", "System.", "Microsoft.", "Regiewijzer.Core", "Regiewijzer.Data", "signal", "warning", "error",
        "regiewijzer import", "regiewijzer verdeel", "regiewijzer database", "dotnet ", "named in", "press release", "verify", "members", "signatories",
    ];

    /// <summary>Commands have no place on a page, not even as code.</summary>
    private static readonly string[] Commands = ["regiewijzer import", "regiewijzer verdeel", "regiewijzer database", "dotnet "];

    private static readonly Dictionary<string, string> Titles = Enum.GetValues<FindingCode>().Select(c => (c.ToCodeText(), c.Title()))
        .Concat(Enum.GetValues<DataQualityCode>().Select(c => (c.ToCodeText(), c.Title())))
        .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    [Fact]
    public async Task EveryPage_ShowsNoRawCodeEnglishOrInternalName()
    {
        await using var own = await OwnApp.StartAsync("regiewijzer-nederlands-");
        var database = own.Database;
        var site = own.Site;
        await CreateAccountAsync(database, "rijk-nederlands@browsertest.nl", "Beheerder Rijk", "RIJK", AccountRole.Administrator);
        var ids = await SeedAsync(database);

        await using var session = await app.OpenAsync(nameof(EveryPage_ShowsNoRawCodeEnglishOrInternalName), 1280, 900);
        var page = session.Page;
        var problems = new List<string>();
        foreach (var path in PublicPages)
        {
            await ScanAsync(page, site + path, "openbaar", problems);
        }

        await SignInAsync(page, site, "rijk-nederlands@browsertest.nl");
        foreach (var template in SignedInPages)
        {
            var path = ids.Aggregate(template, (p, id) => p.Replace("{" + id.Key + "}", id.Value, StringComparison.Ordinal));
            await ScanAsync(page, site + path, "aangemeld", problems);
        }

        Assert.True(problems.Count == 0, $"{problems.Count} plaatsen met code, Engels of interne namen:\n{string.Join("\n", problems)}");
    }

    private static async Task ScanAsync(IPage page, string url, string who, List<string> problems)
    {
        var response = await page.GotoAsync(url);
        var path = new Uri(url).PathAndQuery;
        if (response is null || (response.Status >= 500))
        {
            problems.Add($"{path} ({who}): status {response?.Status}");
            return;
        }

        var text = await page.Locator("body").InnerTextAsync();
        var words = text;
        if (path.StartsWith("/api", StringComparison.Ordinal))
        {
            // The API page quotes parameter values as code (ernst=signal); the words rule reads its prose, commands count everywhere.
            await page.AddStyleTagAsync(new() { Content = "code, pre { display: none !important; }" });
            words = await page.Locator("body").InnerTextAsync();
        }
        foreach (Match code in RawCode().Matches(text).DistinctBy(m => m.Value))
        {
            if (!Titles.TryGetValue(code.Value, out var title))
            {
                problems.Add($"{path} ({who}): onbekende code {code.Value} in \"{Around(text, code.Index)}\"");
            }
            else if (!text.Contains(title, StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"{path} ({who}): code {code.Value} zonder de Nederlandse titel \"{title}\" in \"{Around(text, code.Index)}\"");
            }
        }

        foreach (var word in Forbidden)
        {
            var scanned = Commands.Contains(word) ? text : words;
            foreach (Match m in Regex.Matches(scanned, $@"(?<![\p{{L}}\d_]){Regex.Escape(word)}(?![\p{{L}}\d_])").Take(1))
            {
                problems.Add($"{path} ({who}): \"{word}\" in \"{Around(scanned, m.Index)}\"");
            }
        }

        foreach (var regex in new[] { EnglishDate(), Guid(), OnBehalfOfCode() })
        {
            foreach (Match m in regex.Matches(text).Take(1))
            {
                problems.Add($"{path} ({who}): \"{m.Value}\" in \"{Around(text, m.Index)}\"");
            }
        }
    }

    private static string Around(string text, int index)
    {
        var from = Math.Max(0, index - 50);
        return text[from..Math.Min(text.Length, index + 70)].ReplaceLineEndings(" ");
    }

    /// <summary>An agreement version put to the members with Ede's objection, Ede's exemption request, and an instruction given to Ede.</summary>
    private static async Task<Dictionary<string, string>> SeedAsync(DatabaseOptions database)
    {
        var ct = TestContext.Current.CancellationToken;
        var gelderland = new Actor("t-pv25", "Bewerker Gelderland", [new Grant(new OrganisationRef("PV25", OrganisationKind.Province, "PV25"), AccountRole.Editor)]);
        var ede = new Actor("t-gm0228", "Bewerker Ede", [new Grant(new OrganisationRef("GM0228", OrganisationKind.Municipality, "PV25"), AccountRole.Editor)]);
        await using var db = database.CreateContext();
        var clock = TimeProvider.System;
        var created = await AgreementChanges.CreateAsync(db, gelderland, "WD19", "eerste versie", clock, ct);
        var agreement = created.Value!.Id;
        var proposed = await AgreementChanges.TransitionAsync(db, gelderland, agreement, AgreementStatus.Proposed, created.Value.Version, confirmed: false, clock, ct);
        Assert.True(proposed.Succeeded, proposed.Reason);
        var objected = await AgreementChanges.RespondAsync(db, ede, agreement, "GM0228", ResponseKind.Objected, "Het aandeel sociale huur is te hoog voor Ede.", null, clock, ct);
        Assert.True(objected.Succeeded, objected.Reason);
        var exemption = await ExemptionRequests.RequestAsync(db, ede, "GM0228", ExemptionFloor.Social, "20", "Ede heeft een grote vraag naar middenhuur; 30% sociale huur past niet.", clock, ct);
        Assert.True(exemption.Succeeded, exemption.Reason);
        var deadline = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(90).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var instruction = await InstructionEdits.CreateAsync(db, gelderland, new InstructionForm { Addressee = "GM0228", Subject = "Harde plancapaciteit toevoegen", Content = "Voeg binnen de termijn harde plancapaciteit voor sociale huur toe.", Deadline = deadline }, clock, ct);
        Assert.True(instruction.Succeeded, instruction.Reason);
        var given = await InstructionEdits.MoveAsync(db, gelderland, instruction.Value!.Row.Id, InstructionStatus.Issued, instruction.Value.Row.Version, confirmed: true, clock, ct);
        Assert.True(given.Succeeded, given.Reason);
        return new()
        {
            ["afspraak"] = agreement.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["ontheffing"] = exemption.Value!.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["instructie"] = instruction.Value.Row.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A stable code in capitals with underscores (REGION_SOCIAL_SHORTFALL).</summary>
    [GeneratedRegex(@"\b[A-Z]{2,}(?:_[A-Z0-9]+)+\b")]
    private static partial Regex RawCode();

    [GeneratedRegex(@"\b\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b")]
    private static partial Regex EnglishDate();

    [GeneratedRegex(@"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b")]
    private static partial Regex Guid();

    /// <summary>"namens PV25", "door RIJK": an organisation by its code where its name belongs.</summary>
    [GeneratedRegex(@"\b(namens|door|van|voor) (PV\d\d|RIJK)\b")]
    private static partial Regex OnBehalfOfCode();
}
