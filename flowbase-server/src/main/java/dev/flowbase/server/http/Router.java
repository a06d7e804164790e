package dev.flowbase.server.http;

import java.util.ArrayList;
import java.util.List;

/** Collects the routes of every group, each group registering its own under one tag. */
public final class Router {
    private final List<Route> routes = new ArrayList<>();
    private String tag = "";

    /** The routes registered from now on belong to {@code name} (an OpenAPI tag, a section of the docs). */
    public Router group(String name) {
        this.tag = name;
        return this;
    }

    public Route get(String path, Access access, Endpoint endpoint) {
        return add("GET", path, access, endpoint);
    }

    public Route post(String path, Access access, Endpoint endpoint) {
        return add("POST", path, access, endpoint);
    }

    public Route put(String path, Access access, Endpoint endpoint) {
        return add("PUT", path, access, endpoint);
    }

    public Route patch(String path, Access access, Endpoint endpoint) {
        return add("PATCH", path, access, endpoint);
    }

    public Route delete(String path, Access access, Endpoint endpoint) {
        return add("DELETE", path, access, endpoint);
    }

    private Route add(String method, String path, Access access, Endpoint endpoint) {
        Route route = new Route(method, path, access, tag, endpoint);
        routes.add(route);
        return route;
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
