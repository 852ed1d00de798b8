using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Regiewijzer.IntegrationTests.Production;

/// <summary>
/// Debian's nginx as the reverse proxy in front of one or more app instances, as the README's production set-up has
/// it: started by the test on a free loopback port with its own configuration and folder, stopped at the end. It
/// terminates TLS (a self-signed certificate made with openssl for the test), connects to the instances from
/// <see cref="ProxyAddress"/> (127.0.0.2, the only proxy the apps trust) and sends X-Forwarded-For and X-Forwarded-Proto.
/// </summary>
public sealed class Nginx : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/nginx";

    /// <summary>The address nginx connects to the instances from; the apps are configured to trust only it.</summary>
    public static readonly IPAddress ProxyAddress = IPAddress.Parse("127.0.0.2");

    private readonly string _directory;
    private readonly Process _process;

    private Nginx(string directory, Process process, Uri address)
    {
        _directory = directory;
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<Nginx> StartAsync(IEnumerable<Uri> instances, CancellationToken ct)
    {
        if (!File.Exists(Binary))
        {
            throw new InvalidOperationException($"{Binary} not found; install nginx-light (test.sh does).");
        }

        var directory = Directory.CreateTempSubdirectory("regiewijzer-nginx-").FullName;
        // nginx's workers run as an unprivileged user when the tests run as root: they write their temp files here.
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(directory, (UnixFileMode)0b111_111_111);
        }
        var port = PostgresServer.FreePort();
        var upstream = string.Concat(instances.Select(u => $"    server {u.Host}:{u.Port.ToString(CultureInfo.InvariantCulture)};\n"));
        var config = $$"""
            worker_processes 1;
            daemon off;
            pid {{directory}}/nginx.pid;
            error_log {{directory}}/error.log warn;
            events { worker_connections 256; }
            http {
              access_log off;
              client_body_temp_path {{directory}}/body;
              proxy_temp_path {{directory}}/proxy;
              fastcgi_temp_path {{directory}}/fastcgi;
              uwsgi_temp_path {{directory}}/uwsgi;
              scgi_temp_path {{directory}}/scgi;
              client_max_body_size 60m;
              upstream regiewijzer {
            {{upstream}}  }
              server {
                listen 127.0.0.1:{{port.ToString(CultureInfo.InvariantCulture)}} ssl;
                ssl_certificate {{directory}}/cert.pem;
                ssl_certificate_key {{directory}}/key.pem;
                location / {
                  proxy_pass http://regiewijzer;
                  proxy_bind {{ProxyAddress}};
                  proxy_set_header Host $host:$server_port;
                  proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                  proxy_set_header X-Forwarded-Proto $scheme;
                }
              }
            }
            """;
        await PostgresServer.RunAsync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
            "-keyout", Path.Combine(directory, "key.pem"), "-out", Path.Combine(directory, "cert.pem")], asPostgres: false).ConfigureAwait(false);
        var file = Path.Combine(directory, "nginx.conf");
        await File.WriteAllTextAsync(file, config, ct).ConfigureAwait(false);
        var start = new ProcessStartInfo(Binary) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in (string[])["-c", file, "-p", directory, "-e", Path.Combine(directory, "error.log")])
        {
            start.ArgumentList.Add(a);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
        var nginx = new Nginx(directory, process, new Uri($"https://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}"));
        await nginx.WaitUntilListeningAsync(port, ct).ConfigureAwait(false);
        return nginx;
    }

    /// <summary>An HttpClient to the proxy whose connections come from <paramref name="local"/> (a loopback address: a "different client").</summary>
    public HttpClient Client(IPAddress local, bool cookies = true) =>
        new(new SocketsHttpHandler
        {
            UseCookies = cookies,
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate?.Subject == "CN=localhost" }, // the test's own self-signed certificate
            ConnectCallback = async (context, token) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                socket.Bind(new IPEndPoint(local, 0));
                await socket.ConnectAsync(context.DnsEndPoint, token).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            },
        })
        { BaseAddress = Address };

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitUntilListeningAsync(int port, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("nginx stopped: " + await _process.StandardError.ReadToEndAsync(ct).ConfigureAwait(false)
                    + (File.Exists(Path.Combine(_directory, "error.log")) ? await File.ReadAllTextAsync(Path.Combine(_directory, "error.log"), ct).ConfigureAwait(false) : string.Empty));
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, ct).ConfigureAwait(false);
                return;
            }
            catch (SocketException) when (watch.Elapsed < TimeSpan.FromSeconds(30))
            {
                await Task.Delay(100, ct).ConfigureAwait(false);
            }
        }
    }
}
