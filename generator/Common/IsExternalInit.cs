// Lets netstandard2.0 code use records and init-only setters; the compiler looks for this exact name.
#pragma warning disable IDE0130 // The namespace is the compiler's, not the folder's.
namespace System.Runtime.CompilerServices;

internal static class IsExternalInit
{
}
