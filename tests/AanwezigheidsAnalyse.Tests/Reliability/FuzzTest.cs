using System.Diagnostics;
using System.Text;
using AanwezigheidsAnalyse.Ingestion;
using AanwezigheidsAnalyse.Rules;
using static AanwezigheidsAnalyse.Tests.Support.TestPipeline;

namespace AanwezigheidsAnalyse.Tests.Reliability;

/// <summary>
/// A seeded mutation fuzzer over what users hand the tool: exports (CSV reader and row pipeline), profiles and
/// policies. Each target runs for a fixed budget of time; any exception but a <see cref="UserError"/> (which the CLI
/// prints as a message with exit 2) is a bug that would be exit 3, and so is a single input that takes too long.
/// The seed of a failure is in the message, to replay it.
/// </summary>
public sealed class FuzzTest : IDisposable
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(10);
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-fuzz-");

    public void Dispose() => _dir.Delete(recursive: true);

    private static readonly byte[][] Tokens =
    [
        "\""u8.ToArray(), ";"u8.ToArray(), ","u8.ToArray(), "\t"u8.ToArray(), "\n"u8.ToArray(), "\r"u8.ToArray(), "\r\n"u8.ToArray(),
        [0], [0xFF], [0xC3], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], "\u001b[31m"u8.ToArray(), "Jansen, Piet"u8.ToArray(),
        "31-02-2025"u8.ToArray(), "2025-13-45"u8.ToArray(), "99999999999"u8.ToArray(), "-1"u8.ToArray(), "1e308"u8.ToArray(),
        "null"u8.ToArray(), "{"u8.ToArray(), "}"u8.ToArray(), "["u8.ToArray(), "]"u8.ToArray(), "\"\":"u8.ToArray(), "NaN"u8.ToArray(),
        "__HIVE_DEFAULT_PARTITION__"u8.ToArray(), "Totaal"u8.ToArray(),
    ];

    private const string MutantBytes = "0123456789;\"\n-";

    /// <summary>One mutation of <paramref name="input"/>: a token inserted, a range deleted or repeated, a byte changed, or a cut.</summary>
    private static byte[] Mutate(byte[] input, Random random)
    {
        var bytes = new List<byte>(input);
        var mutations = random.Next(1, 6);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0:
                    bytes.InsertRange(at, Tokens[random.Next(Tokens.Length)]);
                    break;
                case 1:
                    bytes.RemoveRange(at, Math.Min(random.Next(1, 64), bytes.Count - at));
                    break;
                case 2:
                    var length = Math.Min(random.Next(1, 200), bytes.Count - at);
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                case 3:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 4:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
                default:
                    bytes[at] = (byte)MutantBytes[random.Next(MutantBytes.Length)];
                    break;
            }
        }
        return [.. bytes];
    }

    /// <summary>Runs <paramref name="target"/> on mutants of <paramref name="seed"/> until the budget is spent.</summary>
    private void Fuzz(string name, byte[] seed, Action<string> target, int randomSeed)
    {
        var random = new Random(randomSeed);
        var clock = Stopwatch.StartNew();
        var runs = 0;
        while (clock.Elapsed < Budget || runs < 20)
        {
            var mutantSeed = random.Next();
            var path = Path.Combine(_dir.FullName, name);
            File.WriteAllBytes(path, Mutate(seed, new Random(mutantSeed)));
            // On a thread of its own, not the pool's: with the other test classes running beside it on two cores, a
            // pooled task could wait its turn longer than the time it is given, which would be no hang of the mutant.
            var task = Task.Factory.StartNew(() =>
            {
                try
                {
                    target(path);
                }
                catch (UserError)
                {
                    // A clear message with exit 2: what a user mistake should give.
                }
            }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            Assert.True(task.Wait(PerInput), $"{name}: mutant {mutantSeed} (of seed {randomSeed}) ran longer than {PerInput.TotalSeconds} s");
            runs++;
        }
    }

    private static void Unwrap(Action action)
    {
        try
        {
            action();
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
        }
    }

    [Fact]
    public void Exports_MutatedAnyWay_GiveRowsOrAUserError()
    {
        var seed = Encoding.UTF8.GetBytes("Absentieoverzicht\nStamnr;Naam;Klas;Datum;Lesuur;Code;Geoorloofd\n"
            + string.Concat(Enumerable.Range(0, 60).Select(i => $"{4700 + i % 9};Naam {i};2B;{3 + i % 5:00}-11-2025;{1 + i % 7};{(i % 3 == 0 ? "Z" : "S")};{(i % 2 == 0 ? "ja" : "nee")}\n"))
            + "Totaal;;;;;;60\n");
        var rejects = Path.Combine(_dir.FullName, "rejects.csv");
        Unwrap(() => Fuzz("export.csv", seed, path =>
        {
            var read = IngestPaths([path], D("2025-11-14"), null, null, rejects);
            var file = read.Ingest.Files[0];
            Assert.Equal(file.RowsRead, file.Accepted + file.Ignored + file.Rejected);
        }, randomSeed: 1));
    }

    [Fact]
    public void Profiles_MutatedAnyWay_LoadOrGiveAUserError() =>
        Unwrap(() => Fuzz("profile.json", Bundled("profiles/lesuur-nl.json"), path => Profile.Load(path), randomSeed: 2));

    [Fact]
    public void Policies_MutatedAnyWay_LoadOrGiveAUserError() =>
        Unwrap(() => Fuzz("policy.json", Bundled("policies/kearney-nl.json"), path => Policy.Load(path), randomSeed: 3));

    private static byte[] Bundled(string resource)
    {
        using var stream = typeof(Policy).Assembly.GetManifestResourceStream(resource)!;
        using var memory = new MemoryStream();
        stream.CopyTo(memory);
        return memory.ToArray();
    }
}
