using PdfSharp.Fonts;

namespace Regiewijzer.Data.Reports;

/// <summary>
/// The report font: DejaVu Sans (free licence, Debian package fonts-dejavu-core), embedded in every PDF. Looked up in
/// the directory of the environment variable REGIEWIJZER_FONTS, then in the usual Debian and other Linux directories.
/// </summary>
public sealed class ReportFonts : IFontResolver
{
    public const string Family = "DejaVu Sans";

    private static readonly string[] Faces = ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"];

    private static readonly Lazy<ReportFonts> Instance = new(() => new ReportFonts());

    private readonly Dictionary<string, byte[]> files = new(StringComparer.Ordinal);

    private ReportFonts()
    {
        var directories = new[]
        {
            Environment.GetEnvironmentVariable("REGIEWIJZER_FONTS"),
            Path.Combine(AppContext.BaseDirectory, "fonts"),
            "/usr/share/fonts/truetype/dejavu",
            "/usr/share/fonts/dejavu",
            "/usr/share/fonts/TTF",
            "/usr/local/share/fonts",
        };
        foreach (var face in Faces)
        {
            var path = directories.Where(d => !string.IsNullOrEmpty(d)).Select(d => Path.Combine(d!, face + ".ttf")).FirstOrDefault(File.Exists);
            if (path is not null)
            {
                files[face] = File.ReadAllBytes(path);
            }
        }
    }

    /// <summary>Installs the resolver for PDFsharp once; throws a Dutch message when the font is not on the machine.</summary>
    public static void EnsureInstalled()
    {
        var fonts = Instance.Value;
        if (!fonts.files.ContainsKey("DejaVuSans") || !fonts.files.ContainsKey("DejaVuSans-Bold"))
        {
            throw new InvalidOperationException(
                "Het lettertype DejaVu Sans is niet gevonden (nodig voor de PDF). Installeer het pakket fonts-dejavu-core of zet de map met DejaVuSans.ttf in REGIEWIJZER_FONTS.");
        }

        lock (Instance)
        {
            if (GlobalFontSettings.FontResolver is not ReportFonts)
            {
                GlobalFontSettings.FontResolver = fonts;
            }
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic)
    {
        var face = (bold, italic) switch
        {
            (true, true) => "DejaVuSans-BoldOblique",
            (true, false) => "DejaVuSans-Bold",
            (false, true) => "DejaVuSans-Oblique",
            _ => "DejaVuSans",
        };
        return files.ContainsKey(face) ? new FontResolverInfo(face) : new FontResolverInfo("DejaVuSans", bold, italic);
    }

    public byte[]? GetFont(string faceName) => files.GetValueOrDefault(faceName);
}
