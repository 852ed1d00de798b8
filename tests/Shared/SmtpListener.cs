using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace Regiewijzer.Tests.Shared;

/// <summary>
/// A real SMTP server on a free loopback port for the tests (RFC 5321: greeting, EHLO/HELO, MAIL, RCPT, DATA with dot
/// unstuffing, RSET, NOOP, QUIT). Every delivered message is parsed with MimeKit and kept; <see cref="WaitForAsync"/>
/// waits for one that matches. No TLS and no authentication: the app is configured with Mail:Security None.
/// </summary>
public sealed class SmtpListener : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<MimeMessage> messages = new();
    private readonly Task loop;

    public SmtpListener()
    {
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        loop = Task.Run(AcceptAsync);
    }

    public int Port { get; }

    /// <summary>The messages delivered so far, in order.</summary>
    public IReadOnlyList<MimeMessage> Messages => [.. messages];

    /// <summary>Waits until a delivered message matches (polling every 100 ms), or fails after <paramref name="timeout"/>.</summary>
    public async Task<MimeMessage> WaitForAsync(Func<MimeMessage, bool> match, TimeSpan timeout, CancellationToken ct = default)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        while (true)
        {
            if (messages.FirstOrDefault(match) is { } found)
            {
                return found;
            }

            try
            {
                await Task.Delay(100, limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException($"Geen passend bericht binnen {timeout.TotalSeconds} s; ontvangen: {string.Join(" | ", messages.Select(m => $"{m.To} {m.Subject}"))}");
            }
        }
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token).ConfigureAwait(false);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            _ = Task.Run(() => SessionAsync(client));
        }
    }

    private async Task SessionAsync(TcpClient client)
    {
        using (client)
        {
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
            await using var writer = new StreamWriter(stream, Encoding.ASCII, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost Regiewijzer test SMTP").ConfigureAwait(false);
            while (await reader.ReadLineAsync(stop.Token).ConfigureAwait(false) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost").ConfigureAwait(false);
                        await writer.WriteLineAsync("250-8BITMIME").ConfigureAwait(false);
                        await writer.WriteLineAsync("250 SIZE 10485760").ConfigureAwait(false);
                        break;
                    case "HELO":
                    case "MAIL":
                    case "RCPT":
                    case "RSET":
                    case "NOOP":
                        await writer.WriteLineAsync("250 OK").ConfigureAwait(false);
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 Einde met <CRLF>.<CRLF>").ConfigureAwait(false);
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(stop.Token).ConfigureAwait(false) is { } d && d != ".")
                        {
                            data.Append(d.StartsWith("..", StringComparison.Ordinal) ? d[1..] : d).Append("\r\n");
                        }

                        using (var content = new MemoryStream(Encoding.UTF8.GetBytes(data.ToString())))
                        {
                            messages.Enqueue(await MimeMessage.LoadAsync(content, stop.Token).ConfigureAwait(false));
                        }

                        await writer.WriteLineAsync("250 OK bericht ontvangen").ConfigureAwait(false);
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Tot ziens").ConfigureAwait(false);
                        return;
                    default:
                        await writer.WriteLineAsync("502 Onbekende opdracht").ConfigureAwait(false);
                        break;
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync().ConfigureAwait(false);
        listener.Stop();
        try
        {
            await loop.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        stop.Dispose();
    }
}
