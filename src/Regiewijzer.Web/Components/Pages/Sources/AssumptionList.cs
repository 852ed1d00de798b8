using Regiewijzer.Core;
using Regiewijzer.Core.Norms;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Model;

namespace Regiewijzer.Web.Components.Pages.Sources;

/// <summary>
/// The assumptions the product makes and the open legal points, each with how far it reaches
/// in the stored data. Kinds: "aanname" (our choice), "open juridisch punt" (the law leaves it open; kept as a
/// parameter), "secundaire bron" (taken from a third party).
/// </summary>
internal static class AssumptionList
{
    public const string Assumption = "aanname";
    public const string OpenPoint = "open juridisch punt";
    public const string Secondary = "secundaire bron";

    public static IReadOnlyList<AssumptionLine> For(SourcesFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var tasks = facts.TaskMethods.Sum(t => t.Tasks);
        var agreed = facts.TaskMethods.Where(t => t.Origin == TaskOrigin.Agreed).Sum(t => t.Tasks);
        var derived = facts.TaskMethods.Where(t => t.Origin == TaskOrigin.Derived).ToList();
        var byStock = derived.Where(t => t.Method?.Contains("naar aandeel woningvoorraad", StringComparison.Ordinal) == true).ToList();
        var regions = facts.Regions.Count;
        var withoutTotal = facts.Regions.Count(r => r.DealTotal is null);
        var inexact = facts.Regions.Count(r => r.DealTotal is not null && !r.DealPrecision.StartsWith("exact", StringComparison.Ordinal));
        var estimated = facts.LatestStock.Count(s => s.IsEstimate);
        var stockYear = facts.LatestStock.Count == 0 ? 0 : facts.LatestStock.Max(s => s.ReferenceYear);
        var shareYear = facts.LatestStock.Count == 0 ? 0 : facts.LatestStock.Max(s => s.SocialShareYear);
        var norms = NormSets.Default;
        var threshold = Format.Percent(norms.LaggingThreshold.Value, 0);
        return
        [
            new("Afgeleide opgaven",
                "Noemt een woondeal alleen een regiototaal, dan is de opgave per gemeente afgeleid: het regiototaal min de gepubliceerde gemeentelijke aantallen, verdeeld naar het aandeel harde + zachte plancapaciteit (rond 2021), of naar het aandeel in de woningvoorraad 2024 als plancapaciteit niet voor alle gemeenten bekend is; afgerond met de grootste-restmethode. Elke afgeleide opgave draagt haar methode.",
                $"{Format.Count(derived.Sum(t => t.Tasks))} van {Format.Count(tasks)} opgaven afgeleid ({Format.Count(derived.Sum(t => t.Tasks) - byStock.Sum(t => t.Tasks))} naar plancapaciteit, {Format.Count(byStock.Sum(t => t.Tasks))} naar woningvoorraad); {Format.Count(agreed)} afgesproken",
                Assumption, "woondeals.csv, plancapaciteit-2021.csv; zie Databestanden op deze pagina"),
            new("Regio's zonder bekend totaal",
                "Van een woondeal zonder gevonden totaal krijgen de gemeenten geen afgeleide opgave; zij doen pas mee als een regiototaal of gemeentelijke aantallen zijn ingevoerd (of in een wat-als-berekening).",
                $"{Format.Count(withoutTotal)} van {Format.Count(regions)} regio's; {Format.Count(facts.MembersWithoutTask)} gemeenten zonder opgave",
                Assumption, "woondeals.csv (kolom precisie: not found)"),
            new("Afgeronde regiototalen",
                "Een regiototaal dat de bron afrondt, als minimum of bij benadering noemt (\"ruim\", \"ongeveer\", \"minimaal\"), wordt gebruikt zoals het er staat.",
                $"{Format.Count(inexact)} van {Format.Count(regions - withoutTotal)} regio's met een totaal",
                Assumption, "woondeals.csv (kolom precisie)"),
            new("Geschatte sociale voorraad",
                $"Het aantal corporatiewoningen {stockYear} is geschat als het aandeel corporatiewoningen {shareYear} maal de voorraad {stockYear}; het aandeel is door CBS als geheel percentage gepubliceerd (±0,5% van de voorraad).",
                $"{Format.Count(estimated)} van {Format.Count(facts.LatestStock.Count)} gemeenten",
                Assumption, "woningvoorraad-2024.csv (CBS 85984NED, Wijk- en Buurtkaart 2022)"),
            new("Maat voor de sociale voorraad",
                $"Het achterblijvende segment wordt bepaald met alle woningen in bezit van woningcorporaties (CBS) gedeeld door de totale voorraad; dat zijn meer woningen dan alleen DAEB-woningen. Alternatieven: alleen DAEB-woningen, of alle gereguleerde huur, ook particulier; voor die maten zijn geen cijfers per gemeente gevonden.",
                "alle gemeenten", OpenPoint, "CBS 85984NED (eigendom: woningcorporatie); de wettekst noemt de maat niet eenduidig"),
            new("Precies op de drempel",
                $"Een gemeente met precies {threshold} corporatiewoningen telt als niet-achterblijvend in sociale huur, dus als achterblijvend in het middensegment.",
                "gemeenten met een aandeel van precies de drempel", OpenPoint, "niet geregeld in de geraadpleegde bronnen; zie Normen op deze pagina"),
            new("Regiolidmaatschap",
                "Lidmaatschap dat niet in een woondealtekst staat, is samengesteld uit algemene kennis van de regionale samenwerkingsverbanden en heet indicatief; het moet worden getoetst aan de aanwijzing van woningbouwregio's door de provincie.",
                $"{Format.Count(facts.IndicativeMemberships)} van {Format.Count(facts.Memberships)} gemeenten indicatief",
                Assumption, "woondeal-gemeenten.csv"),
            new("Verdeelsleutel",
                "De wet schrijft geen sleutel voor (niet gevonden): de regio spreekt die af. Regiewijzer biedt drie sleutels en rekent standaard proportioneel (naar de nog niet gecontracteerde opgave).",
                "alle regio's", OpenPoint, "geen sleutel gevonden in wetsvoorstel 36512 of de kamerbrieven"),
            new("Looptijd",
                $"Gemeenten krijgen {norms.PeriodYears} jaar, gerekend vanaf de start van de regionale afspraak.",
                "alle regio's", Assumption, "Regiewijzer-parameter; zie Normen op deze pagina"),
            new("Peildatum gecontracteerde projecten",
                "Gecontracteerde projecten hoeven niet te veranderen; als peildatum geldt de datum waarop de regionale afspraak is vastgesteld.",
                "alle regio's", OpenPoint, "niet gevonden in de geraadpleegde bronnen; Regiewijzer-parameter"),
            new("Prijspeil",
                "Een plan wordt ingedeeld in een segment met de prijsgrenzen van zijn prijspeiljaar.",
                "indeling van plannen", Assumption, "Regiewijzer-keuze; zie Prijsgrenzen op deze pagina"),
            new("Middenhuurgrens vóór 2026",
                "De middenhuurgrens van 2023-2025 is bij benadering (zoals in de woondealteksten); die van 2026 is exact.",
                "prijsgrenzen 2023-2025", Assumption, "woondealteksten (bij benadering); Rijksoverheid (2026)"),
            new("Ontheffingen",
                "Wie over een ontheffing beslist (provincie of Rijk) en binnen welke termijn, is nog niet vastgelegd. Een wat-als-berekening laat zien wie het verschil opvangt vóór het besluit.",
                "ontheffingen", OpenPoint, "niet gevonden in de geraadpleegde bronnen"),
            new("Volkshuisvestingsprogramma",
                "Gemeenten moeten hun volkshuisvestingsprogramma volgens derden uiterlijk 1 juli 2027 vaststellen.",
                "alle gemeenten", Secondary, "publicaties van derden over de invoering; de datum wordt bij Koninklijk Besluit vastgesteld"),
            new("Signaal hoog aandeel sociale huur",
                $"Het signaal 'hoog aandeel sociale huur' (HIGH_SOCIAL_SHARE) verschijnt als een gemeente meer dan {Format.Percent(norms.HighSocialSignal.Value, 0)} van haar opgave als sociale huur krijgt. Dit is een weergaveparameter, geen wettelijke norm.",
                "alle gemeenten", Assumption, "Regiewijzer-weergaveparameter; zie Normen op deze pagina"),
            new("Meegeleverde plannen",
                "De plancapaciteit van rond 2021 kent geen projecten, planstatus of segment. Per gemeente is elke fase harde of zachte capaciteit één plan: hard als status 1b, zacht (en 'onbekend') als status 3, segment onbekend; capaciteit zonder fasering gelijk gespreid over 2022-2030, '2030 en later' over 2030-2034. Wat in 2022-2023 al is opgeleverd, is er niet van afgetrokken.",
                "meegeleverde plannen (plancapaciteit-2021.csv); vervangen door een import van actuele plannen",
                Assumption, "plancapaciteit-2021.csv; zie Databestanden op deze pagina"),
            new("Realisatie 2022-2023",
                "CBS-nieuwbouw per gemeente na 2020 is niet gevonden. Als benadering geldt de netto groei van de woningvoorraad van 1-1-2022 tot 1-1-2024 (nieuwbouw min sloop, plus transformatie), gelijk verdeeld over 2022 en 2023; een krimp telt als 0 en de toelichting van die rij noemt de krimp. Een signaal op deze benadering is indicatief: het draagt geen stap op de escalatieladder, alleen 'gegevens aanvullen'. Het segment is onbekend, dus alleen het totaal krijgt een signaleringsniveau.",
                "alle gemeenten, 2022-2023; vervangen door een import van realisaties",
                Assumption, "woningvoorraad-2024.csv (netto_groei_voorraad_2022_2024)"),
            new("Signaleringsdrempels",
                "Op koers vanaf 95% van het traject, aandacht vanaf 85%, achter vanaf 75%, daaronder ernstig achter: de drempels van de Engelse Housing Delivery Test.",
                "voortgang van alle gemeenten, regio's en provincies", Assumption, "Housing Delivery Test Measurement Rule Book (MHCLG, 2018)"),
            new("Prognose: kansen en vertraging",
                "De realisatiekans en vertraging per planstatus zijn afgeleid van de vuistregel '130% plannen voor 100% bouwen' (BZK 2024); de verdeling over de statussen is een aanname tot er realisaties per plan zijn om op te kalibreren.",
                "alle prognoses", Assumption, "Kamerbrief voortgang woningbouw (BZK, januari 2024) voor de vuistregel; de verdeling is een Regiewijzer-aanname"),
            new("Prognose: onafhankelijke plannen",
                "Elk plan slaagt of vertraagt los van de andere. Gezamenlijke schokken (rente, bouwkosten, stikstof, netcongestie) zitten niet in het model, dus de werkelijke onzekerheid is groter dan de band P10-P90.",
                "alle prognoses", Assumption, "Regiewijzer-aanname (het prognosemodel)"),
        ];
    }
}
