namespace AanwezigheidsAnalyse.Localization;

/// <summary>
/// A mistake the user can fix (a missing file, a bad setting, an export the tool cannot read). The message says
/// what went wrong and what to do, in both languages, and never contains pupil names or other personal data.
/// <see cref="About"/> names the setting concerned; a program that takes settings from somewhere (the command line's
/// flags, a notebook's option properties) says where the user gives it. The CLI prints it without a stack trace
/// and exits with code 2.
/// </summary>
public sealed class UserError : Exception
{
    /// <summary>An error with its message in both languages, about <paramref name="about"/> when one setting is concerned.</summary>
    public UserError(Phrase message, Setting? about = null)
        : base(message.English)
    {
        Text = message;
        About = about;
    }

    /// <summary>The message in both languages.</summary>
    public Phrase Text { get; }

    /// <summary>The setting the user should look at, if one is concerned.</summary>
    public Setting? About { get; }

    /// <summary>The message in Dutch.</summary>
    public string Dutch => Text.Dutch;

    /// <summary>The message in English.</summary>
    public string English => Text.English;

    /// <summary>The message in <paramref name="language"/>.</summary>
    public string In(Language language) => Text.In(language);
}

/// <summary>The settings of a run a <see cref="UserError"/> can be about; the CLI names each by its flag.</summary>
public enum Setting
{
    /// <summary>The input files.</summary>
    Inputs,

    /// <summary>The as-of date T.</summary>
    AsOf,

    /// <summary>The --from / --to range of a research command (its messages name the flags themselves).</summary>
    Period,

    /// <summary>The output directory.</summary>
    Output,

    /// <summary>The profile (a bundled name or a file).</summary>
    Profile,

    /// <summary>The holiday region.</summary>
    Region,

    /// <summary>The school's calendar file.</summary>
    Calendar,

    /// <summary>The policy (a bundled name or a file).</summary>
    Policy,

    /// <summary>The timetable (a bundled name or a file).</summary>
    Timetable,

    /// <summary>The school's pupil list.</summary>
    PupilList,

    /// <summary>Last week's output directory.</summary>
    Previous,

    /// <summary>The key file for pseudonyms.</summary>
    PseudonymizeKey,

    /// <summary>The share of rejected rows a file may have.</summary>
    MaxRejectRate,

    /// <summary>The school's id for exports without a school column.</summary>
    SchoolId,

    /// <summary>The number of pupils to generate.</summary>
    GeneratePupils,

    /// <summary>The number of school years to generate.</summary>
    GenerateYears,

    /// <summary>The share of generated rows with export mess.</summary>
    GenerateNoise,

    /// <summary>The (first) school year to generate.</summary>
    GenerateSchoolYear,

    /// <summary>Where <c>validate</c> writes the rejected rows.</summary>
    RejectsFile,

    /// <summary>Where <c>validate --suggest-profile</c> writes a starting profile.</summary>
    SuggestProfile,

    /// <summary>A Taskforce's dataset (<c>collect --into</c>).</summary>
    Dataset,

    /// <summary>The early-warning model <c>train</c> wrote (<c>analyze --model</c>).</summary>
    Model,
}
