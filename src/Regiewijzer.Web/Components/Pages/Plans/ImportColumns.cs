namespace Regiewijzer.Web.Components.Pages.Plans;

/// <summary>One column of an import file as the page explains it (the same text as docs/import.md).</summary>
public sealed record ImportColumn(string Name, string Use, string Meaning);

/// <summary>The columns of the two imports, in the order of the templates.</summary>
internal static class ImportColumns
{
    private const string SegmentNote = "aantal woningen, geheel getal, 0 of meer (1.234 of 1234)";

    public static IReadOnlyList<ImportColumn> Plans { get; } =
    [
        new("gemeentecode", "verplicht", "CBS-gemeentecode, GM + 4 cijfers (GM0228 = Ede), gemeentelijke indeling 2025"),
        new("plancode", "verplicht", "eigen code van het plan, uniek binnen de gemeente (hoogstens 100 tekens); een bestaande code vervangt dat plan"),
        new("naam", "verplicht", "naam van het plan (hoogstens 200 tekens)"),
        new("planstatus", "verplicht", "1a onherroepelijk, 1b vastgesteld, 1c ontwerp (hard); 2a voorontwerp, 2b in voorbereiding, 3 intentie, 4a visie, 4b idee (zacht)"),
        new("opleverjaar_van", "verplicht", "eerste jaar van oplevering (1900-2100)"),
        new("opleverjaar_tot", "optioneel", "laatste jaar van oplevering; leeg = opleverjaar_van. De woningen worden gelijk over de jaren verdeeld (een rest valt in de laatste jaren)"),
        new("prijspeiljaar", "verplicht bij een prijs", "jaar van de prijsgrenzen waarmee een huur of prijs wordt ingedeeld (2023-2026 bekend); leeg bij alleen segmentaantallen = opleverjaar_van"),
        new("gecontracteerd", "optioneel", "ja of nee (leeg = nee): het plan is gecontracteerd en telt zoals het is"),
        new("contractdatum", "optioneel", "alleen bij gecontracteerd = ja; dd-mm-jjjj of jjjj-mm-dd (in XLSX mag het een datumcel zijn)"),
        new("bron", "optioneel", "herkomst van de gegevens (hoogstens 500 tekens); leeg = 'import' en de bestandsnaam"),
        new("sociale_huur, middenhuur, betaalbare_koop, vrije_huur, vrije_koop, segment_onbekend", "vorm 1", SegmentNote + "; een lege cel telt als 0"),
        new("eigendom", "vorm 2", "huur of koop"),
        new("prijs", "vorm 2", "huur: aanvangshuur per maand; koop: koopprijs v.o.n.; in euro's, hoogstens twee decimalen (850,00, 1.150, € 380.000)"),
        new("aantal", "vorm 2", "aantal woningen met deze huur of prijs"),
    ];

    public static IReadOnlyList<ImportColumn> Realisations { get; } =
    [
        new("gemeentecode", "verplicht", "CBS-gemeentecode, GM + 4 cijfers (GM0228 = Ede)"),
        new("jaar", "verplicht", "jaar van oplevering (1900-2100); één rij per gemeente en jaar"),
        new("sociale_huur, middenhuur, betaalbare_koop, vrije_huur, vrije_koop, segment_onbekend", "ten minste één", SegmentNote + "; een ontbrekende kolom of lege cel telt als 0, maar elke rij heeft ten minste één aantal"),
        new("schatting", "optioneel", "ja of nee (leeg = nee): ja markeert een raming of benadering"),
        new("bron", "optioneel", "herkomst (hoogstens 500 tekens); leeg = 'import' en de bestandsnaam"),
        new("toelichting", "optioneel", "toelichting bij het cijfer (hoogstens 1000 tekens)"),
    ];
}
