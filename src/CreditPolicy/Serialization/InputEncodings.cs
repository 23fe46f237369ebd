using System;
using System.Text;
using Ardalis.GuardClauses;

namespace CreditPolicy.Serialization;

/// <summary>
/// The encodings input files may come in (contract v2, <c>--encoding utf-8|gb18030</c>): UTF-8, with or
/// without a byte-order mark, and GB18030 — what Chinese Windows tools write as "ANSI" (GBK is a subset).
/// Every reader works on UTF-8; other encodings are transcoded first.
/// </summary>
/// <remarks>Thread-safe.</remarks>
public static class InputEncodings
{
    private static readonly Lazy<Encoding> Chinese = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding("gb18030");
    });

    /// <summary>UTF-8, the default.</summary>
    public static Encoding Utf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>GB18030 (a superset of GBK and GB2312), from the platform's code-page provider.</summary>
    public static Encoding Gb18030 => Chinese.Value;

    /// <summary>The encoding named <c>utf-8</c> or <c>gb18030</c> (case-insensitive; <c>gbk</c> reads as GB18030), or <see langword="null"/>.</summary>
    public static Encoding? FromName(string? name) => name?.ToUpperInvariant() switch
    {
        "UTF-8" or "UTF8" => Utf8,
        "GB18030" or "GBK" or "GB2312" => Gb18030,
        _ => null,
    };

    /// <summary><paramref name="encoding"/> throwing <see cref="DecoderFallbackException"/> on bytes it does not allow, instead of replacing them.</summary>
    internal static Encoding Strict(Encoding encoding) =>
        Encoding.GetEncoding(encoding.CodePage, EncoderFallback.ReplacementFallback, DecoderFallback.ExceptionFallback);

    /// <summary>Whether <paramref name="encoding"/> is UTF-8 (nothing to transcode).</summary>
    public static bool IsUtf8(Encoding? encoding) => encoding is null || encoding.CodePage == Encoding.UTF8.CodePage;

    /// <summary><paramref name="bytes"/> in <paramref name="encoding"/> as UTF-8 (the same array when it is UTF-8 already).</summary>
    /// <exception cref="DecoderFallbackException">A byte sequence is not valid in <paramref name="encoding"/>; <see cref="DecoderFallbackException.Index"/> says where.</exception>
    public static byte[] ToUtf8(byte[] bytes, Encoding? encoding)
    {
        Guard.Against.Null(bytes);
        return IsUtf8(encoding) ? bytes : Utf8.GetBytes(Strict(encoding!).GetString(bytes));
    }

    /// <summary>The line (from 1) of byte <paramref name="index"/> of <paramref name="bytes"/>: where decoding failed, for a message (a <see cref="System.Text.DecoderFallbackException"/> gives the index).</summary>
    public static int LineOf(byte[] bytes, int index) => 1 + bytes.AsSpan(0, Math.Clamp(index, 0, bytes.Length)).Count((byte)'\n');
}
