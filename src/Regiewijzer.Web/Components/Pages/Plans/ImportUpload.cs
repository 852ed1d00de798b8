using Regiewijzer.Data.Import;

namespace Regiewijzer.Web.Components.Pages.Plans;

/// <summary>What an upload on /monitoring/import did: which import, the file's name and the result (counts and notes, or every error).</summary>
public sealed record ImportOutcome(ImportKind Kind, string FileName, ImportResult Result)
{
    /// <summary>The detected encoding of a CSV file ("UTF-8", "Windows-1252", ...); null for XLSX or a file that was not read.</summary>
    public string? Encoding { get; init; }
}

/// <summary>The two imports of the page; the value is the form's name and the prefix of its element ids.</summary>
public enum ImportKind
{
    Plans,
    Realisations,
}

/// <summary>Reads an uploaded CSV or XLSX file within the size limit and runs an import on it (all or nothing).</summary>
internal static class ImportUpload
{
    /// <summary>Largest upload: 10 MB is about 100.000 rows of plans; bigger files go through the command line.</summary>
    public const long MaxFileBytes = 10L * 1024 * 1024;

    /// <summary>Most errors shown on the page; the command line prints all of them.</summary>
    public const int MaxErrorsShown = 2_000;

    public static async Task<ImportOutcome> RunAsync(ImportKind kind, IFormFile? file, Func<Table, string, Task<ImportResult>> import, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(import);
        if (file is null || file.Length == 0 || string.IsNullOrEmpty(file.FileName))
        {
            return Failed(kind, "", "kies eerst een CSV- of XLSX-bestand (een leeg bestand kan niet)");
        }

        var name = Path.GetFileName(file.FileName);
        name = name.Length > 200 ? name[..200] : name;
        var extension = Path.GetExtension(name).ToUpperInvariant();
        if (extension is not (".CSV" or ".XLSX" or ".TXT"))
        {
            return Failed(kind, name, extension == ".XLS"
                ? "XLS (Excel 97-2003) wordt niet gelezen; sla het bestand op als Excel-werkmap (.xlsx) of als CSV (puntkomma gescheiden)"
                : $"'{name}' is geen CSV- of XLSX-bestand");
        }

        if (file.Length > MaxFileBytes)
        {
            return Failed(kind, name, $"het bestand is {Core.Format.Count(file.Length)} bytes; hier mag het hoogstens 10 MB ({Core.Format.Count(MaxFileBytes)} bytes) zijn; splits het bestand of gebruik de opdrachtregel");
        }

        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct).ConfigureAwait(false);
        buffer.Position = 0;
        var read = TabularReader.Read(buffer, maxBytes: MaxFileBytes);
        return read.Table is { } table
            ? new ImportOutcome(kind, name, await import(table, name).ConfigureAwait(false)) { Encoding = table.Encoding }
            : new ImportOutcome(kind, name, ImportResult.Failed(read.Errors));
    }

    /// <summary>The answer to an account that may not import at all: given before the file is read.</summary>
    public static ImportOutcome Refused(ImportKind kind, IFormFile? file) =>
        Failed(kind, file is null ? "" : Path.GetFileName(file.FileName) is { Length: > 200 } n ? n[..200] : Path.GetFileName(file.FileName),
            "uw account is van geen enkele gemeente bewerker; alleen bewerkers van een gemeente mogen gegevens inlezen. Het bestand is niet gelezen");

    private static ImportOutcome Failed(ImportKind kind, string name, string reason) =>
        new(kind, name, ImportResult.Failed([new ImportError(0, string.Empty, reason)]));
}
