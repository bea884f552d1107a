namespace AanwezigheidsAnalyse.Output;

/// <summary>A pupil's risk score from an early-warning model (<c>analyze --model</c>) and what drives it most.</summary>
/// <param name="Score">The model's probability of its outcome within its horizon.</param>
/// <param name="Drivers">Up to three features that raise the score most, by name (see pupils.parquet).</param>
public readonly record struct Risk(double Score, IReadOnlyList<string> Drivers);
