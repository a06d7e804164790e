package dev.flowbase.server.http.routes;

import dev.flowbase.error.InvalidFieldException;
import dev.flowbase.server.http.Access;
import dev.flowbase.server.http.Body;
import dev.flowbase.server.http.Call;
import dev.flowbase.server.http.RouteGroup;
import dev.flowbase.server.http.Router;
import dev.flowbase.store.AuditEntry;
import dev.flowbase.store.LogEntry;
import dev.flowbase.store.LogFilter;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The log store and the audit log, each read per organization: an operator reads its
 * organization's lines (its tasks'), an admin of the installation's organization also Flowbase's
 * own; the audit log is read by admins.
 */
public final class LogRoutes implements RouteGroup {
    @Override
    public void register(Router r) {
        r.group("logs");
        r.get("/api/logs", Access.OPERATOR, this::logs)
                .summary("Log lines, newest first, filtered by level, component, task, time and text")
                .query("level", "debug, info, warn, error or fatal")
                .query("component", "the component (logger) that wrote the line")
                .query("taskId", "only lines about this task")
                .query("since", "an ISO-8601 instant: only lines written at or after it")
                .query("text", "a part of the message")
                .query("limit", "page size, 1 to 1000 (50)")
                .query("cursor", "the nextCursor of the page before")
                .returns(Body.pageOf(LogEntry.class));
        r.get("/api/audit", Access.ADMIN, this::audit)
                .summary("The organization's audit log, newest first: who changed what, before and after")
                .query("entityType", "only changes of this kind of entity, such as task or api_key")
                .query("entityId", "with entityType: only changes of this entity")
                .query("limit", "page size, 1 to 1000 (50)")
                .query("cursor", "the nextCursor of the page before")
                .returns(Body.pageOf(AuditEntry.class));
    }

    private Object logs(Call call) {
        LogFilter filter = new LogFilter(
                call.query("level", t -> Enums.parse("level", t, LogEntry.Level.class))
                        .orElse(null),
                call.query("component").orElse(null),
                call.uuidQuery("taskId").orElse(null),
                call.query("since", LogRoutes::instant).orElse(null),
                call.query("text").orElse(null));
        // Flowbase's own lines (no organization's) are the installation's: its admins read them.
        filter = Access.INSTALLATION_ADMIN.allows(call.principal())
                ? filter.inWithFlowbaseLines(call.organization())
                : filter.in(call.organization());
        return call.stores().logs().query(filter, call.page());
    }

    private Object audit(Call call) {
        var type = call.query("entityType");
        if (type.isEmpty()) {
            return call.stores().audit().list(call.organization(), call.page());
        }
        return call.stores()
                .audit()
                .forEntity(
                        call.organization(), type.get(), call.query("entityId").orElse(null), call.page());
    }

    private static Instant instant(String text) {
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidFieldException(
                    "since", "'" + text + "'", "an ISO-8601 instant such as 2026-01-31T12:00:00Z");
        }
    }
}
