using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Regiewijzer.IntegrationTests;

/// <summary>
/// A throwaway PostgreSQL 15 cluster for the whole test run (owned by <see cref="TestDatabases"/>):
/// initdb in a fresh temp folder, started on a free loopback port, stopped and deleted at the end.
/// When PostgreSQL is missing or does not start, every PostgreSQL test fails with the reason (never
/// skipped, in CI or elsewhere); the SQLite tests still run.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string BinDirectory = "/usr/lib/postgresql/15/bin";

    private string? _directory;
    private string? _adminConnection;
    private string? _failure;

    private string? _startOptions;

    private string DataDirectory => Path.Combine(_directory!, "data");

    /// <summary>The connection string of the server's administrative database (after a successful start).</summary>
    public string AdminConnection => _adminConnection ?? throw new InvalidOperationException(_failure ?? "PostgreSQL was not started.");

    /// <summary>Stops the running server (fast shutdown: connections are closed), keeping its data; see <see cref="StartAgainAsync"/>.</summary>
    public Task StopServerAsync() =>
        RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "fast", "-w", "stop"], asPostgres: true);

    /// <summary>Starts the stopped server again on the same port.</summary>
    public async Task StartAgainAsync()
    {
        await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-l", Path.Combine(_directory!, "server.log"), "-w", "-t", "60", "-o", _startOptions!, "start"], asPostgres: true).ConfigureAwait(false);
        await WaitUntilAcceptingAsync().ConfigureAwait(false);
    }

    public async Task StartOrRecordFailureAsync()
    {
        try
        {
            await StartAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is InvalidOperationException or IOException or NpgsqlException or System.ComponentModel.Win32Exception or TimeoutException)
        {
            _failure = $"PostgreSQL for the integration tests is not available: {e.Message}";
            await StopAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    /// <summary>A new database with a unique name, empty or a copy of the database of <paramref name="templateConnectionString"/>; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? templateConnectionString = null, CancellationToken ct = default)
    {
        if (_failure is not null || _adminConnection is null)
        {
            throw new InvalidOperationException((_failure ?? "PostgreSQL for the integration tests was not started.") + (Environment.GetEnvironmentVariable("CI") == "true" ? " (CI=true: PostgreSQL tests must run, not be skipped)" : string.Empty));
        }

        var name = "t_" + Guid.NewGuid().ToString("N");
        await using (var connection = new NpgsqlConnection(_adminConnection))
        {
            await connection.OpenAsync(ct).ConfigureAwait(false);
            var sql = templateConnectionString is null ? $"CREATE DATABASE \"{name}\"" : $"CREATE DATABASE \"{name}\" TEMPLATE \"{new NpgsqlConnectionStringBuilder(templateConnectionString).Database}\"";
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
        }

        return new NpgsqlConnectionStringBuilder(_adminConnection) { Database = name }.ConnectionString;
    }

    private async Task StartAsync()
    {
        var initdb = Path.Combine(BinDirectory, "initdb");
        var pgCtl = Path.Combine(BinDirectory, "pg_ctl");
        if (!File.Exists(initdb) || !File.Exists(pgCtl))
        {
            throw new InvalidOperationException($"{initdb} or {pgCtl} not found; install PostgreSQL 15 (apt-get install postgresql-15, as test.sh does).");
        }

        _directory = Directory.CreateTempSubdirectory("regiewijzer-pg-").FullName;
        if (IsRoot)
        {
            // initdb refuses to run as root: the cluster belongs to the postgres OS user.
            await RunAsync("chown", ["-R", "postgres:postgres", _directory], asPostgres: false).ConfigureAwait(false);
        }

        await RunAsync(initdb, ["-D", DataDirectory, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync"], asPostgres: true).ConfigureAwait(false);

        // The free port can be taken between finding and binding it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            var port = FreePort();
            var options = $"-p {port.ToString(CultureInfo.InvariantCulture)} -k {_directory} -c listen_addresses=127.0.0.1 "
                + "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300 -c autovacuum=off";
            try
            {
                await RunAsync(pgCtl, ["-D", DataDirectory, "-l", Path.Combine(_directory, "server.log"), "-w", "-t", "60", "-o", options, "start"], asPostgres: true).ConfigureAwait(false);
                _startOptions = options;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                continue;
            }

            _adminConnection = new NpgsqlConnectionStringBuilder
            {
                Host = "127.0.0.1",
                Port = port,
                Username = "postgres",
                Database = "postgres",
                Timeout = 30,
                IncludeErrorDetail = true,
            }.ConnectionString;
            await WaitUntilAcceptingAsync().ConfigureAwait(false);
            return;
        }
    }

    private async Task WaitUntilAcceptingAsync()
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_adminConnection);
                await connection.OpenAsync().ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException) when (watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100).ConfigureAwait(false);
            }
        }
    }

    private async Task StopAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_directory is null)
        {
            return;
        }

        if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            try
            {
                await RunAsync(Path.Combine(BinDirectory, "pg_ctl"), ["-D", DataDirectory, "-m", "immediate", "-w", "stop"], asPostgres: true).ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // Deleting the folder below is what matters; a server that did not stop shows in the log.
            }
        }

        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }

        _directory = null;
    }

    private static bool IsRoot => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    /// <summary>A free loopback port (also for the other servers the tests start).</summary>
    internal static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    /// <summary>Runs a program (as the postgres OS user when the tests run as root) and throws with its output when it fails.</summary>
    internal static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asPostgres && IsRoot)
        {
            start.FileName = "runuser";
            foreach (var a in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {program}");
        var output = Task.WhenAll(process.StandardOutput.ReadToEndAsync(), process.StandardError.ReadToEndAsync());
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} did not finish within 90 s");
        }

        if (process.ExitCode != 0)
        {
            var text = string.Concat(await output.WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false));
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed with exit code {process.ExitCode.ToString(CultureInfo.InvariantCulture)}: {text.Trim()}");
        }
    }
}
