namespace AspireMigration.Dashboard.Components.Runs;

/// <summary>One maintenance window row of the pacing form, as typed.</summary>
public sealed class WindowInput
{
    /// <summary>Day names separated by spaces or commas ("Mon Tue"); empty means every day.</summary>
    public string Days { get; set; } = "Mon Tue Wed Thu Fri";

    public string From { get; set; } = "01:00";
    public string To { get; set; } = "05:00";
    public string TimeZone { get; set; } = "UTC";
}
