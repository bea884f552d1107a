namespace AanwezigheidsAnalyse.Tests.Support;

/// <summary>A page as a reader's browser builds it: headless Chromium's DOM after the page's scripts ran.</summary>
public static class Browser
{
    /// <summary>The Chromium of AANWEZIGHEID_CHROMIUM, else the usual places; null when there is none (CI installs it).</summary>
    public static string? Chromium() =>
        Environment.GetEnvironmentVariable("AANWEZIGHEID_CHROMIUM") is { Length: > 0 } configured ? configured
            : new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists);

    /// <summary>The DOM of <paramref name="page"/>, opened from disk with its own throw-away profile in <paramref name="profile"/>; null without Chromium.</summary>
    public static async Task<string?> DomAsync(string page, string profile)
    {
        if (Chromium() is not { } chromium)
            return null;
        var start = new System.Diagnostics.ProcessStartInfo(chromium,
            $"--headless --no-sandbox --disable-gpu --no-first-run --user-data-dir={profile} --dump-dom {new Uri(page).AbsoluteUri}")
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var browser = System.Diagnostics.Process.Start(start)!;
        var dom = await browser.StandardOutput.ReadToEndAsync();
        await browser.WaitForExitAsync();
        return dom;
    }
}
