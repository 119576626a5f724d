package io.tradingcore.adapters.kraken.auth;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

/**
 * Kraken's REST signature: {@code API-Sign = base64(HMAC-SHA512(base64decode(secret), path + SHA256(nonce + postData)))},
 * where {@code path} starts at {@code /0/private}. Holds the decoded secret and never prints it.
 * Not thread safe (one {@link Mac}); the token client signs on one thread at a time.
 */
public final class KrakenRestSigner
{
    private final Mac hmac;
    private final MessageDigest sha256;

    /** {@code base64Secret}: the private key as Kraken issued it; a clear error (without the value) if it is not base64. */
    public KrakenRestSigner(final String base64Secret)
    {
        final byte[] secret;
        try
        {
            secret = Base64.getDecoder().decode(base64Secret.trim());
        }
        catch (final IllegalArgumentException ex)
        {
            throw new IllegalArgumentException("the Kraken API secret is not valid base64 (check KRAKEN_API_SECRET)");
        }
        if (secret.length == 0)
        {
            throw new IllegalArgumentException("the Kraken API secret is empty (check KRAKEN_API_SECRET)");
        }
        try
        {
            hmac = Mac.getInstance("HmacSHA512");
            hmac.init(new SecretKeySpec(secret, "HmacSHA512"));
            sha256 = MessageDigest.getInstance("SHA-256");
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("this JVM lacks HmacSHA512 or SHA-256", ex);
        }
    }

    /** The API-Sign header value for a POST of {@code postData} (which carries {@code nonce=...}) to {@code path}. */
    public String sign(final String path, final long nonce, final String postData)
    {
        sha256.reset();
        sha256.update(Long.toString(nonce).getBytes(StandardCharsets.US_ASCII));
        final byte[] digest = sha256.digest(postData.getBytes(StandardCharsets.UTF_8));
        hmac.reset();
        hmac.update(path.getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(hmac.doFinal(digest));
    }

    /** Whether {@code signature} is the one this secret gives (constant time): the simulator's check. */
    public boolean verify(final String signature, final String path, final long nonce, final String postData)
    {
        return signature != null && MessageDigest.isEqual(
            sign(path, nonce, postData).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString()
    {
        return "KrakenRestSigner[secret hidden]";
    }
}
