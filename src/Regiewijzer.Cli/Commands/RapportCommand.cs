using System.CommandLine;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Features.Governance;
using Regiewijzer.Data.Reports;

namespace Regiewijzer.Cli.Commands;

/// <summary>
/// regiewijzer rapport --gemeente GM0228 | --regio WD19 [--formaat pdf|docx] [--uit BESTAND] [--adres URL]: the
/// raadsinformatie of a municipality or the regiodocument of a region, with the same content as the web download.
/// </summary>
internal static class RapportCommand
{
    public const string DefaultAddress = "http://localhost:5080";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var municipality = new Option<string?>("--gemeente") { Description = "Raadsinformatie van deze gemeente: CBS-code, bijvoorbeeld GM0228 (Ede)." };
        var region = new Option<string?>("--regio") { Description = "Regiodocument van deze woningbouwregio: id (WD19) of een uniek deel van de naam (Foodvalley)." };
        var format = new Option<string>("--formaat") { Description = "pdf (toegankelijke PDF) of docx (Word, bewerkbaar).", DefaultValueFactory = _ => "pdf" };
        format.AcceptOnlyFromAmong("pdf", "docx");
        var output = new Option<string?>("--uit") { Description = "Uitvoerbestand; zonder deze optie raadsinformatie-GM0228.pdf (of regiodocument-WD19.pdf) in de huidige map." };
        var address = new Option<string>("--adres")
        {
            Description = $"Adres van de webapplicatie, voor de vaste link naar de pagina in het document (standaard {DefaultAddress}).",
            DefaultValueFactory = _ => DefaultAddress,
        };
        var command = new Command("rapport", "Maak de raadsinformatie van een gemeente of het regiodocument van een regio als PDF of Word (DOCX).")
        {
            municipality, region, format, output, address,
        };
        command.SetAction(async (parse, ct) =>
        {
            var code = parse.GetValue(municipality);
            var regionQuery = parse.GetValue(region);
            if (string.IsNullOrWhiteSpace(code) == string.IsNullOrWhiteSpace(regionQuery))
            {
                stderr.WriteLine("regiewijzer: kies één van --gemeente (bijvoorbeeld GM0228) of --regio (bijvoorbeeld WD19).");
                return CliApp.InvalidInput;
            }

            var link = parse.GetRequiredValue(address);
            if (!Uri.TryCreate(link, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                stderr.WriteLine($"regiewijzer: '{link}' is geen adres; geef bijvoorbeeld https://regiewijzer.provincie.nl.");
                return CliApp.InvalidInput;
            }

            await using var db = await DatabaseArgs.OpenAsync(parse, ct).ConfigureAwait(false);
            var snapshot = await LoadMonitoring.RunAsync(db, ct: ct).ConfigureAwait(false);
            var context = new ReportContext(DateTimeOffset.UtcNow, link, snapshot);
            Outcome<Core.Reports.ReportDocument> outcome;
            if (!string.IsNullOrWhiteSpace(code))
            {
                outcome = await CouncilReports.MunicipalityAsync(db, code, context, ct).ConfigureAwait(false);
            }
            else
            {
                var (row, error) = await FindRegion.RunAsync(db, regionQuery!, ct).ConfigureAwait(false);
                if (row is null)
                {
                    stderr.WriteLine($"regiewijzer: {error}");
                    return CliApp.InvalidInput;
                }

                outcome = await CouncilReports.RegionAsync(db, row.Id, context, ct).ConfigureAwait(false);
            }

            if (!outcome.Succeeded)
            {
                stderr.WriteLine($"regiewijzer: {outcome.Reason}");
                return CliApp.InvalidInput;
            }

            var kind = CouncilReports.ParseFormat(parse.GetRequiredValue(format))!.Value;
            var report = outcome.Value!;
            var path = parse.GetValue(output) ?? $"{report.FileName}.{CouncilReports.Extension(kind)}";
            using var buffer = new MemoryStream();
            CouncilReports.Write(report, kind, buffer);
            await File.WriteAllBytesAsync(path, buffer.ToArray(), ct).ConfigureAwait(false);
            stdout.WriteLine($"{report.Title} geschreven naar {path}.");
            return CliApp.Ok;
        });
        return command;
    }
}
