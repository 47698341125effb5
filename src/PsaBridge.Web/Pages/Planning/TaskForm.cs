using System.ComponentModel.DataAnnotations;
using PsaBridge.Psa.Projects;

namespace PsaBridge.Web.Pages.Planning;

/// <summary>The plan page's new-task form; the labels are the words its field errors use.</summary>
public sealed class TaskForm
{
    [Display(Name = "Task name")] public string? Name { get; set; }
    [Display(Name = "Under")] public Guid? ParentTaskId { get; set; }
    [Display(Name = "Start")] public DateOnly? ScheduledStart { get; set; }
    [Display(Name = "End")] public DateOnly? ScheduledEnd { get; set; }
    [Display(Name = "Effort (hours)")] public decimal? Effort { get; set; }

    public TaskInput ToInput() => new(Name, ParentTaskId, null, ScheduledStart, ScheduledEnd, Effort);
}
