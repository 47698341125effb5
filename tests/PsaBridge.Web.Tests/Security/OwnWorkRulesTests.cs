using PsaBridge.Web.Security;

namespace PsaBridge.Web.Tests.Security;

/// <summary>Issue 21's scoping rules, without a database: own time and expenses; approvals on one's own projects.</summary>
public sealed class OwnWorkRulesTests
{
    private static readonly Guid Ashley = Guid.NewGuid(), Bob = Guid.NewGuid();

    [Fact]
    public void A_person_enters_time_only_for_the_resource_their_user_is_linked_to()
    {
        OwnWorkRules.MayEnter(new ActingPerson(false, Ashley), Ashley).ShouldBeNull();
        OwnWorkRules.MayEnter(new ActingPerson(false, Ashley), Bob).ShouldBe(OwnWorkRules.NotYourResource);
        OwnWorkRules.MayEnter(new ActingPerson(false, Ashley), null).ShouldBe(OwnWorkRules.NotYourResource);
        OwnWorkRules.MayEnter(new ActingPerson(false, null), Ashley).ShouldBe(OwnWorkRules.NoResource);
    }

    [Fact]
    public void A_project_manager_decides_only_on_projects_whose_manager_is_their_resource()
    {
        OwnWorkRules.MayDecide(new ActingPerson(false, Ashley), Ashley, "Alpine").ShouldBeNull();
        OwnWorkRules.MayDecide(new ActingPerson(false, Ashley), Bob, "Beta")
            .ShouldBe("You may approve only entries of projects you manage; you are not the project manager of 'Beta'.");
        OwnWorkRules.MayDecide(new ActingPerson(false, Ashley), null, "Gamma")
            .ShouldBe("You may approve only entries of projects you manage; you are not the project manager of 'Gamma'.");
        OwnWorkRules.MayDecide(new ActingPerson(false, null), null, "Gamma").ShouldBe(OwnWorkRules.NoResource);
    }

    [Fact]
    public void An_administrator_acts_on_anyones_work_linked_or_not()
    {
        OwnWorkRules.MayEnter(new ActingPerson(true, null), Bob).ShouldBeNull();
        OwnWorkRules.MayDecide(new ActingPerson(true, Ashley), Bob, "Beta").ShouldBeNull();
    }
}
