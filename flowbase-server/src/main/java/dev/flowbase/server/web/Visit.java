package dev.flowbase.server.web;

import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Principal;
import dev.flowbase.server.http.Sessions;
import dev.flowbase.store.Origin;
import dev.flowbase.store.Stores;
import io.javalin.http.Context;
import java.util.Arrays;
import java.util.Optional;

/** One page request by a signed-in browser: who it is, what it may do, what it asked. */
record Visit(Context ctx, Sessions.Session session, Web web) {
    Principal principal() {
        return session.principal();
    }

    /** Whether the signed-in key's role may do what {@code access} needs: buttons it may not use are not drawn. */
    boolean may(Access access) {
        return access.allows(principal());
    }

    /** The stores, reading in the key's organization; pages only read, changes go through the API. */
    Stores stores() {
        return web.services()
                .stores()
                .within(principal().organizationId())
                .as(principal().actor(), new Origin(null, ctx.ip(), ctx.userAgent()));
    }

    /** A whole number from the query, or {@code fallback} when it is absent or not a number. */
    int intQuery(String name, int fallback) {
        try {
            return query(name).map(Integer::parseInt).orElse(fallback);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** A value of {@code type} named in the query (any case), or empty when absent or unknown: a filter left out. */
    <E extends Enum<E>> Optional<E> enumQuery(String name, Class<E> type) {
        return query(name)
                .flatMap(text -> Arrays.stream(type.getEnumConstants())
                        .filter(e -> e.name().equalsIgnoreCase(text))
                        .findFirst());
    }

    Optional<String> query(String name) {
        String v = ctx.queryParam(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
