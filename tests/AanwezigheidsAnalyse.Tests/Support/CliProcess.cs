using System.Diagnostics;

namespace AanwezigheidsAnalyse.Tests.Support;

/// <summary>The command-line tool as a user runs it: its own process, its own working directory, its exit code and output.</summary>
public static class CliProcess
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "aanwezigheid.dll");

    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static async Task<Outcome> RunAsync(string workingDirectory, params string[] arguments)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        info.ArgumentList.Add(Cli);
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return new Outcome(process.ExitCode, await output, await error);
    }
}
