package dev.flowbase.server.http;

/** A resource's routes, registered by the class that serves them. */
public interface RouteGroup {
    void register(Router router);
}
