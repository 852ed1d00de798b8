using System.Diagnostics;
using System.Globalization;
using Regiewijzer.Core.Reports;
using Regiewijzer.Data.Database;
using Regiewijzer.Data.Features;
using Regiewijzer.Data.Reports;

namespace Regiewijzer.Benchmarks;

/// <summary>
/// Stopwatch timings of the council documents (--rapport [repeat]): on a fresh SQLite database seeded with the shipped
/// data, per document (raadsinformatie Ede and Renswoude, regiodocument Foodvalley) the time to load and compose the
/// content and the time to write the PDF and the DOCX (charts included), after one warm-up. The monitoring snapshot and
/// the forecast are loaded once beforehand, as the web app keeps them cached.
/// </summary>
internal static class ReportTiming
{
    public static int Run(string[] args, TextWriter o)
    {
        var inv = CultureInfo.InvariantCulture;
        var repeat = args.Length > 0 && int.TryParse(args[0], NumberStyles.None, inv, out var n) ? n : 7;
        var path = Path.Combine(Path.GetTempPath(), $"regiewijzer-bench-{Environment.ProcessId}.db");
        try
        {
            var options = DatabaseOptions.From(DatabaseOptions.Sqlite, $"Data Source={path}");
            using var db = options.CreateContext();
            var watch = Stopwatch.StartNew();
            DatabaseSetup.MigrateAndSeedAsync(db).GetAwaiter().GetResult();
            o.WriteLine(string.Create(inv, $"seeded in {watch.Elapsed.TotalSeconds:0.0} s; machine: {Environment.ProcessorCount} logical CPUs, .NET {Environment.Version}"));
            watch.Restart();
            var snapshot = LoadMonitoring.RunAsync(db).GetAwaiter().GetResult();
            var forecasts = new Dictionary<string, Core.Monitoring.ForecastResult>(StringComparer.Ordinal);
            var context = new ReportContext(DateTimeOffset.UtcNow, "http://localhost:5080", snapshot, p =>
            {
                var key = p.Subject.Level + p.Subject.Id;
                if (!forecasts.TryGetValue(key, out var f))
                {
                    forecasts[key] = f = snapshot.Forecast(p);
                }

                return f;
            });
            o.WriteLine(string.Create(inv, $"monitoring snapshot in {watch.Elapsed.TotalSeconds:0.0} s"));

            (string Name, Func<ReportDocument> Build)[] documents =
            [
                ("raadsinformatie GM0228 Ede", () => CouncilReports.MunicipalityAsync(db, "GM0228", context).GetAwaiter().GetResult().Value!),
                ("raadsinformatie GM0339 Renswoude", () => CouncilReports.MunicipalityAsync(db, "GM0339", context).GetAwaiter().GetResult().Value!),
                ("regiodocument WD19 Foodvalley", () => CouncilReports.RegionAsync(db, "WD19", context).GetAwaiter().GetResult().Value!),
            ];
            foreach (var (name, build) in documents)
            {
                var report = build(); // warm-up: JIT, fonts, forecast into the cache
                Write(report, ReportFormat.Pdf);
                Write(report, ReportFormat.Docx);
                var content = Time(repeat, () => build());
                var pdf = Time(repeat, () => Write(report, ReportFormat.Pdf));
                var docx = Time(repeat, () => Write(report, ReportFormat.Docx));
                o.WriteLine(string.Create(inv,
                    $"{name}: content {content.Median:0} ms (min {content.Min:0}), PDF {pdf.Median:0} ms (min {pdf.Min:0}, {Size(report, ReportFormat.Pdf) / 1024} KB), DOCX {docx.Median:0} ms (min {docx.Min:0}, {Size(report, ReportFormat.Docx) / 1024} KB); total PDF {content.Median + pdf.Median:0} ms, DOCX {content.Median + docx.Median:0} ms"));
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private static long Size(ReportDocument report, ReportFormat format)
    {
        using var buffer = new MemoryStream();
        CouncilReports.Write(report, format, buffer);
        return buffer.Length;
    }

    private static void Write(ReportDocument report, ReportFormat format)
    {
        using var buffer = new MemoryStream();
        CouncilReports.Write(report, format, buffer);
    }

    private static (double Median, double Min) Time(int repeat, Action action)
    {
        var times = new List<double>();
        for (var i = 0; i < repeat; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return (times[times.Count / 2], times[0]);
    }
}
