namespace AanwezigheidsAnalyse.Tests.Support;

/// <summary>A test's own temporary folder, removed after the test.</summary>
public abstract class TempFolder : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("aanwezigheid-test-");

    /// <summary>A path in the folder.</summary>
    protected string PathOf(string name) => Path.Combine(_dir.FullName, name);

    public void Dispose()
    {
        _dir.Delete(recursive: true);
        GC.SuppressFinalize(this);
    }
}
