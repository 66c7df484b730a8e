using DataZone.Gen.Generator.Tests.Infrastructure;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// Event-stream operations (Kinesis's SubscribeToShard, Bedrock's ConverseStream): the types and the operation are
/// generated and compile, the stream gets a located DZGEN011, and the stream's error events (exception members, which
/// botocore models allow there only) are left out of its record instead of failing the model.
/// </summary>
public sealed class EventStreamTests
{
    private const string Service = """
        {
          "version": "2.0",
          "metadata": { "apiVersion": "2024-01-01", "endpointPrefix": "feed", "protocol": "rest-json", "serviceId": "Feed",
                        "signatureVersion": "v4", "uid": "feed-2024-01-01" },
          "operations": {
            "Subscribe": {
              "name": "Subscribe",
              "http": { "method": "POST", "requestUri": "/subscribe" },
              "input": { "shape": "SubscribeInput" },
              "output": { "shape": "SubscribeOutput" },
              "errors": [ { "shape": "Throttled" } ]
            }
          },
          "shapes": {
            "SubscribeInput": { "type": "structure", "members": { "topic": { "shape": "Text" } } },
            "SubscribeOutput": {
              "type": "structure",
              "required": [ "events" ],
              "members": { "events": { "shape": "Events" } },
              "payload": "events"
            },
            "Events": {
              "type": "structure",
              "members": {
                "message": { "shape": "Message" },
                "throttled": { "shape": "Throttled" },
                "broken": { "shape": "Broken" }
              },
              "eventstream": true
            },
            "Message": {
              "type": "structure",
              "required": [ "at", "count" ],
              "members": { "at": { "shape": "Instant" }, "count": { "shape": "Count" }, "body": { "shape": "Text" } },
              "event": true,
              "sensitive": true
            },
            "Throttled": { "type": "structure", "members": { "message": { "shape": "Text" } }, "exception": true },
            "Broken": { "type": "structure", "members": { "message": { "shape": "Text" } }, "exception": true },
            "Instant": { "type": "timestamp" },
            "Count": { "type": "integer" },
            "Text": { "type": "string" }
          }
        }
        """;

    [Fact]
    public void An_event_stream_operation_compiles_with_one_located_warning_and_its_error_events_left_out()
    {
        var source = """
            using DataZone.Gen;

            namespace Consumer;

            [DataZoneOperation("Subscribe")]
            public static class Operations;
            """;

        var run = GeneratorHarness.Run(new[] { source }, ModelFiles.Of(Service, """{ "pagination": {} }"""));

        var warning = Assert.Single(run.GeneratorDiagnostics);
        Assert.Equal("DZGEN011", warning.Id);
        Assert.StartsWith("The trait 'eventstream' is not supported yet: shape Events", warning.GetMessage());
        Assert.EndsWith("service-2.json", warning.Location.GetLineSpan().Path);
        GeneratorHarness.AssertNone(run.CompileDiagnostics, "compiler errors or warnings in the generated code");

        var events = run.Sources["Consumer.Events.g.cs"];
        Assert.Contains("Message { get; init; }", events);
        Assert.DoesNotContain("Throttled", events);
        Assert.DoesNotContain("Broken", events);
        Assert.Contains("Consumer.FeedClient.Subscribe.g.cs", run.Sources.Keys);
    }
}
