using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace PsaBridge.Psa.Migrations;

/// <summary>
/// The two indexes on booking days, by resource and date and by date and resource, now also hold status and hours: find
/// resources, the schedule board and utilization sum booked hours by period from the index and never read the table.
/// </summary>
[DbContext(typeof(PsaDb))]
[Migration("20261207000015_BookingLoadIndexes")]
public sealed class BookingLoadIndexes : Migration
{
    protected override void Up(MigrationBuilder m)
    {
        m.CreateIndex("IX_Bookings_ResourceId_Date_Status_Hours", "Bookings", ["ResourceId", "Date", "Status", "Hours"]);
        m.CreateIndex("IX_Bookings_Date_ResourceId_Status_Hours", "Bookings", ["Date", "ResourceId", "Status", "Hours"]);
        m.DropIndex("IX_Bookings_ResourceId_Date", "Bookings");
        m.DropIndex("IX_Bookings_Date_ResourceId", "Bookings");
    }

    protected override void Down(MigrationBuilder m)
    {
        m.CreateIndex("IX_Bookings_ResourceId_Date", "Bookings", ["ResourceId", "Date"]);
        m.CreateIndex("IX_Bookings_Date_ResourceId", "Bookings", ["Date", "ResourceId"]);
        m.DropIndex("IX_Bookings_Date_ResourceId_Status_Hours", "Bookings");
        m.DropIndex("IX_Bookings_ResourceId_Date_Status_Hours", "Bookings");
    }
}
