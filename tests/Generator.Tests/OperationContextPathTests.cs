using System.Linq;
using DataZone.Gen.Generator.Specs;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>The JMESPath subset of operationContextParams: what botocore models use parses, anything else is refused.</summary>
public class OperationContextPathTests
{
    [Theory]
    [InlineData("TableCreationParameters.TableName", "Value", "TableCreationParameters.TableName", "")]
    [InlineData("keys(RequestItems)", "Keys", "RequestItems", "")]
    [InlineData("TransactItems[*].Get.TableName", "Projection", "TransactItems", "Get.TableName")]
    [InlineData(
        "TransactItems[*].[ConditionCheck.TableName, Put.TableName, Delete.TableName, Update.TableName][]",
        "Projection", "TransactItems", "ConditionCheck.TableName|Put.TableName|Delete.TableName|Update.TableName")]
    [InlineData("Delete.Objects[*].Key", "Projection", "Delete.Objects", "Key")]
    [InlineData("Names[]", "Projection", "Names", "")]
    public void Paths_botocore_models_use_are_understood(string text, string kind, string prefix, string items)
    {
        var path = OperationContextPath.Parse(text);

        Assert.NotNull(path);
        Assert.Equal(kind, path!.Kind.ToString());
        Assert.Equal(prefix, string.Join(".", path.Prefix));
        Assert.Equal(items, string.Join("|", path.ItemPaths.Select(item => string.Join(".", item))));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Items[0].Name")]
    [InlineData("Items[?Enabled].Name")]
    [InlineData("Items[*].Children[*].Name")]
    [InlineData("length(Items)")]
    [InlineData("keys(Items")]
    [InlineData("Items | [0]")]
    [InlineData("1Items")]
    public void Anything_else_is_refused(string text)
    {
        Assert.Null(OperationContextPath.Parse(text));
    }
}
