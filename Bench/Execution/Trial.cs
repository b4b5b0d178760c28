namespace AspireMigration.Bench.Execution;

/// <summary>One measured trial: the floor and the same work through the bus, as ratios.</summary>
public sealed record Trial(Floor Floor, BusFigures Bus)
{
    public double RunRatio => Bus.Run / Floor.Run;

    public double RollbackRatio => Bus.Rollback / Floor.Restore;
}
