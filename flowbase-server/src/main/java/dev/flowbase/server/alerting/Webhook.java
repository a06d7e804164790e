package dev.flowbase.server.alerting;

import dev.flowbase.status.AlertEvent;
import dev.flowbase.util.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts each raised or cleared alert to a URL as JSON, without waiting for the answer: a slow or
 * broken receiver never delays the checks. A failure is logged with the receiver's host only, since
 * the URL may carry a token.
 */
final class Webhook implements Consumer<AlertEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(Webhook.class);

    private final URI url;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Webhook(String url) {
        this.url = URI.create(url);
    }

    @Override
    public void accept(AlertEvent e) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alert", e.alert().name());
        body.put("state", e.state().name().toLowerCase(Locale.ROOT));
        body.put("severity", e.alert().severity().name().toLowerCase(Locale.ROOT));
        body.put("detail", e.alert().detail());
        body.put("since", e.alert().since().toString());
        body.put("at", e.at().toString());
        body.put("source", "flowbase");
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body)))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, failure) -> {
            if (failure != null) {
                LOG.warn(
                        "posting alert {} to {} failed: {}",
                        e.alert().name(),
                        url.getHost(),
                        failure.getClass().getSimpleName());
            } else if (r.statusCode() >= 300) {
                LOG.warn(
                        "posting alert {} to {}: the receiver answered {}",
                        e.alert().name(),
                        url.getHost(),
                        r.statusCode());
            }
        });
    }
}
