using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Regiewijzer.Core.Distributions;
using Regiewijzer.Core.Geography;
using Regiewijzer.Data.Import;

namespace Regiewijzer.Benchmarks;

/// <summary>How the task of one municipality in the national benchmark input was obtained.</summary>
public enum TaskOrigin
{
    /// <summary>A published municipal number (woondeal-taken-gemeenten.csv).</summary>
    Published,

    /// <summary>The region's total minus the published numbers, spread by share of 2024 stock (largest remainder).</summary>
    SpreadByStock,

    /// <summary>The region has no known total: round(stock * national ratio).</summary>
    NationalRatio,
}

/// <summary>One of the 35 woondeal regions with its benchmark input.</summary>
/// <param name="Id">woondeal_id, WD01..WD35.</param>
/// <param name="Name">woondeal_naam.</param>
/// <param name="PublishedTotal">The region's woningen_2022_2030, or null when not found.</param>
/// <param name="Input">The distribution input (key: proportional).</param>
/// <param name="Origins">Per municipality code, how its task was obtained.</param>
public sealed record NationalRegion(
    string Id,
    string Name,
    int? PublishedTotal,
    RegionInput Input,
    ImmutableDictionary<MunicipalityCode, TaskOrigin> Origins);

/// <summary>
/// The 35 woondeal regions covering all 342 municipalities, built from data/reference.
/// <para>
/// BENCHMARK-ONLY INPUT. The municipal tasks are derived here only to give the engine a realistic
/// national workload; this is not the product's task derivation (that comes later, with its own
/// rules and provenance). Per municipality:
/// </para>
/// <list type="number">
/// <item>a published municipal number (woondeal-taken-gemeenten.csv) where one exists;</item>
/// <item>otherwise, if the region has a known total (woondeals.csv woningen_2022_2030): the
/// region's total minus the published numbers of its members, spread over the remaining members
/// by share of 2024 stock (woningvoorraad_2024), rounded by largest remainder (ties: lower CBS code);
/// a negative remainder is clamped to 0;</item>
/// <item>otherwise (8 regions without a known total: the six Frisian regions, Midden-Holland and
/// Zuid-Holland Zuid): task = round(stock * ratio), half away from zero, where
/// ratio = (sum of the known region totals) / (sum of the 2024 stock of those regions).</item>
/// </list>
/// <para>
/// Where every member has a published number (Regio Foodvalley), the published numbers are used
/// even when they do not add up to the region's headline figure (25,383 vs 25,000).
/// Stock T = woningvoorraad_2024; social stock S = corporatiewoningen_2024_est. No contracted
/// homes, exemptions or commitments.
/// </para>
/// </summary>
public static class NationalInput
{
    public const string SolutionFile = "Regiewijzer.slnx";

    /// <summary>
    /// data/reference of the repository: the first directory holding Regiewijzer.slnx, walking up
    /// from AppContext.BaseDirectory, then from the current directory, then from this source
    /// file's compile-time location (BenchmarkDotNet may run the benchmarks from a generated
    /// project under a separate artifacts path, outside the repository).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">No such directory.</exception>
    public static string FindDataDirectory() => FindDataDirectoryCore(SourceDirectory());

    /// <summary>Loads the 35 regions (key proportional), ordered by woondeal_id.</summary>
    /// <exception cref="InvalidDataException">The reference data are inconsistent.</exception>
    public static ImmutableArray<NationalRegion> Load(string? dataDirectory = null)
    {
        var dir = dataDirectory ?? FindDataDirectory();
        var municipalities = Read(Path.Combine(dir, "gemeenten-2025.csv"));
        var stockRows = Read(Path.Combine(dir, "woningvoorraad-2024.csv"));
        var membership = Read(Path.Combine(dir, "woondeal-gemeenten.csv"));
        var deals = Read(Path.Combine(dir, "woondeals.csv"));
        // Strict RFC 4180: the upstream copy of this file had an unquoted comma in the last column
        // (bron) of 11 rows; the shipped copy quotes it (data/SOURCES.md). A wrong field count fails.
        var published = Read(Path.Combine(dir, "woondeal-taken-gemeenten.csv"));

        // Municipalities (names from the CBS list).
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var provinces = new Dictionary<string, ProvinceCode>(StringComparer.Ordinal);
        foreach (var row in municipalities)
        {
            provinces[row["gemeentecode"]] = new ProvinceCode(row["provinciecode"]);
            if (!names.TryAdd(row["gemeentecode"], row["gemeentenaam"]))
            {
                throw new InvalidDataException($"gemeenten-2025.csv: duplicate {row["gemeentecode"]}");
            }
        }

        // Stock T and social stock S.
        var stock = new Dictionary<string, (int T, int S)>(StringComparer.Ordinal);
        foreach (var row in stockRows)
        {
            var code = row["gemeentecode"];
            if (!names.ContainsKey(code))
            {
                throw new InvalidDataException($"woningvoorraad-2024.csv: {code} is not a 2025 municipality");
            }

            if (!stock.TryAdd(code, (ParseInt(row, "woningvoorraad_2024"), ParseInt(row, "corporatiewoningen_2024_est"))))
            {
                throw new InvalidDataException($"woningvoorraad-2024.csv: duplicate {code}");
            }
        }

        // Regions and their totals.
        var regionNames = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var totals = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var row in deals)
        {
            var id = row["woondeal_id"];
            regionNames.Add(id, row["woondeal_naam"]);
            totals.Add(id, string.IsNullOrWhiteSpace(row["woningen_2022_2030"]) ? null : ParseInt(row, "woningen_2022_2030"));
        }

        // Membership: a partition of the 342 municipalities.
        var members = regionNames.Keys.ToDictionary(id => id, _ => new List<string>(), StringComparer.Ordinal);
        var assigned = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in membership)
        {
            var code = row["gemeentecode"];
            var id = row["woondeal_id"];
            if (!names.ContainsKey(code) || !stock.ContainsKey(code))
            {
                throw new InvalidDataException($"woondeal-gemeenten.csv: {code} has no municipality or stock row");
            }

            if (!members.TryGetValue(id, out var list))
            {
                throw new InvalidDataException($"woondeal-gemeenten.csv: {code} is in unknown region {id}");
            }

            if (!assigned.Add(code))
            {
                throw new InvalidDataException($"woondeal-gemeenten.csv: {code} is assigned twice");
            }

            list.Add(code);
        }

        var unassigned = names.Keys.Where(c => !assigned.Contains(c)).ToList();
        if (unassigned.Count > 0 || stock.Count != names.Count)
        {
            throw new InvalidDataException($"not every municipality has a region and a stock row: {string.Join(", ", unassigned)}");
        }

        // Published municipal numbers.
        var publishedTask = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in published)
        {
            var code = row["gemeentecode"];
            if (!assigned.Contains(code) || !members[row["woondeal_id"]].Contains(code))
            {
                throw new InvalidDataException($"woondeal-taken-gemeenten.csv: {code} is not a member of {row["woondeal_id"]}");
            }

            publishedTask.Add(code, ParseInt(row, "woningen_2022_2030"));
        }

        // The benchmark-only national ratio (homes per dwelling of 2024 stock) for regions without a total.
        long knownTotal = 0;
        long knownStock = 0;
        foreach (var (id, total) in totals)
        {
            if (total is { } t)
            {
                knownTotal += t;
                knownStock += members[id].Sum(c => (long)stock[c].T);
            }
        }

        var regions = ImmutableArray.CreateBuilder<NationalRegion>(regionNames.Count);
        foreach (var (id, name) in regionNames)
        {
            var codes = members[id];
            codes.Sort(StringComparer.Ordinal);
            var task = new Dictionary<string, int>(StringComparer.Ordinal);
            var origin = ImmutableDictionary.CreateBuilder<MunicipalityCode, TaskOrigin>();
            var rest = new List<string>();
            foreach (var code in codes)
            {
                if (publishedTask.TryGetValue(code, out var p))
                {
                    task[code] = p;
                    origin[new MunicipalityCode(code)] = TaskOrigin.Published;
                }
                else
                {
                    rest.Add(code);
                }
            }

            if (totals[id] is { } regionTotal)
            {
                var remainder = (int)Math.Max(0L, regionTotal - codes.Where(publishedTask.ContainsKey).Sum(c => (long)publishedTask[c]));
                var spread = rest.Count == 0
                    ? new Dictionary<MunicipalityCode, int>()
                    : TaskDerivation.Spread(remainder, [.. rest.Select(c => (new MunicipalityCode(c), (long)stock[c].T))]);
                foreach (var code in rest)
                {
                    task[code] = spread[new MunicipalityCode(code)];
                    origin[new MunicipalityCode(code)] = TaskOrigin.SpreadByStock;
                }
            }
            else
            {
                foreach (var code in rest)
                {
                    // round(T * knownTotal / knownStock), half away from zero, in integers.
                    task[code] = checked((int)(((2 * stock[code].T * knownTotal) + knownStock) / (2 * knownStock)));
                    origin[new MunicipalityCode(code)] = TaskOrigin.NationalRatio;
                }
            }

            var inputs = codes
                .Select(c => new MunicipalityInput(new MunicipalityCode(c), names[c], task[c], stock[c].T, stock[c].S, Province: provinces[c]))
                .ToImmutableArray();
            regions.Add(new NationalRegion(id, name, totals[id], new RegionInput(name, inputs), origin.ToImmutable()));
        }

        return regions.MoveToImmutable();
    }

    /// <summary>The national ratio used for regions without a known total: (sum of known totals, their stock).</summary>
    public static (long KnownTotal, long KnownStock) NationalRatio(ImmutableArray<NationalRegion> regions)
    {
        long total = 0;
        long stock = 0;
        foreach (var r in regions)
        {
            if (r.PublishedTotal is { } t)
            {
                total += t;
                stock += r.Input.Municipalities.Sum(m => (long)m.Stock);
            }
        }

        return (total, stock);
    }

    /// <summary>A shipped CSV through the product's reader (the same one the seeder and imports use).</summary>
    private static IReadOnlyList<TableRow> Read(string path)
    {
        var read = TabularReader.ReadFile(path);
        return read.Table?.Rows ?? throw new InvalidDataException($"{Path.GetFileName(path)}: {string.Join("; ", read.Errors)}");
    }

    private static int ParseInt(TableRow row, string column)
    {
        var text = row[column];
        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new InvalidDataException($"column {column}: '{text}' is not a whole number");
    }

    private static string SourceDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path) ?? string.Empty;

    private static string FindDataDirectoryCore(string sourceDirectory)
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory, sourceDirectory })
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
                {
                    var data = Path.Combine(dir.FullName, "data", "reference");
                    if (Directory.Exists(data))
                    {
                        return data;
                    }
                }
            }
        }

        throw new DirectoryNotFoundException($"No directory holding {SolutionFile} with data/reference above {AppContext.BaseDirectory}, {Environment.CurrentDirectory} or {sourceDirectory}.");
    }
}
