namespace DataZone.Gen.Generator;

/// <summary>Names of the pipeline steps, so tests can assert which steps re-ran.</summary>
internal static class TrackingNames
{
    public const string ModelFiles = nameof(ModelFiles);
    public const string ParsedModelFiles = nameof(ParsedModelFiles);
    public const string Models = nameof(Models);
    public const string Targets = nameof(Targets);
    public const string TargetResults = nameof(TargetResults);
    public const string OperationTargets = nameof(OperationTargets);
    public const string OperationResults = nameof(OperationResults);
    public const string AllResults = nameof(AllResults);
    public const string Files = nameof(Files);
    public const string Diagnostics = nameof(Diagnostics);
}
