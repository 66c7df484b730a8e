using System;
using System.Collections.Generic;
using System.Text;
using DataZone.Gen.Auth;
using DataZone.Gen.Http;
using DataZone.Gen.Json;

namespace DataZone.Gen;

/// <summary>
/// Removes the secret access key and session token from text a server sent back. A signature-mismatch error echoes the
/// canonical request, session token included; whatever reaches an exception message, a log or <c>ToString()</c> goes
/// through here first. Each secret is matched as sent (raw), percent-encoded (a query string) and JSON-escaped (<c>\/</c>).
/// </summary>
internal static class SecretRedactor
{
    public const string Replacement = "[redacted]";

    public static string Redact(string text, AwsCredentials? credentials)
    {
        foreach (var secret in Forms(credentials))
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Replacement, StringComparison.Ordinal);
            }
        }

        return text;
    }

    /// <summary>
    /// A read failure to keep as an inner exception: itself, unless its message quotes a secret (a reader error can quote
    /// the value it could not read); then a located <see cref="AwsJsonException"/> with the message redacted, or none.
    /// </summary>
    public static Exception? RedactCause(Exception exception, AwsCredentials? credentials)
    {
        if (ReferenceEquals(Redact(exception.Message, credentials), exception.Message))
        {
            return exception;
        }

        return exception is AwsJsonException json ? new AwsJsonException(Redact(json.Problem, credentials), json.Path ?? "$") : null;
    }

    /// <summary>The response with its body and header values redacted; the same instance when nothing secret is in it.</summary>
    public static AwsHttpResponse Redact(AwsHttpResponse response, AwsCredentials? credentials)
    {
        var changed = false;
        var body = response.Body;
        var forms = Forms(credentials);
        foreach (var secret in forms)
        {
            if (body.Span.IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0)
            {
                // Only bodies that hold a secret are decoded and re-encoded; their bytes are otherwise kept as sent.
                body = Encoding.UTF8.GetBytes(Redact(Encoding.UTF8.GetString(body.Span), credentials));
                changed = true;
                break;
            }
        }

        var headers = new List<KeyValuePair<string, string>>(response.Headers.Count);
        foreach (var header in response.Headers)
        {
            var value = Redact(header.Value, credentials);
            changed |= !ReferenceEquals(value, header.Value);
            headers.Add(new(header.Key, value));
        }

        return changed ? new AwsHttpResponse(response.StatusCode, body, headers) : response;
    }

    // An unsigned call (the operation needs no credentials) has no secret to redact.
    private static List<string> Forms(AwsCredentials? credentials)
    {
        var forms = new List<string>(6);
        if (credentials is null)
        {
            return forms;
        }

        foreach (var secret in new[] { credentials.SessionToken, credentials.SecretAccessKey })
        {
            if (string.IsNullOrEmpty(secret))
            {
                continue;
            }

            foreach (var form in new[] { secret, Uri.EscapeDataString(secret), secret.Replace("/", "\\/", StringComparison.Ordinal) })
            {
                if (!forms.Contains(form))
                {
                    forms.Add(form);
                }
            }
        }

        // Longest first: a secret that contains the other must be replaced whole.
        forms.Sort((a, b) => b.Length.CompareTo(a.Length));
        return forms;
    }
}
