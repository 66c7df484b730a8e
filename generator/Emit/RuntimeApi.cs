namespace DataZone.Gen.Generator.Emit;

/// <summary>
/// Every runtime name generated code uses, defined once: templates read them as <c>{{ Runtime.Name }}</c>, views as
/// <c>RuntimeApi.Name</c>. A rename in the runtime is one edit here (and a failing snapshot), never a hunt through text.
/// </summary>
internal static class RuntimeApi
{
    private const string Root = "global::DataZone.Gen.";

    // The client and its operations.
    public const string AwsServiceClient = Root + "AwsServiceClient";
    public const string AwsClientOptions = Root + "AwsClientOptions";
    public const string AwsServiceMetadata = Root + "AwsServiceMetadata";
    public const string AwsOperation = Root + "AwsOperation";
    public const string AwsProtocol = Root + "AwsProtocol";
    public const string AwsOperationAuth = Root + "AwsOperationAuth";

    // Endpoints.
    public const string EndpointRuleSet = Root + "Endpoints.EndpointRuleSet";
    public const string EndpointParameters = Root + "Endpoints.EndpointParameters";

    // Errors.
    public const string AwsServiceException = Root + "AwsServiceException";
    public const string AwsErrorDetails = Root + "AwsErrorDetails";
    public const string RequestValidationException = Root + "RequestValidationException";

    // Paging.
    public const string PaginationOptions = Root + "PaginationOptions";
    public const string PaginatorDefinition = Root + "PaginatorDefinition";
    public const string AsyncPaginator = Root + "AsyncPaginator";
    public const string PagingValues = Root + "PagingValues";

    // HTTP.
    public const string AwsHttpRequest = Root + "Http.AwsHttpRequest";
    public const string AwsHttpResponse = Root + "Http.AwsHttpResponse";
    public const string AwsUriEncoding = Root + "Http.AwsUriEncoding";

    public const string AwsHostPrefix = Root + "Http.AwsHostPrefix";

    // JSON.
    public const string AwsJson = Root + "Json.AwsJson";
    public const string TimestampFormat = Root + "Json.TimestampFormat";
    public const string UnknownUnionMember = Root + "Json.UnknownUnionMember";
}
