using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using CsCheck;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Paging;

public sealed class PaginationPropertyTests
{
    /// <summary>
    /// Stopping at random MaxItems and resuming from each resume token, again and again, yields exactly the full
    /// listing: no duplicate, no gap, whatever the page sizes and where the cuts fall.
    /// </summary>
    [Fact]
    public async Task Random_max_items_splits_and_resumes_reproduce_the_full_sequence()
    {
        var scenarios = CsCheck.Gen.Select(
            CsCheck.Gen.Int[0, 40],             // items in the listing
            CsCheck.Gen.Int[1, 6],              // the service's default page size
            CsCheck.Gen.Int[0, 6],              // PageSize (0 = not set)
            CsCheck.Gen.Int[1, 9].Array[1, 8]); // MaxItems of successive runs, cycled

        await scenarios.SampleAsync(async (count, defaultPageSize, pageSize, splits) =>
        {
            var service = new FakeListService(count, defaultPageSize);
            var collected = new List<int>();
            string? token = null;
            for (var run = 0; run <= count + 1; run++)
            {
                var paginator = new AsyncPaginator<ListRequest, ListResponse, int>(FakeListService.Definition(), new ListRequest(),
                    new PaginationOptions { MaxItems = splits[run % splits.Length], PageSize = pageSize == 0 ? null : pageSize, StartingToken = token },
                    service.FetchAsync);
                var before = collected.Count;
                await foreach (var item in paginator)
                {
                    collected.Add(item);
                }

                Assert.True(collected.Count - before <= splits[run % splits.Length]);
                token = paginator.ResumeToken;
                if (token is null)
                {
                    break;
                }
            }

            Assert.Null(token);
            Assert.Equal(Enumerable.Range(0, count), collected);
        }, iter: 300);
    }
}
