using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Regiewijzer.Data.Telemetry;

namespace Regiewijzer.Web.Hosting;

/// <summary>
/// What an installation with several instances behind a proxy needs (issue 17): forwarded headers from known proxies
/// only, HSTS, the public address, health endpoints, a 503 while the database is away, logs at Warning (JSON when
/// nobody reads them at a terminal, request logging by a setting), and OpenTelemetry when an OTLP endpoint is set.
/// </summary>
internal static class ProductionSetup
{
    public static void AddProduction(this WebApplicationBuilder builder)
    {
        var config = builder.Configuration;
        var services = builder.Services;
        services.AddSingleton<PublicAddress>();
        services.AddHealth();

        // Behind a proxy: trust X-Forwarded-For/-Proto only from the configured proxies (never from anyone).
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in List(config["Proxy:KnownProxies"]))
            {
                o.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in List(config["Proxy:KnownNetworks"]))
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
            }
        });
        services.AddHsts(o =>
        {
            o.MaxAge = TimeSpan.FromDays(365);
            o.ExcludedHosts.Clear(); // HSTS is sent only over https anyway; a proxy on localhost is a real set-up too
        });

        // Logs: Warning by default (appsettings.json); JSON lines when the output is not a terminal (a container, a
        // service manager), readable lines at a terminal; Logging:Format (json|tekst) decides otherwise.
        var format = config["Logging:Format"] ?? (Console.IsOutputRedirected ? "json" : "tekst");
        if (string.Equals(format, "json", StringComparison.OrdinalIgnoreCase))
        {
            builder.Logging.AddJsonConsole(o => o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ");
            builder.Logging.Services.Configure<ConsoleLoggerOptions>(o => o.FormatterName = ConsoleFormatterNames.Json);
        }

        if (config.GetValue("Logging:Requests", false))
        {
            services.AddHttpLogging(o => o.LoggingFields = Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.RequestPropertiesAndHeaders
                | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.ResponseStatusCode | Microsoft.AspNetCore.HttpLogging.HttpLoggingFields.Duration);
            builder.Logging.AddFilter("Microsoft.AspNetCore.HttpLogging", LogLevel.Information);
        }

        // OpenTelemetry: traces and metrics of ASP.NET Core, EF Core, Npgsql, the runtime and Regiewijzer's own counters,
        // exported by OTLP when an endpoint is configured (Telemetry:OtlpEndpoint or OTEL_EXPORTER_OTLP_ENDPOINT).
        var endpoint = config["Telemetry:OtlpEndpoint"] ?? config["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (!string.IsNullOrWhiteSpace(endpoint))
        {
            var otlp = new Uri(endpoint.TrimEnd('/'));
            services.AddOpenTelemetry()
                .ConfigureResource(r => r.AddService("regiewijzer", serviceVersion: typeof(ProductionSetup).Assembly.GetName().Version?.ToString()))
                .WithTracing(t => t
                    .AddAspNetCoreInstrumentation(o => o.Filter = c => !c.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal))
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddSource("Npgsql") // Npgsql's own ActivitySource: each command as a span
                    .AddOtlpExporter(o =>
                    {
                        o.Endpoint = new Uri(otlp + "/v1/traces");
                        o.Protocol = OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf;
                    }))
                .WithMetrics(m => m
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter(RegiewijzerMetrics.MeterName)
                    .AddOtlpExporter((o, reader) =>
                    {
                        o.Endpoint = new Uri(otlp + "/v1/metrics");
                        o.Protocol = OpenTelemetry.Exporter.OtlpExportProtocol.HttpProtobuf;
                        reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = config.GetValue("Telemetry:ExportIntervalMs", 30_000);
                    }));
        }
    }

    /// <summary>First in the pipeline: the real client address and scheme behind a known proxy, request logging if on.</summary>
    public static void UseProductionFront(this WebApplication app)
    {
        app.UseForwardedHeaders();
        if (app.Configuration.GetValue("Logging:Requests", false))
        {
            app.UseHttpLogging();
        }
    }

    /// <summary>Inside the exception handler: a database that went away is a 503, not a 500.</summary>
    public static void UseDatabaseOutage(this WebApplication app) => app.UseMiddleware<DatabaseOutage>();

    private static string[] List(string? text) =>
        (text ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
