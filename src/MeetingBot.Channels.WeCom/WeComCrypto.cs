using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace MeetingBot.Channels.WeCom;

/// <summary>
/// WeCom's callback cryptography (WXBizMsgCrypt, docs/protocols.md E.3 and E.4): the SHA1 signature over
/// the sorted strings, and AES-256-CBC with the key from EncodingAESKey, IV = the key's first 16
/// bytes, and PKCS#7 padding to 32-byte blocks done by hand.
/// </summary>
public sealed class WeComCrypto
{
    /// <summary>WeCom pads to 32 bytes, not to the AES block size (E.4).</summary>
    private const int PaddingBlock = 32;
    private const int RandomLength = 16;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly string _token;
    private readonly byte[] _key;
    private readonly byte[] _receiveId;

    /// <param name="receiveId">The CorpID for a self-built app; every decrypted message must end with it.</param>
    public WeComCrypto(string token, string encodingAesKey, string receiveId)
    {
        ArgumentException.ThrowIfNullOrEmpty(token);
        ArgumentNullException.ThrowIfNull(encodingAesKey);
        ArgumentNullException.ThrowIfNull(receiveId);
        _token = token;
        _key = new byte[32];
        if (encodingAesKey.Length != 43 || !Convert.TryFromBase64String(encodingAesKey + "=", _key, out var written) || written != 32)
        {
            throw new ArgumentException("EncodingAESKey must be 43 base64 characters (a 32-byte key).", nameof(encodingAesKey));
        }

        _receiveId = Encoding.UTF8.GetBytes(receiveId);
    }

    /// <summary>lowercase hex SHA1 of token, timestamp, nonce and the ciphertext, sorted ordinally and concatenated (E.3).</summary>
    public string Sign(string timestamp, string nonce, string encrypted)
    {
        string[] parts = [_token, timestamp, nonce, encrypted];
        Array.Sort(parts, StringComparer.Ordinal);
#pragma warning disable CA5350 // SHA1 is what WeCom's protocol prescribes; it is not our choice.
        return Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(string.Concat(parts))));
#pragma warning restore CA5350
    }

    /// <summary>Compares in constant time, so the comparison does not tell how much of a forged signature was right.</summary>
    public bool HasValidSignature(string? signature, string? timestamp, string? nonce, string? encrypted)
    {
        if (string.IsNullOrEmpty(signature) || timestamp is null || nonce is null || string.IsNullOrEmpty(encrypted))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(timestamp, nonce, encrypted));
        var actual = Encoding.ASCII.GetBytes(signature.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    public string Encrypt(string message) => Encrypt(message, RandomNumberGenerator.GetBytes(RandomLength));

    /// <summary>
    /// Encrypts with the given 16-byte prefix instead of random bytes; the prefix only makes equal
    /// plaintexts differ, so a fixed one is for deterministic test vectors, not for production.
    /// </summary>
    public string Encrypt(string message, ReadOnlySpan<byte> random)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (random.Length != RandomLength)
        {
            throw new ArgumentException($"The random prefix is {RandomLength} bytes.", nameof(random));
        }

        var body = Encoding.UTF8.GetBytes(message);
        var length = RandomLength + 4 + body.Length + _receiveId.Length;
        var pad = PaddingBlock - (length % PaddingBlock);
        var plain = new byte[length + pad];
        random.CopyTo(plain);
        BinaryPrimitives.WriteUInt32BigEndian(plain.AsSpan(RandomLength), (uint)body.Length);
        body.CopyTo(plain, RandomLength + 4);
        _receiveId.CopyTo(plain, RandomLength + 4 + body.Length);
        plain.AsSpan(length).Fill((byte)pad);

        using var aes = CreateAes();
        return Convert.ToBase64String(aes.EncryptCbc(plain, _key.AsSpan(0, 16), PaddingMode.None));
    }

    /// <summary>Decrypts a callback's Encrypt (or echostr) and checks its receiveid.</summary>
    /// <exception cref="WeComCryptoException">Not base64, not decryptable, malformed, or for another receiver.</exception>
    public string Decrypt(string encrypted)
    {
        ArgumentNullException.ThrowIfNull(encrypted);
        byte[] cipher;
        try
        {
            cipher = Convert.FromBase64String(encrypted);
        }
        catch (FormatException)
        {
            throw new WeComCryptoException(WeComCryptoError.Base64Decode);
        }

        if (cipher.Length == 0 || cipher.Length % 16 != 0)
        {
            throw new WeComCryptoException(WeComCryptoError.Decrypt);
        }

        using var aes = CreateAes();
        // PaddingMode.None: .NET's PKCS7 check rejects pad values above 16, which WeCom uses (E.4).
        var plain = aes.DecryptCbc(cipher, _key.AsSpan(0, 16), PaddingMode.None);
        int pad = plain[^1];
        if (pad is < 1 or > PaddingBlock || plain.Length - pad < RandomLength + 4)
        {
            throw new WeComCryptoException(WeComCryptoError.IllegalBuffer);
        }

        var content = plain.AsSpan(RandomLength, plain.Length - pad - RandomLength);
        var length = BinaryPrimitives.ReadUInt32BigEndian(content);
        if (length > content.Length - 4)
        {
            throw new WeComCryptoException(WeComCryptoError.IllegalBuffer);
        }

        var receiveId = content[(4 + (int)length)..];
        if (!receiveId.SequenceEqual(_receiveId))
        {
            throw new WeComCryptoException(WeComCryptoError.ReceiveIdMismatch);
        }

        try
        {
            return StrictUtf8.GetString(content.Slice(4, (int)length));
        }
        catch (DecoderFallbackException)
        {
            throw new WeComCryptoException(WeComCryptoError.IllegalBuffer);
        }
    }

    private Aes CreateAes()
    {
        var aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }
}

/// <summary>The WXBizMsgCrypt error codes (E.4), so that logs read like the official library's.</summary>
public enum WeComCryptoError
{
    ReceiveIdMismatch = -40005,
    Decrypt = -40007,
    IllegalBuffer = -40008,
    Base64Decode = -40010,
}

/// <summary>A callback that cannot be decrypted or is not for this app; the request is refused without detail.</summary>
public sealed class WeComCryptoException(WeComCryptoError error) : Exception($"WeCom callback rejected ({(int)error} {error}).")
{
    public WeComCryptoError Error { get; } = error;
}
