using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace DataZone.Gen.Runtime.Tests.Paging;

/// <summary>A request with two input tokens, like Route 53's ListResourceRecordSets (name and type).</summary>
internal sealed record PairRequest(string? StartName = null, string? StartType = null, int? MaxItems = null);

/// <summary>A page with two output tokens, a second result list, a per-page count and a non-aggregated member.</summary>
internal sealed record PairResponse(IReadOnlyList<int> Items, IReadOnlyList<string>? Notes, int? Count, string? NextName, string? NextType,
    string Region = "r-1");

/// <summary>Lists 0..count-1; the position travels split over two tokens (the tens and the units, as text).</summary>
internal sealed class PairService
{
    private readonly int _count;

    public PairService(int count) => _count = count;

    public List<PairRequest> Calls { get; } = new();

    public Task<PairResponse> FetchAsync(PairRequest request, CancellationToken cancellationToken)
    {
        Calls.Add(request);
        var offset = request.StartName is null ? 0 : int.Parse(request.StartName + request.StartType, System.Globalization.CultureInfo.InvariantCulture);
        var size = request.MaxItems ?? 3;
        var end = Math.Min(offset + size, _count);
        var items = Enumerable.Range(offset, end - offset).ToArray();
        var next = end < _count ? end.ToString("00", System.Globalization.CultureInfo.InvariantCulture) : null;
        return Task.FromResult(new PairResponse(items, items.Select(i => "n" + i).ToArray(), items.Length, next?[..1], next?[1..]));
    }

    public static PaginatorDefinition<PairRequest, PairResponse, int> Definition { get; } = new()
    {
        InputTokenNames = new[] { "StartName", "StartType" },
        WithInputTokens = (request, tokens) => request with { StartName = tokens[0], StartType = tokens[1] },
        GetOutputTokens = response => new[] { response.NextName, response.NextType },
        WithOutputToken = (response, token) => response with { NextName = token, NextType = null },
        GetItems = response => response.Items,
        WithItems = (response, items) => response with { Items = items },
        AggregateOtherResults = (aggregate, page) => aggregate with
        {
            Notes = aggregate.Notes is null ? page.Notes : page.Notes is null ? aggregate.Notes : aggregate.Notes.Concat(page.Notes).ToArray(),
            Count = aggregate.Count is null ? page.Count : page.Count is null ? aggregate.Count : aggregate.Count + page.Count,
        },
        ClearOtherResults = response => response with { Notes = Array.Empty<string>() },
        LimitName = "MaxItems",
        WithLimit = (request, limit) => request with { MaxItems = limit },
    };
}

public sealed class SeveralKeysTests
{
    private static string Json(string token) => Encoding.UTF8.GetString(Convert.FromBase64String(token));

    [Fact]
    public async Task Several_input_tokens_are_sent_together_and_end_when_all_are_empty()
    {
        var service = new PairService(7);
        var items = await new AsyncPaginator<PairRequest, PairResponse, int>(PairService.Definition, new PairRequest(), null, service.FetchAsync).ToListAsync();

        Assert.Equal(Enumerable.Range(0, 7), items);
        Assert.Equal(new[] { new PairRequest(), new PairRequest("0", "3"), new PairRequest("0", "6") }, service.Calls);
    }

    [Fact]
    public async Task A_composite_resume_token_holds_every_input_token_as_botocore_writes_it()
    {
        var paginator = new AsyncPaginator<PairRequest, PairResponse, int>(PairService.Definition, new PairRequest(),
            new PaginationOptions { MaxItems = 5 }, new PairService(20).FetchAsync);
        Assert.Equal(new[] { 0, 1, 2, 3, 4 }, await paginator.ToListAsync());

        // botocore: TokenEncoder().encode({'StartName': '0', 'StartType': '3', 'boto_truncate_amount': 2})
        Assert.Equal("{\"StartName\": \"0\", \"StartType\": \"3\", \"boto_truncate_amount\": 2}", Json(paginator.ResumeToken!));

        var rest = await new AsyncPaginator<PairRequest, PairResponse, int>(PairService.Definition, new PairRequest(),
            new PaginationOptions { StartingToken = paginator.ResumeToken }, new PairService(20).FetchAsync).ToListAsync();
        Assert.Equal(Enumerable.Range(5, 15), rest);
    }

    [Fact]
    public async Task A_composite_token_on_a_page_boundary_has_no_skip_count()
    {
        var paginator = new AsyncPaginator<PairRequest, PairResponse, int>(PairService.Definition, new PairRequest(),
            new PaginationOptions { MaxItems = 6 }, new PairService(20).FetchAsync);
        await paginator.ToListAsync();

        Assert.Equal("{\"StartName\": \"0\", \"StartType\": \"6\"}", Json(paginator.ResumeToken!));
    }

    [Fact]
    public async Task A_starting_token_that_names_one_of_the_tokens_leaves_the_other_unset()
    {
        var service = new PairService(20);
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"StartName\": \"1\"}"));
        var paginator = new AsyncPaginator<PairRequest, PairResponse, int>(PairService.Definition, new PairRequest(),
            new PaginationOptions { StartingToken = token, MaxItems = 1 }, service.FetchAsync);
        await paginator.ToListAsync();

        Assert.Equal(new PairRequest("1", null), service.Calls[0]);
    }

    [Fact]
    public void A_resume_token_of_another_paginator_names_the_expected_tokens()
    {
        var token = Convert.ToBase64String(Encoding.UTF8.GetBytes("{\"nextToken\": \"1\"}"));
        var error = Assert.Throws<PaginationException>(() => new AsyncPaginator<PairRequest, PairResponse, int>(PairService.Definition,
            new PairRequest(), new PaginationOptions { StartingToken = token }, new PairService(20).FetchAsync));

        Assert.Contains("whose input tokens are not 'StartName', 'StartType'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_repeated_composite_token_is_reported_like_botocore()
    {
        var page = new PairResponse(new[] { 1 }, null, 1, "a", null);
        var paginator = new AsyncPaginator<PairRequest, PairResponse, int>(PairService.Definition, new PairRequest(), null,
            (_, _) => Task.FromResult(page));

        var error = await Assert.ThrowsAsync<PaginationException>(() => paginator.ToListAsync().AsTask());
        Assert.Equal("The same next token was received twice: {'StartName': 'a', 'StartType': None}", error.Message);
    }

    [Fact]
    public async Task The_full_result_aggregates_every_result_key_and_keeps_the_first_pages_other_members()
    {
        var full = await new AsyncPaginator<PairRequest, PairResponse, int>(PairService.Definition, new PairRequest(),
            new PaginationOptions { MaxItems = 8 }, new PairService(20).FetchAsync).BuildFullResultAsync();

        Assert.Equal(Enumerable.Range(0, 8), full.Items);
        // The other result keys are not truncated by MaxItems: botocore cuts only the first result key.
        Assert.Equal(Enumerable.Range(0, 9).Select(i => "n" + i), full.Notes);
        Assert.Equal(9, full.Count);
        Assert.Equal("r-1", full.Region);
        Assert.Null(full.NextType);
        Assert.Equal("{\"StartName\": \"0\", \"StartType\": \"6\", \"boto_truncate_amount\": 2}", Json(full.NextName!));
    }

    [Fact]
    public async Task A_resumed_page_drops_the_other_result_keys_already_returned_but_keeps_its_numbers()
    {
        var first = new AsyncPaginator<PairRequest, PairResponse, int>(PairService.Definition, new PairRequest(),
            new PaginationOptions { MaxItems = 2 }, new PairService(6).FetchAsync);
        await first.ToListAsync();

        var full = await new AsyncPaginator<PairRequest, PairResponse, int>(PairService.Definition, new PairRequest(),
            new PaginationOptions { StartingToken = first.ResumeToken }, new PairService(6).FetchAsync).BuildFullResultAsync();

        Assert.Equal(new[] { 2, 3, 4, 5 }, full.Items);
        Assert.Equal(new[] { "n3", "n4", "n5" }, full.Notes);
        Assert.Equal(6, full.Count);
    }

    [Fact]
    public async Task A_page_boundary_resume_keeps_the_other_result_keys_of_its_first_page()
    {
        var first = new AsyncPaginator<PairRequest, PairResponse, int>(PairService.Definition, new PairRequest(),
            new PaginationOptions { MaxItems = 3 }, new PairService(6).FetchAsync);
        await first.ToListAsync();

        var full = await new AsyncPaginator<PairRequest, PairResponse, int>(PairService.Definition, new PairRequest(),
            new PaginationOptions { StartingToken = first.ResumeToken }, new PairService(6).FetchAsync).BuildFullResultAsync();

        Assert.Equal(new[] { "n3", "n4", "n5" }, full.Notes);
    }
}
