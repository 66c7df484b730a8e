using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;

namespace DataZone.Gen.Generator.Emit;

/// <summary>Renders the embedded Scriban templates; each template is parsed once per process.</summary>
internal static class TemplateRenderer
{
    private static readonly ConcurrentDictionary<string, Template> Cache = new(StringComparer.Ordinal);
    private static readonly EmbeddedTemplateLoader Loader = new();

    // Views are C# objects: templates see their members by their C# names, nothing renamed.
    private static readonly MemberRenamerDelegate KeepNames = member => member.Name;

    public static string[] TemplateNames { get; } = typeof(TemplateRenderer).Assembly.GetManifestResourceNames()
        .Where(n => n.EndsWith(".sbncs", StringComparison.Ordinal))
        .OrderBy(n => n, StringComparer.Ordinal)
        .ToArray();

    public static Template Parse(string name) => Cache.GetOrAdd(name, key =>
    {
        var template = Template.Parse(EmbeddedTemplateLoader.Read(key), key);
        if (template.HasErrors)
        {
            throw new InvalidOperationException($"Template {key} has errors: {string.Join("; ", template.Messages)}");
        }

        return template;
    });

    // Scriban's built-in functions never change, so one set serves every render instead of one per file.
    private static readonly ScriptObject Builtins = TemplateContext.GetDefaultBuiltinObject();

    // One context per thread serves every file: a new one per file rebuilt Scriban's per-type member accessors
    // (reflection) each time. Render(context) empties the context's output after each file.
    [ThreadStatic]
    private static TemplateContext? _reusableContext;

    // The runtime's names, the same for every file: templates read them as {{ Runtime.AwsJson }}.
    private static readonly ScriptObject RuntimeNames = CreateRuntimeNames();

    public static string Render(string name, object view)
    {
        var globals = new ScriptObject();
        globals.Import(view, renamer: KeepNames);
        globals.SetValue("Runtime", RuntimeNames, readOnly: true);

        // Taken off the thread for the render and put back only after a clean one: a failed render may leave state.
        var context = _reusableContext ?? CreateContext();
        _reusableContext = null;
        context.PushGlobal(globals);
        var text = Parse(name).Render(context);
        context.PopGlobal();
        _reusableContext = context;
        return text.Replace("\r\n", "\n");
    }

    private static ScriptObject CreateRuntimeNames()
    {
        var names = new ScriptObject();
        foreach (var field in typeof(RuntimeApi).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            names.SetValue(field.Name, field.GetValue(null), readOnly: true);
        }

        return names;
    }

    private static TemplateContext CreateContext()
    {
        var context = new TemplateContext(Builtins)
        {
            StrictVariables = true,
            MemberRenamer = KeepNames,
            TemplateLoader = Loader,
            EnableRelaxedMemberAccess = false,

            // Scriban's limits guard against untrusted templates; ours are fixed, and a model's size must never
            // cut a file short: no cap on loop iterations, on one value's text or on the whole output.
            LoopLimit = 0,
            LoopLimitQueryable = 0,
            RecursiveLimit = 0,
            LimitToString = 0,
            OutputLimit = 0,
            OnStringLimit = ScriptLimitBehavior.Throw,
            OnOutputLimit = ScriptLimitBehavior.Throw,
        };
        // Partials (the header, per-concern pieces) are handed over parsed instead of loaded per file.
        foreach (var partial in TemplateNames.Where(n => n.StartsWith("_", StringComparison.Ordinal)))
        {
            context.CachedTemplates[partial] = Parse(partial);
        }

        return context;
    }

    private sealed class EmbeddedTemplateLoader : ITemplateLoader
    {
        public static string Read(string name)
        {
            using var stream = typeof(TemplateRenderer).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"The template {name} is not embedded in the generator.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }

        public string GetPath(TemplateContext context, SourceSpan callerSpan, string templateName) => templateName;

        public string Load(TemplateContext context, SourceSpan callerSpan, string templatePath) => Read(templatePath);

        public ValueTask<string?> LoadAsync(TemplateContext context, SourceSpan callerSpan, string templatePath) => new(Read(templatePath));
    }
}
