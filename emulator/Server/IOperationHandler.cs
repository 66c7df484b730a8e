using System.Threading.Tasks;
using DataZone.Gen.Emulator.Protocol;

namespace DataZone.Gen.Emulator.Server;

/// <summary>
/// Serves one operation of the model. The server routes with the operation's <c>requestUri</c> and
/// validates its input members from the model before calling the handler, so a new operation is a model
/// entry plus one of these: the handler only reads the bound members and writes the output.
/// </summary>
internal interface IOperationHandler
{
    /// <summary>The operation name in the service model.</summary>
    string OperationName { get; }

    /// <summary>Answers a request whose input has been bound and validated.</summary>
    Task HandleAsync(RequestContext context, BoundRequest request);
}
