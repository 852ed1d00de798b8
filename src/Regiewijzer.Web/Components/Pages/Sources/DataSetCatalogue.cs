namespace Regiewijzer.Web.Components.Pages.Sources;

/// <summary>
/// What a shipped data file is, where it comes from and what the product uses it for (data/SOURCES.md in Dutch).
/// File is the name in data/reference (and in the data_sets table when seeded); Url is where it was taken from, null
/// when the rows cite their own pages; Assumption is true when the file is constructed or estimated by this project.
/// </summary>
public sealed record DataSetDescription(
    string File,
    string Title,
    string Publisher,
    string TakenFrom,
    string? Url,
    string ReferenceDate,
    string Licence,
    string UsedFor,
    string Notes,
    bool Assumption = false);

/// <summary>The shipped data files, in the order of data/SOURCES.md.</summary>
internal static class DataSetCatalogue
{
    private const string CcBy = "CC BY 4.0 (Bron: CBS)";

    public static IReadOnlyList<DataSetDescription> All { get; } =
    [
        new("gemeenten-2025.csv", "342 gemeenten met provincie", "CBS (Gemeenten alfabetisch)",
            "edugis-repo/cbsbuurtwijkgemeente", "https://github.com/edugis-repo/cbsbuurtwijkgemeente",
            "indeling 1-1-2024 = 1-1-2025", CcBy,
            "Alle gemeenten, hun code, naam en provincie; de basis van elke tabel en de kaart.",
            "De 2025-indeling is deels gecontroleerd: 75 van de 342 codes direct vergeleken met de CBS/PDOK-gemeentekaart 2025."),
        new("gemeenten-2024.geojson", "Gemeentegrenzen (WGS84, vereenvoudigd tot ongeveer 100 m)", "CBS / PDOK (Kadaster)",
            "AnneVersion/geoinzicht-app (CBS Wijk- en Buurtkaart 2024 via PDOK)", "https://service.pdok.nl/cbs/wijkenbuurten/2024/wfs/v1_0",
            "Wijk- en Buurtkaart 2024", "CC BY 4.0 (Bron: CBS, PDOK/Kadaster)",
            "De kaart van het landelijk overzicht; wordt als bestand gelezen, niet in de database geladen.",
            "Door de vereenvoudiging sluiten buurgemeenten niet altijd precies op elkaar aan."),
        new("woningvoorraad-2024.csv", "Woningvoorraad 2022-2024, eigendomsverhouding 2022, corporatiewoningen", "CBS (Kerncijfers wijken en buurten, 85984NED; Wijk- en Buurtkaart 2022 en 2023)",
            "niquedegraaff/Wikipedia-Generator-CBS-Kerncijfers-Wijken-en-Buurten en AnneVersion/geoinzicht-app", "https://github.com/AnneVersion/geoinzicht-app",
            "voorraad 1-1-2024; eigendomsverhouding 1-1-2022", CcBy,
            "Aandeel corporatiewoningen per gemeente: bepaalt het achterblijvende segment (drempel 30%) en de inhaalbehoefte.",
            "Corporatiewoningen 2024 zijn geschat (aandeel 2022 × voorraad 2024). CBS publiceert het aandeel als geheel percentage (±0,5% van de voorraad). Ameland 0%, Renswoude 0% en Opmeer 2% lijken onwaarschijnlijk laag; zo staan ze in de bron.",
            Assumption: true),
        new("woondeals.csv", "De 35 regionale woondeals 2022-2030 met hun totaal", "BZK, provincies en regio's (persberichten)",
            "openbare webpagina's; de bron staat per regio in het bestand (kolom bron_aantal) en op de regiopagina", null,
            "ondertekend december 2022 - april 2023", "feitelijke gegevens uit openbare berichten",
            "Het regiototaal waaruit opgaven worden afgeleid als er geen gemeentelijke aantallen zijn.",
            "Van 8 regio's is geen totaal gevonden; verscheidene totalen zijn afgerond, een minimum of bij benadering (kolom precisie)."),
        new("woondeal-gemeenten.csv", "Gemeente → woningbouwregio", "samengesteld voor Regiewijzer",
            "woondealberichten en algemene kennis van de regionale samenwerkingsverbanden, per rij met bron", null,
            "gemeentelijke indeling 2025", "samengesteld door dit project",
            "Welke gemeenten samen een regio vormen en dus samen de normen moeten halen.",
            "Lidmaatschap dat niet uit een woondealtekst komt, is indicatief en moet nog worden getoetst aan de aanwijzing van woningbouwregio's door de provincie.",
            Assumption: true),
        new("woondeal-taken-gemeenten.csv", "Gepubliceerde gemeentelijke aantallen binnen woondeals", "persberichten bij de woondeals",
            "openbare webpagina's (bron per rij)", null,
            "2023", "feitelijke gegevens uit openbare berichten",
            "Afgesproken opgaven per gemeente (herkomst 'afgesproken').",
            "Alleen Regio Foodvalley is compleet: de acht aantallen tellen op tot 25.383, het kopgetal van de deal is 25.000; Regiewijzer gebruikt de gemeentelijke aantallen. Zeeland en Fryslân zijn deels bekend."),
        new("provinciale-bouwafspraken-2022.csv", "Provinciale woningbouwafspraken van 13 oktober 2022", "BZK (Rijksoverheid)",
            "vtw.nl, dat het persbericht van de Rijksoverheid aanhaalt", "https://vtw.nl/nieuwsbrief/259/artikel/2222",
            "13-10-2022", "feitelijke gegevens uit openbare berichten",
            "De provinciale totalen in het landelijk overzicht en de provinciepagina's.",
            "Som 917.193. Het bedrag van 222.200 voor Noord-Holland uit beleidspresentaties is niet gevonden; gevonden is 183.600."),
        new("plancapaciteit-2021.csv", "Harde en zachte plancapaciteit per gemeente (rond 2021)", "provincies, verzameld door Data Bewijst voor Follow the Money",
            "followthemoney/plancapaciteit", "https://github.com/followthemoney/plancapaciteit",
            "rond 2021 (gemeentelijke indeling 2021)", "geen licentie vermeld voor de gegevens; code MIT",
            "De verdeling van een regiototaal over gemeenten zonder afgesproken aantal (afgeleide opgaven), en als plannen in de monitoring: per gemeente één plan per hard/zacht en fase, segment onbekend, planstatus 1b (hard) of 3 (zacht) als aanname.",
            "Fasering en de splitsing hard/zacht verschillen per provincie. Haaren (opgeheven in 2021) heeft geen enkele opvolger en is weggelaten.",
            Assumption: true),
        new("nieuwbouw-2012-2020.csv", "Nieuwbouw en voorraadmutaties per gemeente per jaar", "CBS StatLine 81955NED",
            "followthemoney/plancapaciteit", "https://github.com/followthemoney/plancapaciteit",
            "2012-2020", CcBy,
            "Realisaties (segment onbekend) per gemeente 2012-2020 in de monitoring: geschiedenis vóór de periode 2022-2030.",
            "Historische gemeentecodes; codes die in 2025 niet meer bestaan zijn weggelaten. Nieuwbouw 2021-2024 per gemeente is niet gevonden: voor 2022-2023 gebruikt de monitoring de netto groei van de voorraad (aanname).")
    ];
}
