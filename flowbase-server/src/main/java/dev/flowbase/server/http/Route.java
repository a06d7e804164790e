package dev.flowbase.server.http;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One route of the API: method, path, who may call it, what it does, and what it takes and returns
 * (from which the OpenAPI document and the access matrix are built, so neither can drift).
 */
public final class Route {
    private final String method;
    private final String path;
    private final Access access;
    private final String tag;
    private final Endpoint endpoint;
    private String summary = "";
    private Body request;
    private final Map<Integer, Body> responses = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private boolean staleWhileDown;

    Route(String method, String path, Access access, String tag, Endpoint endpoint) {
        this.method = method;
        this.path = path;
        this.access = access;
        this.tag = tag;
        this.endpoint = endpoint;
    }

    /** One line saying what the route does, for the document and {@code docs/api.md}. */
    public Route summary(String text) {
        this.summary = text;
        return this;
    }

    public Route accepts(Body body) {
        this.request = body;
        return this;
    }

    public Route accepts(Class<?> type) {
        return accepts(Body.of(type));
    }

    public Route returns(int status, Body body) {
        responses.put(status, body);
        return this;
    }

    public Route returns(Class<?> type) {
        return returns(200, Body.of(type));
    }

    public Route returns(Body body) {
        return returns(200, body);
    }

    /** A query parameter the route reads, with what it means. */
    public Route query(String name, String description) {
        query.put(name, description);
        return this;
    }

    /**
     * While the database's breaker is open, answers with the last answer this route gave for the
     * same path in the caller's organization, marked stale ({@link StaleAnswers}), instead of 503.
     * Only for reads whose answer depends on the path alone (no query parameters).
     */
    public Route staleWhileDown() {
        this.staleWhileDown = true;
        return this;
    }

    boolean servesStale() {
        return staleWhileDown;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    public Access access() {
        return access;
    }

    public String tag() {
        return tag;
    }

    public String summary() {
        return summary;
    }

    public Body request() {
        return request;
    }

    public Map<Integer, Body> responses() {
        return Map.copyOf(responses);
    }

    public Map<String, String> queryParameters() {
        return Map.copyOf(query);
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** The status of a plain (non-{@link Reply}) answer: the first declared, else 200. */
    int successStatus() {
        return responses.keySet().stream().findFirst().orElse(200);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
