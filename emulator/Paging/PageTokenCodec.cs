using System;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace DataZone.Gen.Emulator.Paging;

/// <summary>
/// Opaque, tamper-evident <c>nextToken</c>s: base64 of an encrypted 40-byte cursor with an HMAC-SHA256 tag.
/// </summary>
/// <remarks>
/// Layout: magic (3 bytes, which base64-encode as <c>+/v1</c>), nonce (4 random bytes), the cursor encrypted with an
/// HMAC-derived key stream (17 bytes: flags 1, scope 8 (a hash of domain, data source, status filter and data set),
/// position 8 (index of the next run to consider)), tag (16: truncated HMAC-SHA256 of the 24 bytes before it).
/// 40 bytes encode as 56 base64 characters ending in <c>==</c>, so every token carries '+', '/' and '=',
/// the three characters a client must percent-encode in a query string; the rest looks random, and two tokens
/// for the same place differ. The keys derive from <see cref="EmulatorOptions.TokenSecret"/>: tokens survive an
/// emulator restart with the same secret and data (the command-line tool's resume token) and are rejected by one with other data.
/// </remarks>
internal sealed class PageTokenCodec
{
    private const int TokenLength = 40;
    private const int NonceOffset = 3;
    private const int CipherOffset = 7;
    private const int CipherLength = 17;
    private const int SignedLength = 24;
    private const int TagLength = 16;
    private static ReadOnlySpan<byte> Magic => [0xFB, 0xFB, 0xF5];

    private readonly byte[] _macKey;
    private readonly byte[] _streamKey;

    public PageTokenCodec(string secret)
    {
        _macKey = SHA256.HashData(Encoding.UTF8.GetBytes("DataZone.Gen.Emulator/page-token/mac\n" + secret));
        _streamKey = SHA256.HashData(Encoding.UTF8.GetBytes("DataZone.Gen.Emulator/page-token/stream\n" + secret));
    }

    /// <summary>Why a token was refused.</summary>
    public enum Failure
    {
        None,
        Malformed,
        NotIssuedHere,
        OtherRequest,
        OutOfRange,
    }

    /// <summary>The 8-byte scope a token is bound to.</summary>
    public static byte[] Scope(string domainId, string dataSourceId, string? status, ReadOnlySpan<byte> fingerprint)
    {
        var text = Encoding.UTF8.GetBytes(domainId + "\n" + dataSourceId + "\n" + (status ?? "*") + "\n");
        var all = new byte[text.Length + fingerprint.Length];
        text.CopyTo(all, 0);
        fingerprint.CopyTo(all.AsSpan(text.Length));
        return SHA256.HashData(all).AsSpan(0, 8).ToArray();
    }

    /// <summary>The 8-byte scope of a synthesized listing: its operation, filters, data size and seed, as one text.</summary>
    public static byte[] Scope(string listing) =>
        SHA256.HashData(Encoding.UTF8.GetBytes("listing\n" + listing)).AsSpan(0, 8).ToArray();

    /// <summary>
    /// A token as 80 lowercase hex digits instead of base64, for token members whose pattern forbids '+', '/' and '='
    /// (DynamoDB's <c>ExclusiveStartTableName</c>: <c>[a-zA-Z0-9_.-]+</c>). <see cref="TryRead"/> takes either form.
    /// </summary>
    public string IssueHex(ReadOnlySpan<byte> scope, long position) =>
        Convert.ToHexString(Convert.FromBase64String(Issue(scope, position))).ToLowerInvariant();

    public string Issue(ReadOnlySpan<byte> scope, long position)
    {
        Span<byte> token = stackalloc byte[TokenLength];
        Magic.CopyTo(token);
        RandomNumberGenerator.Fill(token.Slice(NonceOffset, 4));
        var cursor = token.Slice(CipherOffset, CipherLength);
        cursor[0] = 0;
        scope.Slice(0, 8).CopyTo(cursor.Slice(1, 8));
        BinaryPrimitives.WriteInt64BigEndian(cursor.Slice(9, 8), position);
        XorStream(token.Slice(NonceOffset, 4), cursor);
        Tag(token.Slice(0, SignedLength), token.Slice(SignedLength, TagLength));
        return Convert.ToBase64String(token);
    }

    public Failure TryRead(string token, ReadOnlySpan<byte> scope, long count, out long position)
    {
        position = 0;
        Span<byte> bytes = stackalloc byte[TokenLength + 3];
        var written = 0;
        var decoded = token.Length == TokenLength * 2
            ? Convert.FromHexString(token, bytes, out _, out written) == System.Buffers.OperationStatus.Done
            : token.Length == 56 && Convert.TryFromBase64String(token, bytes, out written);
        if (!decoded || written != TokenLength || !bytes.Slice(0, 3).SequenceEqual(Magic))
        {
            return Failure.Malformed;
        }

        Span<byte> expected = stackalloc byte[TagLength];
        Tag(bytes.Slice(0, SignedLength), expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.Slice(SignedLength, TagLength)))
        {
            return Failure.NotIssuedHere;
        }

        var cursor = bytes.Slice(CipherOffset, CipherLength);
        XorStream(bytes.Slice(NonceOffset, 4), cursor);
        if (cursor[0] != 0 || !CryptographicOperations.FixedTimeEquals(scope.Slice(0, 8), cursor.Slice(1, 8)))
        {
            return Failure.OtherRequest;
        }

        position = BinaryPrimitives.ReadInt64BigEndian(cursor.Slice(9, 8));
        return position < 0 || position >= count ? Failure.OutOfRange : Failure.None;
    }

    private void XorStream(ReadOnlySpan<byte> nonce, Span<byte> data)
    {
        Span<byte> stream = stackalloc byte[32];
        HMACSHA256.HashData(_streamKey, nonce, stream);
        for (var i = 0; i < data.Length; i++)
        {
            data[i] ^= stream[i];
        }
    }

    private void Tag(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(_macKey, data, mac);
        mac.Slice(0, TagLength).CopyTo(destination);
    }
}
