using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DataZone.Gen.Auth;
using DataZone.Gen.Http;

namespace DataZone.Gen.Runtime.Tests.Support;

/// <summary>A tiny hand-written operation and a client wired to fakes: the shape generated code will have.</summary>
internal static class TestClients
{
    /// <summary>DataZone as its generated client describes it: with botocore's endpoint rules (from ../shared/models).</summary>
    public static readonly AwsServiceMetadata DataZone = new("DataZone", "datazone", "datazone", "2018-05-10")
    {
        EndpointRules = Endpoints.SharedModels.RuleSet("datazone"),
    };

    /// <summary>A service whose model came without endpoint rules: its clients need a configured endpoint.</summary>
    public static readonly AwsServiceMetadata WithoutRules = new("DataZone", "datazone", "datazone", "2018-05-10");

    public static readonly AwsCredentials Credentials = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");

    public static readonly DateTimeOffset Now = new(2024, 5, 1, 12, 30, 45, TimeSpan.Zero);

    /// <summary>A request for the test operation: GET /v2/domains/{domainId}/data-sources/{dataSourceId}/runs.</summary>
    public sealed record RunsRequest(string DomainId, string DataSourceId, string? Status = null, int? MaxResults = null, string? NextToken = null);

    /// <summary>The modeled ThrottlingException as a generator would emit it.</summary>
    public sealed class ModeledThrottlingException : AwsServiceException
    {
        public ModeledThrottlingException(AwsErrorDetails details) : base(details) { }

        public override bool IsRetryable => true;

        public override bool IsThrottling => true;
    }

    public static readonly AwsOperation<RunsRequest, string> ListRuns = new(
        "ListDataSourceRuns",
        request =>
        {
            var problems = new List<string>();
            if (request.DomainId.Length == 0)
            {
                problems.Add("domainIdentifier is required.");
            }

            if (request.MaxResults is < 1 or > 50)
            {
                problems.Add($"maxResults must be between 1 and 50; got {request.MaxResults}.");
            }

            if (problems.Count > 0)
            {
                throw new RequestValidationException("ListDataSourceRuns", problems);
            }

            var http = new AwsHttpRequest("GET",
                $"/v2/domains/{AwsUriEncoding.EscapeLabel(request.DomainId)}/data-sources/{AwsUriEncoding.EscapeLabel(request.DataSourceId)}/runs");
            if (request.MaxResults is { } max)
            {
                http.AddQuery("maxResults", max.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (request.NextToken is not null)
            {
                http.AddQuery("nextToken", request.NextToken);
            }

            if (request.Status is not null)
            {
                http.AddQuery("status", request.Status);
            }

            return http;
        },
        response => Encoding.UTF8.GetString(response.Body.Span),
        details => details.ErrorCode == "ThrottlingException" ? new ModeledThrottlingException(details) : null);

    public static AwsOperation<RunsRequest, string> PostOperation(string contentType) => new(
        "CreateThing",
        request =>
        {
            var http = new AwsHttpRequest("POST", "/v2/things") { Body = Encoding.UTF8.GetBytes("{\"name\":\"a b\"}"), ContentType = contentType };
            http.AddHeader("x-amz-client-token", "tok-1");
            return http;
        },
        response => Encoding.UTF8.GetString(response.Body.Span),
        _ => null);

    public static RunsRequest SampleRequest => new("dzd_1", "ds 1", Status: "RUNNING", MaxResults: 25, NextToken: "a+b/c=");

    /// <summary>Recorded backoff waits; completes at once unless the token is already cancelled.</summary>
    public sealed class DelayRecorder
    {
        public List<TimeSpan> Delays { get; } = new();

        public Func<TimeSpan, CancellationToken, Task>? OnDelay { get; set; }

        public Task Delay(TimeSpan delay, CancellationToken token)
        {
            Delays.Add(delay);
            if (OnDelay is not null)
            {
                return OnDelay(delay, token);
            }

            token.ThrowIfCancellationRequested();
            return Task.CompletedTask;
        }
    }

    public static AwsServiceClient Create(FakeHttpHandler handler, out DelayRecorder delays, Action<AwsClientOptions>? configure = null,
        FakeEnvironment? environment = null, Func<DateTimeOffset>? clock = null, double random = 0.5)
    {
        var recorder = new DelayRecorder();
        delays = recorder;
        var options = new AwsClientOptions
        {
            Region = "us-east-1",
            Credentials = new StaticCredentialsProvider(Credentials),
            HttpMessageHandler = handler,
            Dependencies = new ClientDependencies
            {
                Environment = environment ?? new FakeEnvironment(),
                UtcNow = clock ?? (() => Now),
                Delay = recorder.Delay,
                NextRandom = () => random,
            },
        };
        configure?.Invoke(options);
        return new AwsServiceClient(DataZone, options);
    }
}
