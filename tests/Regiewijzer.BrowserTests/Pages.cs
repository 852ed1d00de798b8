using Xunit;

namespace Regiewijzer.BrowserTests;

/// <summary>The main pages every accessibility and zoom test visits (path, name for screenshots).</summary>
public static class Pages
{
    public static TheoryData<string, string> Main => new()
    {
        { "/", "home" },
        { "/provincie/PV25", "provincie-gelderland" },
        { "/regios", "regios" },
        { "/regio/WD19", "regio-foodvalley" },
        { "/gemeente/GM0228", "gemeente-ede" },
        { "/regio/WD19/wat-als", "wat-als" },
        { "/bronnen", "bronnen" },
        { "/api", "api" },
        { "/zoeken?q=ede", "zoeken-ede" },
        { "/afspraken", "afspraken" },
        { "/regio/WD19/afspraken", "afspraken-foodvalley" },
        { "/help", "help" },
        { "/begrippen", "begrippen" },
        { "/toegankelijkheid", "toegankelijkheid" },
        { "/privacy", "privacy" },
    };
}
