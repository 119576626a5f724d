package io.tradingcore.adapters.kraken.auth;

import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** API-Sign against Kraken's documented example and an independent computation; the nonce's ordering. */
class KrakenRestSignerTest
{
    @Test
    void matchesKrakensDocumentedExample()
    {
        // docs.kraken.com "Spot REST Authentication", Examples: buy 1.25 XBTUSD at 37500
        final KrakenRestSigner signer = new KrakenRestSigner(
            "kQH5HW/8p1uGOVjbgWA7FunAmGO8lsSUXNsu3eow76sz84Q18fWxnyRzBHCd3pd5nE9qa99HAZtuZuj6F1huXg==");
        final String signature = signer.sign("/0/private/AddOrder", 1616492376594L,
            "nonce=1616492376594&ordertype=limit&pair=XBTUSD&price=37500&type=buy&volume=1.25");
        assertEquals("4/dpxb3iT4tp/ZCVEwSnEsLxx0bqyhLpdfOpc6fn7OR8+UClSV5n9E6aSS8MPtnRfp32bAb0nmbRn6H8ndwLUQ==", signature);
    }

    @Test
    void matchesAnIndependentComputationForTheTokenRequest() throws Exception
    {
        final byte[] secret = new byte[64];
        for (int i = 0; i < secret.length; i++)
        {
            secret[i] = (byte)(i * 37 + 11);
        }
        final String base64Secret = Base64.getEncoder().encodeToString(secret);
        final long nonce = 1_786_924_800_123_456L;
        final String body = "nonce=" + nonce;

        final MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        final byte[] inner = sha256.digest((nonce + body).getBytes(StandardCharsets.UTF_8));
        final Mac mac = Mac.getInstance("HmacSHA512");
        mac.init(new SecretKeySpec(secret, "HmacSHA512"));
        mac.update(WebSocketTokenClient.PATH.getBytes(StandardCharsets.US_ASCII));
        final String expected = Base64.getEncoder().encodeToString(mac.doFinal(inner));

        final KrakenRestSigner signer = new KrakenRestSigner(base64Secret);
        assertEquals(expected, signer.sign(WebSocketTokenClient.PATH, nonce, body));
        assertEquals(expected, signer.sign(WebSocketTokenClient.PATH, nonce, body), "the signer is reusable");
        assertTrue(signer.verify(expected, WebSocketTokenClient.PATH, nonce, body));
        assertFalse(signer.verify(expected, WebSocketTokenClient.PATH, nonce + 1, "nonce=" + (nonce + 1)));
        assertNotEquals(expected, signer.sign("/0/private/Balance", nonce, body), "the path is signed");
    }

    @Test
    void aSecretThatIsNotBase64IsRefusedWithoutEchoingIt()
    {
        final String secret = "not*base64*at*all";
        final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
            () -> new KrakenRestSigner(secret));
        assertTrue(error.getMessage().contains("KRAKEN_API_SECRET"), error.getMessage());
        assertFalse(error.getMessage().contains(secret));
        assertFalse(new KrakenRestSigner("AAAA").toString().contains("AAAA"));
    }

    @Test
    void theNonceKeepsIncreasingWhenTheClockStepsBack()
    {
        final KrakenNonce nonce = new KrakenNonce();
        assertEquals(5_000_000L, nonce.next(5_000_000L));
        assertEquals(5_000_001L, nonce.next(5_000_000L), "same microsecond");
        assertEquals(5_000_002L, nonce.next(1_000_000L), "clock stepped back");
        assertEquals(9_000_000L, nonce.next(9_000_000L));
        assertTrue(nonce.next() > 9_000_000L, "the wall clock in µs is far above");
    }

    @Test
    void oneNoncePerKeyInTheProcess()
    {
        assertTrue(KrakenNonce.forKey("key-a") == KrakenNonce.forKey("key-a"));
        assertTrue(KrakenNonce.forKey("key-a") != KrakenNonce.forKey("key-b"));
        final long first = KrakenNonce.forKey("key-a").next();
        assertTrue(KrakenNonce.forKey("key-a").next() > first);
    }
}
