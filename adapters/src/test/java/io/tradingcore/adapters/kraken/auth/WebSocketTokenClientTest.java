package io.tradingcore.adapters.kraken.auth;

import io.tradingcore.adapters.sim.KrakenPrivateEndpoint;
import io.tradingcore.adapters.sim.KrakenSimulator;
import io.tradingcore.adapters.sim.KrakenSimulatorSettings;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static io.tradingcore.adapters.kraken.auth.PrivateSession.KEY;
import static io.tradingcore.adapters.kraken.auth.PrivateSession.SECRET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** GetWebSocketsToken against the simulator over loopback, and what each Kraken refusal is reported as. */
class WebSocketTokenClientTest
{
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void theSimulatorVerifiesTheSignatureAndIssuesATokenPerRequest() throws Exception
    {
        try (KrakenSimulator simulator = simulator())
        {
            final KrakenPrivateEndpoint endpoint = simulator.privateEndpoint();
            final WebSocketTokenClient client =
                new WebSocketTokenClient(endpoint.restUri(), KEY, new KrakenRestSigner(SECRET), TIMEOUT);
            final WebSocketToken first = client.fetch().get(5, TimeUnit.SECONDS);
            final WebSocketToken second = client.fetch().get(5, TimeUnit.SECONDS);
            assertTrue(first.token().startsWith("simtok"));
            assertEquals(900, first.expiresSeconds());
            assertTrue(!first.token().equals(second.token()));
            assertEquals(2, endpoint.tokensIssued());
            assertEquals(0, endpoint.tokensRefused());
            assertTrue(!first.toString().contains(first.token()), "a token is not printed");
        }
    }

    @Test
    void aWrongSecretOrKeyIsRefusedWithAClearError()
    {
        try (KrakenSimulator simulator = simulator())
        {
            final URI rest = simulator.privateEndpoint().restUri();
            final KrakenAuthException wrongSecret = refusal(new WebSocketTokenClient(rest, KEY,
                new KrakenRestSigner(PrivateSession.secret("not the account's")), TIMEOUT));
            assertTrue(wrongSecret.getMessage().contains("EAPI:Invalid key"), wrongSecret.getMessage());
            assertTrue(wrongSecret.getMessage().contains("KRAKEN_API_KEY and KRAKEN_API_SECRET"));
            final KrakenAuthException wrongKey = refusal(new WebSocketTokenClient(rest, "another-key",
                new KrakenRestSigner(SECRET), TIMEOUT));
            assertTrue(wrongKey.getMessage().contains("EAPI:Invalid key"), wrongKey.getMessage());
            assertEquals(2, simulator.privateEndpoint().tokensRefused());
        }
    }

    @Test
    void aNonceThatDoesNotIncreaseIsRefused() throws Exception
    {
        try (KrakenSimulator simulator = simulator())
        {
            final URI rest = simulator.privateEndpoint().restUri();
            new WebSocketTokenClient(rest, KEY, new KrakenRestSigner(SECRET), TIMEOUT).fetch().get(5, TimeUnit.SECONDS);
            // correctly signed, but with a nonce below the one just used (another process on the same key)
            final long stale = 1_000;
            final String body = "nonce=" + stale;
            final HttpResponse<String> answer = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(rest.resolve(WebSocketTokenClient.PATH))
                    .header("API-Key", KEY)
                    .header("API-Sign", new KrakenRestSigner(SECRET).sign(WebSocketTokenClient.PATH, stale, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
            assertEquals("{\"error\":[\"EAPI:Invalid nonce\"]}", answer.body());
            final KrakenAuthException error = assertThrows(KrakenAuthException.class,
                () -> WebSocketTokenClient.token(answer.statusCode(), answer.body()));
            assertTrue(error.getMessage().contains("EAPI:Invalid nonce"), error.getMessage());
            assertTrue(error.getMessage().contains("one key per process"), error.getMessage());
        }
    }

    @Test
    void permissionHttpAndMalformedAnswers()
    {
        final KrakenAuthException permission = assertThrows(KrakenAuthException.class,
            () -> WebSocketTokenClient.token(200, "{\"error\":[\"EGeneral:Permission denied\"]}"));
        assertTrue(permission.getMessage().contains("'WebSocket interface' permission"), permission.getMessage());
        final KrakenAuthException http = assertThrows(KrakenAuthException.class,
            () -> WebSocketTokenClient.token(503, "<html>Service Unavailable</html>"));
        assertTrue(http.getMessage().contains("HTTP 503"), http.getMessage());
        final KrakenAuthException empty = assertThrows(KrakenAuthException.class,
            () -> WebSocketTokenClient.token(200, "{\"error\":[],\"result\":{}}"));
        assertTrue(empty.getMessage().contains("no token"), empty.getMessage());
        assertEquals(new WebSocketToken("abc", 900),
            WebSocketTokenClient.token(200, "{\"error\":[],\"result\":{\"token\":\"abc\",\"expires\":900}}"));
    }

    @Test
    void anUnreachableEndpointIsReportedAsSuch() throws Exception
    {
        final int port;
        try (ServerSocket socket = new ServerSocket(0))
        {
            port = socket.getLocalPort();
        }
        final KrakenAuthException error = refusal(new WebSocketTokenClient(URI.create("http://127.0.0.1:" + port),
            KEY, new KrakenRestSigner(SECRET), TIMEOUT));
        assertTrue(error.getMessage().startsWith("GetWebSocketsToken: no answer from http://127.0.0.1:" + port),
            error.getMessage());
    }

    private static KrakenSimulator simulator()
    {
        return new KrakenSimulator(new KrakenSimulatorSettings().symbols(List.of("BTC/USD")).framesPerSecond(50)
            .privateAccount(KEY, SECRET)).start(0);
    }

    private static KrakenAuthException refusal(final WebSocketTokenClient client)
    {
        final ExecutionException failure = assertThrows(ExecutionException.class,
            () -> client.fetch().get(5, TimeUnit.SECONDS));
        assertTrue(failure.getCause() instanceof KrakenAuthException, String.valueOf(failure.getCause()));
        return (KrakenAuthException)failure.getCause();
    }
}
