using System.Runtime.CompilerServices;
using AanwezigheidsAnalyse.Calendar;

namespace AanwezigheidsAnalyse.Ledger;

/// <summary>
/// What the reading of an export writes each row into: the <see cref="LedgerBuilder"/> itself, or, when a file is
/// read on several cores, a part's log that is replayed into the builder in file order. Implemented by structs, so
/// that the row pipeline is compiled for each and its per-row calls are inlined.
/// </summary>
internal interface ILedgerTarget
{
    SchoolCalendar Calendar { get; }

    int SchoolFor(ReadOnlySpan<byte> utf8);

    int SchoolFor(string schoolId);

    int PupilFor(int school, ReadOnlySpan<byte> pupilId);

    bool IsEnrolled(int pupil, int day);

    int GroupFor(ReadOnlySpan<byte> utf8);

    void SetGroup(int pupil, int group, int day);

    /// <summary>Registers a slot; what it did to the ledger, or <see cref="RegistrationEffect.Added"/> where that is only known on replay.</summary>
    RegistrationEffect RegisterSlot(int pupil, int day, int slot, Category category);

    /// <inheritdoc cref="RegisterSlot"/>
    RegistrationEffect RegisterWholeDay(int pupil, int day, Category category);

    /// <inheritdoc cref="RegisterSlot"/>
    RegistrationEffect RegisterMinutes(int pupil, int day, Category category, int minutes, int scheduledMinutes);
}

/// <summary>Rows straight into the builder: one reader, in file order.</summary>
internal readonly struct BuilderTarget(LedgerBuilder builder) : ILedgerTarget
{
    public SchoolCalendar Calendar => builder.Calendar;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int SchoolFor(ReadOnlySpan<byte> utf8) => builder.SchoolFor(utf8);

    public int SchoolFor(string schoolId) => builder.SchoolFor(schoolId);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int PupilFor(int school, ReadOnlySpan<byte> pupilId) => builder.PupilFor(school, pupilId);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool IsEnrolled(int pupil, int day) => builder.IsEnrolled(pupil, day);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int GroupFor(ReadOnlySpan<byte> utf8) => builder.GroupFor(utf8);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SetGroup(int pupil, int group, int day) => builder.SetGroup(pupil, group, day);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public RegistrationEffect RegisterSlot(int pupil, int day, int slot, Category category) => builder.RegisterSlot(pupil, day, slot, category);

    public RegistrationEffect RegisterWholeDay(int pupil, int day, Category category) => builder.RegisterWholeDay(pupil, day, category);

    public RegistrationEffect RegisterMinutes(int pupil, int day, Category category, int minutes, int scheduledMinutes) =>
        builder.RegisterMinutes(pupil, day, category, minutes, scheduledMinutes);
}
