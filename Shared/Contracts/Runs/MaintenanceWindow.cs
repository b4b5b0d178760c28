namespace AspireMigration.Shared.Contracts.Runs;

/// <summary>
/// When a run may dispatch batches: on <see cref="Days"/> ("Mon" ... "Sun"; none means every day) from
/// <see cref="From"/> to <see cref="To"/>, wall-clock time in the IANA <see cref="TimeZone"/>. A window whose end is
/// before its start runs past midnight and belongs to the day it opens.
/// </summary>
public sealed record MaintenanceWindow(IReadOnlyList<string> Days, TimeOnly From, TimeOnly To, string TimeZone);
