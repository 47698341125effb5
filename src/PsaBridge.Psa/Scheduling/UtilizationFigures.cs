namespace PsaBridge.Psa.Scheduling;

/// <summary>
/// A resource's (or a group's) hours in a period. Chargeable utilization is chargeable actual hours over capacity
/// (reference §4 and B6: actuals of billing type Chargeable from approved time), in percent; none without capacity.
/// </summary>
public sealed record UtilizationFigures(decimal Capacity, decimal HardBooked, decimal SoftBooked, decimal ActualHours, decimal ChargeableHours)
{
    public static readonly UtilizationFigures Zero = new(0m, 0m, 0m, 0m, 0m);

    public decimal? ChargeableUtilization => Capacity == 0m ? null : Math.Round(ChargeableHours / Capacity * 100m, 2, MidpointRounding.AwayFromZero);

    /// <summary>Committed hours beyond capacity.</summary>
    public decimal Overbooked => Math.Max(0m, HardBooked - Capacity);

    public UtilizationFigures Add(UtilizationFigures other) => new(Capacity + other.Capacity, HardBooked + other.HardBooked, SoftBooked + other.SoftBooked,
        ActualHours + other.ActualHours, ChargeableHours + other.ChargeableHours);
}
