package dev.flowbase.server.web;

import dev.flowbase.backup.ArchiveHeader;
import dev.flowbase.backup.ArchiveListing;
import dev.flowbase.backup.BackupRun;
import dev.flowbase.backup.BackupRuns;
import dev.flowbase.backup.BackupStatus;
import dev.flowbase.backup.Backups;
import dev.flowbase.server.backup.BackupSettings;
import dev.flowbase.server.http.Access;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The backups of the whole installation, for its admins only (an archive holds every organization's
 * data): the schedule with its last and next run and the one running now, the archives in the
 * backup directory, and every backup and restore the audit log recorded.
 */
final class BackupsPage {
    private BackupsPage() {}

    static String render(Visit v) {
        if (!v.may(Access.INSTALLATION_ADMIN)) {
            return Layout.page(v, "Backups", "/backups", """
                    <p class="muted" id="admin-only">Backups hold every organization's data: seeing them needs an admin key
                    of the installation's organization.</p>""");
        }
        Optional<BackupStatus> status = v.web().backups().get();
        Path dir = status.map(s -> s.schedule().directory())
                .orElse(BackupSettings.directory(v.web().services().config()));
        List<ArchiveListing> archives = Files.isDirectory(dir) ? Backups.list(dir) : List.of();
        List<BackupRun> runs = BackupRuns.recent(v.web().services().stores(), 20);
        return Layout.page(v, "Backups", "/backups", """
                <section class="card wide" aria-labelledby="schedule-h">
                  <h2 id="schedule-h">Schedule</h2>
                  %s
                </section>
                <section class="card wide" aria-labelledby="archives-h">
                  <h2 id="archives-h">Archives in %s</h2>
                  %s
                </section>
                <section class="card wide" aria-labelledby="runs-h">
                  <h2 id="runs-h">Backups and restores</h2>
                  %s
                </section>""".formatted(
                        schedule(status), Html.esc(dir), archives(archives), runs(runs)));
    }

    private static String schedule(Optional<BackupStatus> status) {
        if (status.isEmpty()) {
            return "<p class=\"empty\" id=\"no-schedule\">No schedule: set <code>backup.schedule</code> (such as 6h)"
                    + " and <code>backup.directory</code>, see docs/backup.md.</p>";
        }
        BackupStatus s = status.get();
        BackupRun last = s.last();
        BackupStatus.Running now = s.running();
        return "<dl id=\"schedule\">"
                + fact("Every", s.schedule().everyText())
                + fact("Keeps", s.schedule().retention())
                + fact(
                        "Form",
                        s.schedule().options().compression().id()
                                + (s.schedule().options().key() != null ? ", encrypted" : ""))
                + "<dt>Last run</dt><dd id=\"last-run\">"
                + (last == null
                        ? "none yet"
                        : Html.time(last.startedAt()) + " " + Html.badge(last.outcome()) + " "
                                + Html.esc(last.succeeded() ? size(last.bytes()) : last.error()))
                + "</dd>"
                + "<dt>Next run</dt><dd id=\"next-run\">" + Html.time(s.nextAt()) + "</dd>"
                + (now == null
                        ? ""
                        : fact(
                                "Running now",
                                now.file() + ": " + now.rows() + (now.totalRows() < 0 ? "" : " of " + now.totalRows())
                                        + " rows, " + size(now.bytes())))
                + "</dl>";
    }

    private static String archives(List<ArchiveListing> archives) {
        return Html.table(
                "Archives, newest first",
                Html.th("File", "Size", "Created", "Source", "Schema", "Form"),
                Html.rows(archives, a -> {
                    ArchiveHeader h = a.header();
                    String form = a.writing()
                            ? "writing"
                            : h == null
                                    ? "unreadable: " + a.problem()
                                    : h.compression()
                                            + (h.encrypted() ? ", encrypted" : "")
                                            + (a.scheduled() ? ", scheduled" : "");
                    return Html.td(
                            a.file().getFileName(),
                            size(a.bytes()),
                            h == null ? Html.time(a.modified()) : Html.time(h.createdAt()),
                            h == null
                                    ? "—"
                                    : h.source().engine() + " " + h.source().serverVersion(),
                            h == null ? "—" : h.schemaVersion(),
                            form);
                }),
                "No archives in this directory yet.");
    }

    private static String runs(List<BackupRun> runs) {
        return Html.table(
                "Newest first, from the audit log",
                Html.th("Started", "Kind", "Trigger", "By", "Outcome", "Size", "Rows", "Took", "File"),
                Html.rows(
                        runs,
                        r -> "<tr><td>" + Html.time(r.startedAt()) + "</td><td>" + Html.esc(r.kind()) + "</td><td>"
                                + Html.esc(r.trigger()) + "</td><td>" + Html.esc(r.actor()) + "</td><td>"
                                + Html.badge(r.outcome()) + (r.succeeded() ? "" : " " + Html.esc(r.error()))
                                + "</td><td>" + Html.esc(size(r.bytes())) + "</td><td>" + r.rows() + "</td><td>"
                                + String.format("%.1f s", r.millis() / 1000.0) + "</td><td>"
                                + Html.esc(Path.of(r.file()).getFileName()) + "</td></tr>"),
                "No backup or restore is recorded yet.");
    }

    private static String fact(String name, Object value) {
        return "<dt>" + Html.esc(name) + "</dt><dd>" + Html.esc(value) + "</dd>";
    }

    private static String size(long bytes) {
        return bytes < 0
                ? "—"
                : bytes < 1 << 20 ? (bytes + 1023) / 1024 + " KiB" : String.format("%.1f MiB", bytes / 1048576.0);
    }
}
