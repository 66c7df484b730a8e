using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using DataZone.Gen.Generator.Emit;
using DataZone.Gen.Generator.Emit.Views;
using Scriban;
using Scriban.Syntax;
using Xunit;

namespace DataZone.Gen.Generator.Tests;

/// <summary>
/// Every variable a template reads exists on the view it is rendered with: a typo fails here, not in a user's build
/// (strict variables would only catch it when a model happens to reach that line).
/// </summary>
public class TemplateVariableTests
{
    /// <summary>Which view each template is rendered with; partials are checked against each view that includes them.</summary>
    private static readonly Dictionary<string, Type> ViewOf = new(StringComparer.Ordinal)
    {
        ["Client.sbncs"] = typeof(ClientView),
        ["Collection.sbncs"] = typeof(CollectionView),
        ["Enum.sbncs"] = typeof(EnumView),
        ["EnumJson.sbncs"] = typeof(EnumView),
        ["Exception.sbncs"] = typeof(ExceptionView),
        ["Operation.sbncs"] = typeof(OperationView),
        ["Paginator.sbncs"] = typeof(PaginatorView),
        ["PaginatorFile.sbncs"] = typeof(PaginatorView),
        ["Structure.sbncs"] = typeof(StructureView),
        ["StructureJson.sbncs"] = typeof(StructureView),
    };

    public static TheoryData<string> Templates() => new(ViewOf.Keys.OrderBy(k => k, StringComparer.Ordinal).ToArray());

    [Theory]
    [MemberData(nameof(Templates))]
    public void Every_variable_a_template_reads_is_a_property_of_its_view(string name)
    {
        var problems = new List<string>();
        Check(name, ViewOf[name], problems, new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_template_has_a_view_or_is_a_partial()
    {
        Assert.All(TemplateRenderer.TemplateNames, name => Assert.True(ViewOf.ContainsKey(name) || name.StartsWith("_", StringComparison.Ordinal), name));
    }

    [Fact]
    public void A_misspelt_variable_is_found()
    {
        var problems = new List<string>();
        var template = Template.Parse("{{ for m in Members }}{{ m.Nmae }}{{ end }}{{ TypeNmae }}");

        new Walker(typeof(StructureView), "test", problems, include: _ => { }, new HashSet<string>()).Walk(template.Page, new Dictionary<string, Type>());

        Assert.Equal(new[] { "test: MemberView has no property 'Nmae'", "test: StructureView has no property 'TypeNmae'" }, problems);
    }

    private static void Check(string name, Type view, List<string> problems, HashSet<string> seen, HashSet<string> functions)
    {
        if (!seen.Add(name + "|" + view.Name))
        {
            return;
        }

        var template = TemplateRenderer.Parse(name);
        new Walker(view, name, problems, include: partial => Check(partial, view, problems, seen, functions), functions)
            .Walk(template.Page, new Dictionary<string, Type>());
    }

    private sealed class Walker
    {
        private static readonly HashSet<string> Builtins = new(StringComparer.Ordinal) { "array", "math", "regex", "string" };

        private readonly Type _view;
        private readonly string _template;
        private readonly List<string> _problems;
        private readonly Action<string> _include;
        private readonly HashSet<string> _functions;

        public Walker(Type view, string template, List<string> problems, Action<string> include, HashSet<string> functions)
        {
            _functions = functions;
            _view = view;
            _template = template;
            _problems = problems;
            _include = include;
        }

        public void Walk(ScriptNode? node, Dictionary<string, Type> locals)
        {
            switch (node)
            {
                case null:
                    return;
                case ScriptForStatement loop:
                    var items = TypeOf(loop.Iterator, locals);
                    var inner = new Dictionary<string, Type>(locals, StringComparer.Ordinal);
                    if (loop.Variable is ScriptVariable variable)
                    {
                        inner[variable.Name] = ElementOf(items) ?? typeof(object);
                    }

                    Walk(loop.Body, inner);
                    return;
                case ScriptFunction function:
                    // A template-defined function: its name is known from here on, its parameters are untyped locals.
                    if (function.NameOrDoToken is ScriptVariable functionName)
                    {
                        _functions.Add(functionName.Name);
                    }

                    var scope = new Dictionary<string, Type>(locals, StringComparer.Ordinal);
                    foreach (var parameter in function.Parameters ?? new ScriptList<ScriptParameter>())
                    {
                        if (parameter.Name is { } parameterName)
                        {
                            scope[parameterName.Name] = typeof(object);
                        }
                    }

                    Walk(function.Body, scope);
                    return;
                case ScriptAssignExpression { Target: ScriptVariableLocal }:
                    Walk(((ScriptAssignExpression)node).Value, locals);
                    return;
                case ScriptVariableLocal:
                    return; // $name: a function's own local.
                case ScriptCaptureStatement capture:
                    if (capture.Target is ScriptVariable captured)
                    {
                        locals[captured.Name] = typeof(string);
                    }

                    Walk(capture.Body, locals);
                    return;
                case ScriptFunctionCall { Target: ScriptVariable { Name: "include" } } call:
                    foreach (var argument in call.Arguments)
                    {
                        if (argument is ScriptLiteral { Value: string partial })
                        {
                            _include(partial);
                        }
                    }

                    return;
                case ScriptMemberExpression or ScriptVariableGlobal:
                    TypeOf((ScriptExpression)node, locals);
                    return;
            }

            for (var i = 0; i < node.ChildrenCount; i++)
            {
                Walk(node.GetChildren(i), locals);
            }
        }

        /// <summary>The C# type an expression reads, reporting a name that is not a view property; null when unknown.</summary>
        private Type? TypeOf(ScriptExpression? expression, Dictionary<string, Type> locals)
        {
            switch (expression)
            {
                case ScriptVariableGlobal global:
                    if (locals.TryGetValue(global.Name, out var local))
                    {
                        return local;
                    }

                    if (Builtins.Contains(global.Name) || _functions.Contains(global.Name))
                    {
                        return null; // Scriban's own functions (string.rstrip, regex.replace, ...).
                    }

                    if (global.Name == "Runtime")
                    {
                        return typeof(RuntimeApi); // The renderer's one extra global: the runtime names.
                    }

                    return Property(_view, global.Name);
                case ScriptMemberExpression { Target: ScriptVariable { Name: "for" } }:
                    return null; // for.first, for.last, for.index: Scriban's own.
                case ScriptMemberExpression member:
                    var target = TypeOf(member.Target, locals);
                    return target is null || target == typeof(object) ? null : Property(target, member.Member!.Name);
                default:
                    Walk(expression, locals);
                    return null;
            }
        }

        private Type? Property(Type type, string name)
        {
            if (type.IsArray && name == "size")
            {
                return typeof(int);
            }

            if (type == typeof(RuntimeApi))
            {
                if (type.GetField(name, BindingFlags.Public | BindingFlags.Static) is null)
                {
                    _problems.Add($"{_template}: RuntimeApi has no name '{name}'");
                }

                return typeof(string);
            }

            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance);
            if (property is null)
            {
                _problems.Add($"{_template}: {type.Name} has no property '{name}'");
                return null;
            }

            return property.PropertyType;
        }

        private static Type? ElementOf(Type? type) =>
            type is null || type == typeof(string)
                ? null
                : type.IsArray
                    ? type.GetElementType()
                    : type.GetInterfaces().Append(type)
                        .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                        .Select(i => i.GetGenericArguments()[0])
                        .FirstOrDefault();
    }
}
