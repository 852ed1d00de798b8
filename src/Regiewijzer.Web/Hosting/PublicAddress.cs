namespace Regiewijzer.Web.Hosting;

/// <summary>
/// The address the public uses (setting <c>App:PublicBaseUrl</c>, e.g. https://regiewijzer.example.nl): problem type
/// URIs and other absolute links use it, so they are right behind a proxy that rewrites the host or scheme. Without
/// the setting, the request's own scheme and host are used (after the forwarded headers of a known proxy).
/// </summary>
public sealed class PublicAddress
{
    public PublicAddress(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration["App:PublicBaseUrl"] is { Length: > 0 } text)
        {
            if (!Uri.TryCreate(text.TrimEnd('/'), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                throw new InvalidOperationException($"App:PublicBaseUrl '{text}' is geen http(s)-adres, bijvoorbeeld https://regiewijzer.example.nl.");
            }

            Base = uri;
        }
    }

    /// <summary>The configured base, without a trailing slash; null when not configured.</summary>
    public Uri? Base { get; }

    /// <summary>The absolute URL of a path on this site (the path starts with /).</summary>
    public string Absolute(HttpRequest request, string path)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Base is { } b
            ? b.GetLeftPart(UriPartial.Authority) + b.AbsolutePath.TrimEnd('/') + path
            : $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
    }
}
