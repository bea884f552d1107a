using System.Diagnostics;

namespace AanwezigheidsAnalyse.Tests.Support;

/// <summary>The command-line tool as a user runs it: its own process, its own working directory, its exit code and output.</summary>
public static class CliProcess
{
    private static readonly string Cli = Path.Combine(AppContext.BaseDirectory, "aanwezigheid.dll");

    public sealed record Outcome(int ExitCode, string Out, string Error);

    public static Task<Outcome> RunAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(new ProcessStartInfo("dotnet"), workingDirectory, arguments);

    /// <summary>
    /// The tool with a file-size limit (<c>ulimit -f</c>, as a FAT32 stick's 4 GB or a quota gives): a write past it fails
    /// with EFBIG instead of the process being stopped by SIGXFSZ. The runtime needs W^X off to start under the limit.
    /// </summary>
    public static Task<Outcome> RunWithFileSizeLimitAsync(string workingDirectory, int kilobytes, params string[] arguments)
    {
        var info = new ProcessStartInfo("bash") { Environment = { ["DOTNET_EnableWriteXorExecute"] = "0" } };
        foreach (var word in new[] { "-c", $"trap '' XFSZ; ulimit -f {kilobytes}; exec dotnet \"$@\"", "bash" })
            info.ArgumentList.Add(word);
        return RunAsync(info, workingDirectory, arguments);
    }

    private static async Task<Outcome> RunAsync(ProcessStartInfo info, string workingDirectory, string[] arguments)
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        info.WorkingDirectory = workingDirectory;
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
