using System;

namespace DataZone.Gen;

/// <summary>Paging cannot go on: the service repeated a next token, or a starting token is not a valid resume token.</summary>
public sealed class PaginationException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What went wrong.</param>
    public PaginationException(string message) : base(message) { }

    /// <summary>Creates the exception with its cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The underlying failure.</param>
    public PaginationException(string message, Exception? innerException) : base(message, innerException) { }
}
