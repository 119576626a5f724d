package io.tradingcore.adapters.metrics;

import io.prometheus.metrics.expositionformats.generated.com_google_protobuf_4_36_2.Metrics.MetricFamily;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * One scrape of a {@code /metrics} endpoint in the protobuf exposition, parsed with the Prometheus
 * client's own generated message classes: a name or a type the client would not accept fails here.
 */
public final class MetricsScrape
{
    private static final String PROTOBUF =
        "application/vnd.google.protobuf;proto=io.prometheus.client.MetricFamily;encoding=delimited";

    private MetricsScrape()
    {
    }

    /** Every family of the scrape by name, in the order served. */
    public static Map<String, MetricFamily> families(final URI metrics) throws IOException, InterruptedException
    {
        final HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
            HttpRequest.newBuilder(metrics).header("Accept", PROTOBUF).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        final Map<String, MetricFamily> families = new LinkedHashMap<>();
        try (InputStream in = response.body())
        {
            MetricFamily family;
            while ((family = MetricFamily.parseDelimitedFrom(in)) != null)
            {
                families.put(family.getName(), family);
            }
        }
        return families;
    }
}
