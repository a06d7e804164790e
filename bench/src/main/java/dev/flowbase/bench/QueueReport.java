package dev.flowbase.bench;

import java.util.Locale;

/**
 * The last line of {@code bench/run queue}: one JSON object in the shape {@code ../shared/peers/}
 * prints, plus the fresh and steady rates and, on PostgreSQL, the measured drain's WAL and server
 * CPU per task. A figure that was not measured is {@code null}.
 *
 * @param processPerSecond the measured drain of {@code tasks}, as before the warm-up existed
 * @param freshPerSecond the first drain in this JVM: the warm-up when there is one, else the measured drain
 * @param steadyPerSecond the measured drain after a warm-up; NaN without one
 */
record QueueReport(
        String engine,
        int tasks,
        double enqueuePerSecond,
        double enqueueSinglePerSecond,
        double processPerSecond,
        double freshPerSecond,
        double steadyPerSecond,
        double enqueueSeconds,
        double processSeconds,
        long handlerCalls,
        int completedInDb,
        boolean complete,
        int history,
        int warmup,
        int stored,
        int workers,
        int batch,
        boolean runtime,
        PgServerCost.Sample from,
        PgServerCost.Sample to,
        long otherClients) {

    String json() {
        String wal = from == null ? "null" : number((double) (to.walBytes() - from.walBytes()) / tasks);
        String cpu = from == null || from.serverCpuUs() < 0 || to.serverCpuUs() < 0
                ? "null"
                : number((double) (to.serverCpuUs() - from.serverCpuUs()) / tasks, 1);
        String backendCpu = from == null ? "null" : number((double) PgServerCost.backendCpuUs(from, to) / tasks, 1);
        return String.format(
                Locale.ROOT,
                "{\"peer\": \"flowbase\", \"engine\": \"%s\", \"tasks\": %d, \"n\": %d, \"enqueue_per_s\": %.0f,"
                        + " \"enqueue_single_per_s\": %s,"
                        + " \"process_per_s\": %.0f, \"fresh_process_per_s\": %s, \"steady_process_per_s\": %s,"
                        + " \"wal_bytes_per_task\": %s, \"pg_cpu_us_per_task\": %s, \"pg_backend_cpu_us_per_task\": %s,"
                        + " \"other_client_backends\": %s,"
                        + " \"enqueue_s\": %.3f, \"process_s\": %.3f, \"handler_calls\": %d,"
                        + " \"completed_in_db\": %d, \"complete\": %b, \"finished_history\": %d, \"warmup\": %d,"
                        + " \"stored\": %d, \"settings\": {\"workers\": %d, \"batch\": %d, \"runtime\": %b}}",
                engine,
                tasks,
                tasks,
                enqueuePerSecond,
                number(enqueueSinglePerSecond),
                processPerSecond,
                number(freshPerSecond),
                number(steadyPerSecond),
                wal,
                cpu,
                backendCpu,
                otherClients < 0 ? "null" : Long.toString(otherClients),
                enqueueSeconds,
                processSeconds,
                handlerCalls,
                completedInDb,
                complete,
                history,
                warmup,
                stored,
                workers,
                batch,
                runtime);
    }

    private static String number(double value) {
        return number(value, 0);
    }

    private static String number(double value, int decimals) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
