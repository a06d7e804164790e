package dev.flowbase.server.web;

import dev.flowbase.backup.BackupStatus;
import dev.flowbase.server.http.Principal;
import dev.flowbase.server.http.Services;
import dev.flowbase.server.http.Sessions;
import dev.flowbase.server.http.SignInGuard;
import dev.flowbase.status.Alert;
import dev.flowbase.status.Status;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the admin page's handlers share: the server's services, its status and alerts, the hour's
 * history, the sessions, the API's own key check for the sign-in form with its guard against guessing,
 * and the backup schedule's state (empty when {@code backup.schedule} is not set).
 */
public record Web(
        Services services,
        Status status,
        Supplier<List<Alert>> alerts,
        History history,
        Sessions sessions,
        Function<String, Optional<Principal>> signIn,
        SignInGuard guard,
        Supplier<Optional<BackupStatus>> backups) {}
