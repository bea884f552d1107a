using System.Text.RegularExpressions;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Rules;
using AanwezigheidsAnalyse.Tiering;
using NodaTime;

namespace AanwezigheidsAnalyse.Tests.Library;

/// <summary>Runs in a collection of its own: it sets the working directory and the console, which the process shares.</summary>
[CollectionDefinition(nameof(WorkingDirectory), DisableParallelization = true)]
public sealed class WorkingDirectory;

/// <summary>
/// The README's library example is this test's body, word for word (the test compares them), and it runs: it loads
/// the sample, evaluates it at two dates and prints the tier counts the README's pyramid shows for 19 December.
/// </summary>
[Collection(nameof(WorkingDirectory))]
public sealed partial class ReadmeExampleTest
{
    [Fact]
    public void ReadmeExample_IsThisCode_AndPrintsTheSamplesPyramid()
    {
        var console = new StringWriter();
        var (directory, output) = (Environment.CurrentDirectory, Console.Out);
        Environment.CurrentDirectory = LayeringTest.RepositoryRoot();
        Console.SetOut(console);
        try
        {
            Example();
        }
        finally
        {
            Console.SetOut(output);
            Environment.CurrentDirectory = directory;
        }

        var lines = console.ToString().ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("2025-10-31: tier 1 ", lines[0]);
        // The README's picture of the sample: "309 pupils in tier 1, 68 in tier 2, 23 in tier 3".
        var pyramid = Pyramid().Match(File.ReadAllText(Path.Combine(LayeringTest.RepositoryRoot(), "README.md")));
        Assert.True(pyramid.Success, "the README no longer states the sample's pyramid");
        Assert.Equal($"2025-12-19: tier 1 {pyramid.Groups[1].Value}, tier 2 {pyramid.Groups[2].Value}, tier 3 {pyramid.Groups[3].Value}", lines[1]);
    }

    [Fact]
    public void ReadmeExample_IsTheCodeThisTestRuns()
    {
        var readme = File.ReadAllText(Path.Combine(LayeringTest.RepositoryRoot(), "README.md")).ReplaceLineEndings("\n");
        var block = CSharpBlock().Match(readme);
        Assert.True(block.Success, "the README has no ```csharp block");
        var test = File.ReadAllText(Path.Combine(LayeringTest.RepositoryRoot(), "tests", "AanwezigheidsAnalyse.Tests", "Library", "ReadmeExampleTest.cs")).ReplaceLineEndings("\n");
        var body = ExampleBody().Match(test).Groups[1].Value;
        static string Code(string text) => string.Join("\n", text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("using ", StringComparison.Ordinal)));
        Assert.Equal(Code(body), Code(block.Groups[1].Value));
    }

    private static void Example()
    {
        // README example: begin
        var school = Exports.Load(new LoadOptions
        {
            Inputs = ["samples/vo-school-2025-herfst.csv"],
            PupilsFile = "samples/vo-school-2025-leerlingen.csv",
            AsOf = new LocalDate(2025, 12, 19),
        });
        foreach (var asOf in new[] { new LocalDate(2025, 10, 31), new LocalDate(2025, 12, 19) })
        {
            var evaluation = Evaluation.At(school.Ledger, Policy.Default, asOf);
            Console.WriteLine($"{asOf:yyyy-MM-dd}: tier 1 {evaluation.Count(Tier.One)}, tier 2 {evaluation.Count(Tier.Two)}, tier 3 {evaluation.Count(Tier.Three)}");
        }
        // README example: end
    }

    [GeneratedRegex(@"```csharp\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();

    [GeneratedRegex(@"// README example: begin\n(.*?)\n\s*// README example: end", RegexOptions.Singleline)]
    private static partial Regex ExampleBody();

    [GeneratedRegex(@"(\d+) pupils in tier 1, (\d+) in tier 2, (\d+) in tier 3")]
    private static partial Regex Pyramid();
}
