using System.Globalization;

namespace AspireMigration.Bench;

/// <summary>A process's peak resident set (Linux VmHWM): what a replica needed at its worst, not what it holds now.</summary>
public static class PeakMemory
{
    public static long Of(int processId)
    {
        var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"No VmHWM for process {processId}: peak memory is read from Linux's /proc.");
        return long.Parse(line["VmHWM:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    /// <summary>
    /// Starts the peak over from the current resident set (Linux's clear_refs "5"), so what follows is
    /// measured on its own and not hidden under an earlier, higher peak (the run's).
    /// </summary>
    public static void Reset(int processId) => File.WriteAllText($"/proc/{processId}/clear_refs", "5");

    /// <summary>
    /// Starts this process's peak over for a measurement of its own: the managed heap is compacted and returned to the
    /// system first, so what an earlier measurement left resident does not stand in for this one's peak.
    /// </summary>
    public static void StartOver()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        Reset(Environment.ProcessId);
    }
}
