using System;
using System.IO;
using System.Linq;
using System.Reflection;
using DataZone.Gen.Json;
using Microsoft.CodeAnalysis;
using Xunit;

namespace DataZone.Gen.Generator.Tests.Infrastructure;

/// <summary>
/// The generated code of a run, compiled and loaded, so tests can exercise behaviour (JSON, marshalling)
/// of models other than the project's own.
/// </summary>
internal sealed class LoadedAssembly
{
    private LoadedAssembly(Assembly assembly) => Assembly = assembly;

    public Assembly Assembly { get; }

    public static LoadedAssembly From(GeneratorRun run)
    {
        using var stream = new MemoryStream();
        var emit = run.Output.Emit(stream);
        Assert.True(emit.Success, string.Join("\n", emit.Diagnostics.Select(GeneratorHarness.Describe)));
        return new LoadedAssembly(Assembly.Load(stream.ToArray()));
    }

    public Type Type(string fullName) => Assembly.GetType(fullName, throwOnError: true)!;

    /// <summary>Reads <paramref name="json"/> with the type's generated <c>ReadJson</c>.</summary>
    public object Read(string typeName, string json)
    {
        var type = Type(typeName);
        var read = Delegate.CreateDelegate(typeof(JsonReadFunc<>).MakeGenericType(type), Method(type, "ReadJson"));
        var readBody = typeof(AwsJson).GetMethod(nameof(AwsJson.ReadBody))!.MakeGenericMethod(type);
        return Invoke(readBody, null, new ReadOnlyMemory<byte>(System.Text.Encoding.UTF8.GetBytes(json)), read)!;
    }

    /// <summary>Writes <paramref name="value"/> with its type's generated <c>WriteJson</c>.</summary>
    public string Write(object value)
    {
        var type = value.GetType();
        var write = Delegate.CreateDelegate(typeof(JsonWriteAction<>).MakeGenericType(type), Method(type, "WriteJson"));
        var serialize = typeof(AwsJson).GetMethod(nameof(AwsJson.Serialize))!.MakeGenericMethod(type);
        return System.Text.Encoding.UTF8.GetString((byte[])Invoke(serialize, null, value, write)!);
    }

    private static MethodInfo Method(Type type, string name) =>
        type.GetMethod(name, BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public)
            ?? throw new InvalidOperationException($"{type.Name} has no {name}.");

    // Unwraps reflection's wrapper so assertions see the generated code's own exception.
    private static object? Invoke(MethodInfo method, object? target, params object?[] arguments)
    {
        try
        {
            return method.Invoke(target, arguments);
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex.InnerException).Throw();
            throw;
        }
    }
}
