using System.Diagnostics;
using PsaBridge.Finance.ReferenceData;
using Xunit.Abstractions;
namespace PsaBridge.Finance.Tests.ReferenceData;
public class TmpProfile(ITestOutputHelper output)
{
    [Fact]
    public void Parse()
    {
        for (var i = 0; i < 3; i++)
        {
            var w = Stopwatch.StartNew();
            var c = ReferenceDataFiles.Cities().Count(); var t1 = w.ElapsedMilliseconds;
            var z = ReferenceDataFiles.ZipCodes().Count(); var t2 = w.ElapsedMilliseconds;
            var r = ReferenceDataFiles.Rows("zipcodes.csv.gz", 4).Count(); var t3 = w.ElapsedMilliseconds;
            output.WriteLine($"cities {c} {t1} ms, zips {z} {t2 - t1} ms, raw zips {r} {t3 - t2} ms");
        }
    }
}
