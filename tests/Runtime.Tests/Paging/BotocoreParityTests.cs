using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Paging;

/// <summary>
/// Differential check against botocore: 60 recorded scenarios (random listing sizes, page sizes and chains of
/// MaxItems runs, each resuming from the previous resume token) must give the same pages and byte-identical tokens.
/// </summary>
public sealed class BotocoreParityTests
{
    [Fact]
    public async Task Pages_and_resume_tokens_match_botocore_recordings()
    {
        using var stream = typeof(BotocoreParityTests).Assembly.GetManifestResourceStream("botocore-paging-cases.json")!;
        using var cases = await JsonDocument.ParseAsync(stream);
        var runs = 0;
        foreach (var scenario in cases.RootElement.EnumerateArray())
        {
            int? pageSize = scenario.GetProperty("pageSize").ValueKind == JsonValueKind.Null ? null : scenario.GetProperty("pageSize").GetInt32();
            string? token = null;
            foreach (var run in scenario.GetProperty("runs").EnumerateArray())
            {
                var service = new FakeListService(scenario.GetProperty("count").GetInt32(), scenario.GetProperty("default").GetInt32());
                var paginator = new AsyncPaginator<ListRequest, ListResponse, int>(FakeListService.Definition(), new ListRequest(),
                    new PaginationOptions { MaxItems = run.GetProperty("maxItems").GetInt32(), PageSize = pageSize, StartingToken = token },
                    service.FetchAsync);

                var pages = new List<int[]>();
                await foreach (var page in paginator.AsPages())
                {
                    pages.Add(page.Items.ToArray());
                }

                var expectedPages = run.GetProperty("pages").EnumerateArray()
                    .Select(page => page.EnumerateArray().Select(item => item.GetInt32()).ToArray()).ToList();
                Assert.Equal(expectedPages, pages);
                Assert.Equal(run.GetProperty("resume").GetString(), paginator.ResumeToken);
                token = paginator.ResumeToken;
                runs++;
            }
        }
        Assert.True(runs >= 60, $"only {runs} runs were checked");
    }
}
