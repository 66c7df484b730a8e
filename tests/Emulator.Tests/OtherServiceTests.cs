using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Xunit;

namespace DataZone.Gen.Emulator.Tests;

/// <summary>KMS (json 1.1, <c>Truncated</c>/<c>NextMarker</c>) and SSO (rest-json, unsigned <c>ListAccounts</c>) end to end.</summary>
public sealed class OtherServiceTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(9)]
    [InlineData(1000)]
    [InlineData(null)]
    public async Task Kms_ListKeys_lists_every_key_once_following_NextMarker_while_Truncated(int? limit)
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = SharedModels.Kms, ItemCount = 31 });
        var client = new WireClient(emulator);
        var keys = new List<string>();
        string? marker = null;
        var pages = 0;
        while (true)
        {
            var input = new JsonObject();
            if (limit is not null)
            {
                input["Limit"] = limit;
            }

            if (marker is not null)
            {
                input["Marker"] = marker;
            }

            using var reply = await client.CallAsync("ListKeys", input);
            Assert.Equal(200, reply.Status);
            Assert.Equal("application/x-amz-json-1.1", reply.ContentType);
            var root = reply.Json.RootElement;
            var page = root.GetProperty("Keys").EnumerateArray().Select(k => k.GetProperty("KeyId").GetString()!).ToList();
            Assert.True(page.Count <= (limit ?? 100));
            keys.AddRange(page);
            pages++;
            var truncated = root.GetProperty("Truncated").GetBoolean();
            Assert.Equal(truncated, root.TryGetProperty("NextMarker", out _));
            if (!truncated)
            {
                break;
            }

            marker = root.GetProperty("NextMarker").GetString();
        }

        Assert.Equal(31, keys.Count);
        Assert.Equal(31, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal((int)Math.Ceiling(31.0 / Math.Min(limit ?? 100, 1000)), pages);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(100)]
    public async Task Sso_ListAccounts_is_served_unsigned_with_its_bearer_token_header(int maxResults)
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = SharedModels.Sso, ItemCount = 11 });
        var client = new WireClient(emulator) { Credentials = null };
        var accounts = new List<string>();
        string? token = null;
        do
        {
            var input = new JsonObject { ["accessToken"] = "bearer-from-create-token", ["maxResults"] = maxResults };
            if (token is not null)
            {
                input["nextToken"] = token;
            }

            using var reply = await client.CallAsync("ListAccounts", input);
            Assert.True(reply.Status == 200, reply.Body);
            accounts.AddRange(reply.Json.RootElement.GetProperty("accountList").EnumerateArray().Select(a => a.GetRawText()));
            token = reply.Json.RootElement.TryGetProperty("nextToken", out var next) ? next.GetString() : null;
        }
        while (token is not null);

        Assert.Equal(11, accounts.Count);
        Assert.Equal(11, accounts.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(emulator.Requests, r => r.Target.Contains("max_result=", StringComparison.Ordinal) && r.AccessKeyId is null && r.StatusCode == 200);
    }

    [Fact]
    public async Task Sso_without_the_bearer_token_is_refused_with_the_service_own_error()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = SharedModels.Sso });
        var client = new WireClient(emulator) { Credentials = null };

        using var reply = await client.CallAsync("ListAccounts", new JsonObject());

        Assert.Equal(400, reply.Status);
        Assert.Equal("InvalidRequestException", reply.ErrorType);
        Assert.Equal("1 validation error detected: Value null at 'accessToken' failed to satisfy constraint: Member must not be null", reply.Message);
    }

    [Fact]
    public async Task An_unsigned_operation_accepts_requests_with_or_without_a_signature()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = SharedModels.Sso });
        var unsigned = new WireClient(emulator) { Credentials = null };
        var signed = new WireClient(emulator);

        // Unsigned operations ignore a signature rather than refuse it, as AWS does.
        using var roles = await unsigned.CallAsync("ListAccountRoles", new JsonObject { ["accessToken"] = "t", ["accountId"] = "123456789012" });
        using var signedRoles = await signed.CallAsync("ListAccountRoles", new JsonObject { ["accessToken"] = "t", ["accountId"] = "123456789012" });

        Assert.Equal(200, roles.Status);
        Assert.Equal(200, signedRoles.Status);
    }

    [Fact]
    public async Task Json_errors_carry_the_type_in_the_body_and_the_model_status()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = SharedModels.Kms });
        var client = new WireClient(emulator);

        using var tooSmall = await client.CallAsync("ListKeys", new JsonObject { ["Limit"] = 0 });
        using var forged = await client.CallAsync("ListKeys", new JsonObject { ["Marker"] = "not-a-marker" });
        using var wrongType = await client.CallAsync("ListKeys", new JsonObject { ["Limit"] = "ten" });

        Assert.Equal((400, "ValidationException"), (tooSmall.Status, tooSmall.ErrorType));
        Assert.Equal("1 validation error detected: Value '0' at 'Limit' failed to satisfy constraint: Member must have value greater than or equal to 1", tooSmall.Message);
        Assert.Equal("application/x-amz-json-1.1", tooSmall.ContentType);
        Assert.Equal((400, "InvalidMarkerException"), (forged.Status, forged.ErrorType));
        Assert.Equal((400, "ValidationException"), (wrongType.Status, wrongType.ErrorType));
    }

    [Fact]
    public async Task Json_requests_need_a_known_target_the_json_content_type_and_a_signature()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = SharedModels.Kms });
        var client = new WireClient(emulator);

        client.Target = "TrentService.NoSuchOperation";
        using var unknown = await client.CallAsync("ListKeys", new JsonObject());
        client.Target = null;
        client.ContentType = "application/json";
        using var wrongContentType = await client.CallAsync("ListKeys", new JsonObject());
        client.ContentType = null;
        client.Credentials = null;
        using var unsigned = await client.CallAsync("ListKeys", new JsonObject());

        Assert.Equal((400, "UnknownOperationException"), (unknown.Status, unknown.ErrorType));
        Assert.Equal((400, "SerializationException"), (wrongContentType.Status, wrongContentType.ErrorType));
        Assert.Equal((403, "IncompleteSignatureException"), (unsigned.Status, unsigned.ErrorType));
    }

    [Fact]
    public async Task Faults_apply_to_synthesized_operations_in_the_service_own_error_shapes()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions
        {
            ModelPath = SharedModels.Sso,
            ItemCount = 6,
            Faults = { ThrottleEvery = 2, EmptyPageEvery = 2 },
        });
        var client = new WireClient(emulator) { Credentials = null };
        var input = new JsonObject { ["accessToken"] = "t", ["maxResults"] = 3 };

        using var first = await client.CallAsync("ListAccounts", input);
        using var throttled = await client.CallAsync("ListAccounts", input);
        using var empty = await client.CallAsync("ListAccounts", input);

        Assert.Equal(3, first.Json.RootElement.GetProperty("accountList").GetArrayLength());
        Assert.Equal((429, "TooManyRequestsException"), (throttled.Status, throttled.ErrorType));
        Assert.Equal(0, empty.Json.RootElement.GetProperty("accountList").GetArrayLength());
        Assert.True(empty.Json.RootElement.TryGetProperty("nextToken", out _));
        Assert.Equal(EmulatorFault.EmptyPage, emulator.Requests[^1].Fault);
    }

    [Fact]
    public async Task Kms_responses_use_the_json_wire_names_and_epoch_timestamps()
    {
        await using var emulator = await DataZoneEmulator.StartAsync(new EmulatorOptions { ModelPath = SharedModels.Kms });
        var client = new WireClient(emulator);

        using var reply = await client.CallAsync("DescribeKey", new JsonObject { ["KeyId"] = "1234abcd-12ab-34cd-56ef-1234567890ab" });

        Assert.Equal(200, reply.Status);
        var metadata = reply.Json.RootElement.GetProperty("KeyMetadata");
        Assert.Equal("1234abcd-12ab-34cd-56ef-1234567890ab", metadata.GetProperty("KeyId").GetString());
        Assert.Equal(JsonValueKind.Number, metadata.GetProperty("CreationDate").ValueKind);
    }
}
