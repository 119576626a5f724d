package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.adapters.config.ConfigException;
import io.tradingcore.adapters.config.KrakenCredentials;
import io.tradingcore.adapters.kraken.ControlJson;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Fetches a WebSocket token: a signed REST {@code POST /0/private/GetWebSocketsToken} to the
 * configured base URL ({@link #PRODUCTION} for Kraken, the simulator's address in tests). Kraken's
 * refusals become a {@link KrakenAuthException} saying what to check.
 */
public final class WebSocketTokenClient
{
    public static final URI PRODUCTION = URI.create("https://api.kraken.com");
    public static final String PATH = "/0/private/GetWebSocketsToken";

    private final URI url;
    private final String apiKey;
    private final KrakenRestSigner signer;
    private final KrakenNonce nonce;
    private final Duration timeout;
    private final HttpClient http;

    public WebSocketTokenClient(final URI baseUrl, final String apiKey, final KrakenRestSigner signer,
        final Duration timeout)
    {
        if (apiKey == null || apiKey.isBlank())
        {
            throw new IllegalArgumentException("the Kraken API key is empty (check KRAKEN_API_KEY)");
        }
        this.url = baseUrl.resolve(PATH);
        this.apiKey = apiKey.trim();
        this.signer = signer;
        this.nonce = KrakenNonce.forKey(this.apiKey);
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** Reads the key and secret now (they are loaded lazily, so this is where a missing one is reported). */
    public static WebSocketTokenClient fromCredentials(final URI baseUrl, final KrakenCredentials credentials,
        final Duration timeout) throws ConfigException
    {
        return new WebSocketTokenClient(baseUrl, credentials.apiKey(), new KrakenRestSigner(credentials.apiSecret()),
            timeout);
    }

    /** Completes with the token, or exceptionally with a {@link KrakenAuthException}; never blocks the caller. */
    public CompletableFuture<WebSocketToken> fetch()
    {
        final HttpRequest request;
        synchronized (this)
        {
            final long n = nonce.next();
            final String body = "nonce=" + n;
            request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("API-Key", apiKey)
                .header("API-Sign", signer.sign(PATH, n, body))
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("User-Agent", "trading-core")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        }
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
            .handle((response, failure) ->
            {
                if (failure != null)
                {
                    final Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                    throw new KrakenAuthException("GetWebSocketsToken: no answer from " + url + " ("
                        + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")", cause);
                }
                return token(response.statusCode(), response.body());
            });
    }

    /** Kraken's answer to GetWebSocketsToken as a token, or the exception that explains the refusal. */
    static WebSocketToken token(final int status, final String body)
    {
        final Map<String, Object> answer = ControlJson.parseObject(body);
        final List<String> errors = ControlJson.strings(answer, "error");
        if (!errors.isEmpty())
        {
            throw refusal(errors);
        }
        if (status != 200)
        {
            throw new KrakenAuthException("GetWebSocketsToken: HTTP " + status + " from Kraken");
        }
        final Map<String, Object> result = ControlJson.object(answer, "result");
        final String token = ControlJson.string(result, "token");
        if (token == null || token.isEmpty())
        {
            throw new KrakenAuthException("GetWebSocketsToken: the answer carries no token");
        }
        return new WebSocketToken(token, ControlJson.integer(result, "expires", 900));
    }

    private static KrakenAuthException refusal(final List<String> errors)
    {
        final String all = String.join(", ", errors);
        if (errors.contains("EAPI:Invalid nonce"))
        {
            return new KrakenAuthException("Kraken refused the nonce (" + all + "): nonces must increase for each API "
                + "key; is the same key used by another process or tool? Use one key per process");
        }
        if (errors.contains("EAPI:Invalid key") || errors.contains("EAPI:Invalid signature"))
        {
            return new KrakenAuthException("Kraken refused the API key or its signature (" + all + "): check that "
                + "KRAKEN_API_KEY and KRAKEN_API_SECRET are a pair and the secret is copied whole");
        }
        if (errors.contains("EGeneral:Permission denied"))
        {
            return new KrakenAuthException("Kraken refused the token (" + all + "): the API key needs the "
                + "'WebSocket interface' permission");
        }
        return new KrakenAuthException("GetWebSocketsToken refused: " + all);
    }
}
