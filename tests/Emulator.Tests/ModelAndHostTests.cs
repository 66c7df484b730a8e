using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Emulator.Model;
using Xunit;

namespace DataZone.Gen.Emulator.Tests;

public sealed class ModelAndHostTests
{
    private const string Domain = EmulatorOptions.DemoDomainId;
    private const string Source = EmulatorOptions.DemoDataSourceId;

    [Fact]
    public void The_embedded_model_describes_ListDataSourceRuns()
    {
        var model = ServiceModel.Embedded;
        var operation = model.GetOperation("ListDataSourceRuns");

        Assert.Equal("datazone", model.SigningName);
        Assert.Equal("rest-json", model.Protocol);
        Assert.Equal("GET", operation.Method);
        Assert.Equal("/v2/domains/{domainIdentifier}/data-sources/{dataSourceIdentifier}/runs", operation.RequestUri);
        Assert.Equal(new[] { "domainIdentifier", "dataSourceIdentifier" }, operation.Route.Labels);
        var maxResults = operation.FindInput(MemberLocation.QueryString, "maxResults")!;
        Assert.Equal((1L, 50L), (maxResults.Shape.Min!.Value, maxResults.Shape.Max!.Value));
        Assert.Equal(MemberLocation.QueryString, operation.GetInput("nextToken").Location);
        Assert.Equal(400, model.ErrorStatusCode("ValidationException", 0));
        Assert.Equal(429, model.ErrorStatusCode("ThrottlingException", 0));
        Assert.Equal(404, model.ErrorStatusCode("ResourceNotFoundException", 0));
    }

    [Fact]
    public void The_embedded_model_is_the_projects_model_file()
    {
        var repoModel = FindUp(Path.Combine("models", "datazone", "2018-05-10", "service-2.json"));
        Assert.NotNull(repoModel);
        var fromFile = ServiceModel.Load(repoModel);

        Assert.Equal(fromFile.Operations.Keys.OrderBy(k => k, StringComparer.Ordinal), ServiceModel.Embedded.Operations.Keys.OrderBy(k => k, StringComparer.Ordinal));
    }

    [Fact]
    public void The_shared_full_model_loads_too()
    {
        var shared = FindUp(Path.Combine("shared", "models", "datazone", "2018-05-10", "service-2.json"));
        Assert.NotNull(shared);

        var model = ServiceModel.Load(shared);

        Assert.True(model.Operations.Count > 100);
        Assert.Equal(ServiceModel.Embedded.GetOperation("ListDataSourceRuns").RequestUri, model.GetOperation("ListDataSourceRuns").RequestUri);
    }

    [Fact]
    public async Task The_emulator_serves_from_a_model_file_given_as_an_option()
    {
        var shared = FindUp(Path.Combine("shared", "models", "datazone", "2018-05-10", "service-2.json"))!;
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = shared, RunCount = 3 });
        using var client = new SignedClient(emulator);

        using var reply = await client.ListRunsAsync(Domain, Source);

        Assert.Equal(200, reply.Status);
        Assert.True(emulator.Model.Operations.Count > 100);
    }

    [Fact]
    public async Task Every_member_written_is_a_member_of_the_model_shape()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 200 });
        using var client = new SignedClient(emulator);
        var summary = emulator.Model.Shapes["DataSourceRunSummary"];
        var allowed = MemberNames(emulator.Model, summary);

        var written = new HashSet<string>();
        string? token = null;
        do
        {
            using var reply = await client.ListRunsAsync(Domain, Source, nextToken: token);
            Assert.Equal(new[] { "items", "nextToken" }.Take(reply.NextToken is null ? 1 : 2), reply.Json.RootElement.EnumerateObject().Select(p => p.Name));
            foreach (var item in reply.Items)
            {
                Collect(item, "", written);
            }

            token = reply.NextToken;
        }
        while (token is not null);

        Assert.Subset(allowed, written);
        foreach (var required in summary.Members.Where(m => m.Required).Select(m => m.Name))
        {
            Assert.Contains(required, written);
        }
    }

    [Fact]
    public async Task Every_response_carries_a_request_id_that_the_log_records()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 5, Faults = { ThrottleEvery = 5 } });
        using var client = new SignedClient(emulator);
        using var unsigned = new SignedClient(emulator.Endpoint, credentials: null);

        var replies = new List<Reply>
        {
            await client.ListRunsAsync(Domain, Source),
            await client.ListRunsAsync(Domain, Source, maxResults: 99),
            await client.ListRunsAsync("dzd_other", Source),
            await unsigned.ListRunsAsync(Domain, Source),
            await client.ListRunsAsync(Domain, Source),
        };

        Assert.Equal(new[] { 200, 400, 404, 403, 429 }, replies.Select(r => r.Status));
        var log = emulator.Requests;
        Assert.Equal(replies.Select(r => r.RequestId), log.Select(e => e.RequestId));
        Assert.All(replies, r => Assert.True(Guid.TryParse(r.RequestId, out _)));
        Assert.Equal(replies.Count, replies.Select(r => r.RequestId).Distinct().Count());
        Assert.Equal(new[] { 1L, 2, 3, 4, 5 }, log.Select(e => e.Sequence));
        Assert.Equal(new string?[] { null, "ValidationException", "ResourceNotFoundException", "IncompleteSignatureException", "ThrottlingException" }, log.Select(e => e.ErrorCode));
        Assert.StartsWith("/v2/domains/dzd_demo01/data-sources/demo-data-source/runs", log[0].Target, StringComparison.Ordinal);
        Assert.Equal("ListDataSourceRuns", log[0].Operation);
        replies.ForEach(r => r.Dispose());

        emulator.ClearRequestLog();
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task Two_emulators_run_side_by_side_on_free_ports_and_stop()
    {
        var a = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 1 });
        var b = await DataZoneEmulator.StartAsync(new EmulatorOptions { RunCount = 2 });
        try
        {
            Assert.NotEqual(a.Port, b.Port);
            Assert.Equal($"http://127.0.0.1:{a.Port}/", a.Endpoint.ToString());
            using var client = new SignedClient(b);
            using var reply = await client.ListRunsAsync(Domain, Source);
            Assert.Equal(2, reply.Items.Count);
        }
        finally
        {
            await a.StopAsync();
            await a.DisposeAsync();
            b.Dispose();
        }
    }

    [Fact]
    public async Task A_taken_port_fails_the_start()
    {
        await using var first = await DataZoneEmulator.StartAsync();

        await Assert.ThrowsAnyAsync<IOException>(() => DataZoneEmulator.StartAsync(new EmulatorOptions { Port = first.Port }));
    }

    [Fact]
    public async Task Ids_outside_the_model_patterns_are_refused_at_start()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => DataZoneEmulator.StartAsync(new EmulatorOptions { DomainId = "not-a-domain" }));
    }

    [Fact]
    public void The_command_line_maps_flags_to_options()
    {
        var parsed = EmulatorCommandLine.Parse(
        [
            "--port", "0", "--runs=10000", "--seed", "9", "--domain", "dzd_x", "--data-source", "ds1", "--extra-data-source", "ds2",
            "--no-auth", "--access-key-id", "AKIAOTHER", "--max-clock-skew", "5m", "--error-type-namespace",
            "--throttle-every", "3", "--server-error-rate", "0.25", "--server-error-seed", "4", "--latency", "20ms",
            "--empty-page-every", "4", "--drop-connection-every", "10", "--log-requests", "--newest-run-at", "2026-01-02T03:04:05Z",
        ]);

        var o = parsed.Options;
        Assert.Equal((0, 10_000, 9, "dzd_x", "ds1"), (o.Port, o.RunCount, o.Seed, o.DomainId, o.DataSourceId));
        Assert.Equal(new[] { "ds2" }, o.AdditionalDataSourceIds);
        Assert.False(o.VerifySignatures);
        Assert.Equal("AKIAOTHER", o.Credentials.AccessKeyId);
        Assert.Equal(EmulatorCredentials.Default.SecretAccessKey, o.Credentials.SecretAccessKey);
        Assert.Equal(TimeSpan.FromMinutes(5), o.MaxClockSkew);
        Assert.True(o.ErrorTypeWithNamespace);
        Assert.Equal((3, 0.25, 4, TimeSpan.FromMilliseconds(20), 4, 10),
            (o.Faults.ThrottleEvery, o.Faults.ServerErrorRate, o.Faults.ServerErrorSeed, o.Faults.Latency, o.Faults.EmptyPageEvery, o.Faults.DropConnectionEvery));
        Assert.True(parsed.LogRequests);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero), o.NewestRunAt);
        Assert.Equal(EmulatorCommandLine.DefaultPort, EmulatorCommandLine.Parse([]).Options.Port);
    }

    [Fact]
    public async Task Another_model_is_served_from_its_directory_and_the_banner_names_it()
    {
        var parsed = EmulatorCommandLine.Parse(["--model", SharedModels.Kms, "--items", "40", "--port", "0"]);
        Assert.Equal((SharedModels.Kms, 40), (parsed.Options.ModelPath, parsed.Options.ItemCount));

        await using var emulator = await DataZoneEmulator.StartAsync(parsed.Options);
        var banner = EmulatorCommandLine.Banner(emulator);

        Assert.Empty(emulator.DataSources);
        Assert.Contains("listening on " + emulator.Endpoint, banner, StringComparison.Ordinal);
        Assert.Contains("service kms (json 1.1)", banner, StringComparison.Ordinal);
        Assert.Contains("listings of 40 items", banner, StringComparison.Ordinal);
        Assert.DoesNotContain("curl", banner, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_model_in_a_protocol_the_emulator_does_not_speak_is_refused_at_start()
    {
        var dir = Directory.CreateTempSubdirectory("emu-query-model").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "service-2.json"),
                """{"metadata":{"protocol":"query","protocols":["query"],"signingName":"sts"},"operations":{},"shapes":{}}""");

            var error = await Assert.ThrowsAsync<InvalidDataException>(() => DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = dir }));

            Assert.Contains("[query]", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Flags_left_out_keep_the_option_defaults_and_help_is_not_an_error()
    {
        var defaults = new EmulatorOptions();

        var parsed = EmulatorCommandLine.Parse(["--session-token", "@tok", "--extra-data-source", "a", "--extra-data-source", "b"]);

        var o = parsed.Options;
        Assert.Equal((defaults.RunCount, defaults.Seed, defaults.DomainId, defaults.DataSourceId, defaults.NewestRunAt, defaults.MaxClockSkew, defaults.TokenSecret),
            (o.RunCount, o.Seed, o.DomainId, o.DataSourceId, o.NewestRunAt, o.MaxClockSkew, o.TokenSecret));
        Assert.True(o.VerifySignatures);
        Assert.Equal("@tok", o.Credentials.SessionToken);
        Assert.Equal(new[] { "a", "b" }, o.AdditionalDataSourceIds);
        Assert.False(parsed.LogRequests);
        Assert.True(EmulatorCommandLine.Parse(["-h"]).ShowHelp);
        Assert.True(EmulatorCommandLine.Parse(["--help"]).ShowHelp);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--runs")]
    [InlineData("--runs", "many")]
    [InlineData("--server-error-rate", "2")]
    [InlineData("--latency", "soon")]
    [InlineData("--empty-page-every", "1")]
    [InlineData("--port", "70000")]
    [InlineData("--domain", "")]
    [InlineData("--newest-run-at", "yesterday")]
    public void Bad_flags_are_named_in_the_error(params string[] args)
    {
        var error = Assert.Throws<ArgumentException>(() => EmulatorCommandLine.Parse(args));

        Assert.Contains(args[0], error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standalone_entry_prints_help_and_rejects_bad_flags()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var help = await EmulatorCommandLine.RunAsync(["--help"], stdout, stderr, CancellationToken.None);
        var bad = await EmulatorCommandLine.RunAsync(["--nope"], stdout, stderr, CancellationToken.None);

        Assert.Equal(0, help);
        Assert.Contains("--throttle-every", stdout.ToString(), StringComparison.Ordinal);
        Assert.Contains("Durations: 250ms", stdout.ToString(), StringComparison.Ordinal);
        Assert.Equal(2, bad);
        Assert.Contains("--nope", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_standalone_entry_serves_until_cancelled()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var stop = new CancellationTokenSource();

        var syncOut = TextWriter.Synchronized(stdout);
        var syncErr = TextWriter.Synchronized(stderr);

        var run = EmulatorCommandLine.RunAsync(["--port", "0", "--runs", "3", "--log-requests"], syncOut, syncErr, stop.Token);
        var endpoint = await WaitForEndpointAsync(syncOut, stdout, run);
        using var client = new SignedClient(endpoint, new DataZone.Gen.Auth.AwsCredentials(EmulatorCredentials.Default.AccessKeyId, EmulatorCredentials.Default.SecretAccessKey));
        using (var reply = await client.ListRunsAsync(Domain, Source))
        {
            Assert.Equal(3, reply.Items.Count);
        }

        stop.Cancel();
        Assert.Equal(0, await run);
        lock (syncErr)
        {
            Assert.Contains("-> 200 items=3", stderr.ToString(), StringComparison.Ordinal);
        }
    }

    private static async Task<Uri> WaitForEndpointAsync(TextWriter writer, StringWriter stdout, Task<int> run)
    {
        const string Marker = "listening on ";
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            string text;
            lock (writer)
            {
                text = stdout.ToString();
            }

            var at = text.IndexOf(Marker, StringComparison.Ordinal);
            if (at >= 0)
            {
                var end = text.IndexOfAny(['\r', '\n'], at);
                if (end > 0)
                {
                    return new Uri(text.Substring(at + Marker.Length, end - at - Marker.Length));
                }
            }

            if (run.IsCompleted)
            {
                throw new InvalidOperationException("The emulator stopped: " + text);
            }

            await Task.Delay(10);
        }

        throw new InvalidOperationException("The emulator did not start.");
    }

    private static HashSet<string> MemberNames(ServiceModel model, ShapeModel shape, string prefix = "")
    {
        var names = new HashSet<string>();
        foreach (var member in shape.Members)
        {
            names.Add(prefix + member.Name);
            if (model.Shapes.TryGetValue(member.Shape, out var inner) && inner.Type == "structure")
            {
                names.UnionWith(MemberNames(model, inner, prefix + member.Name + "."));
            }
        }

        return names;
    }

    private static void Collect(JsonElement element, string prefix, HashSet<string> names)
    {
        foreach (var property in element.EnumerateObject())
        {
            names.Add(prefix + property.Name);
            if (property.Value.ValueKind == JsonValueKind.Object)
            {
                Collect(property.Value, prefix + property.Name + ".", names);
            }
        }
    }

    private static string? FindUp(string relative)
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, relative);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
