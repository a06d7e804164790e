package dev.flowbase.queue;

import dev.flowbase.store.TaskOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs handlers for the tasks of some queues: per queue, a poller claims as many tasks as it has
 * free slots and hands each to a handler by the task's type. Leases are extended while handlers
 * run; expired leases of any worker are reaped. The poller waits between empty claims, longer each
 * time up to a ceiling, and is woken at once by a task enqueued in this process or a freed slot.
 *
 * <pre>{@code
 * try (Worker worker = Worker.on(queue).name("worker-1")
 *         .queue("llm", 4)
 *         .handler("summarise", task -> TaskOutcome.result(summarise(task.parameters())))
 *         .start()) {
 *     …
 * }   // close(): finish what runs, up to the shutdown deadline, then give the rest back
 * }</pre>
 */
public final class Worker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Worker.class);

    private final Queue queue;
    private final String name;
    private final Map<String, Integer> concurrency;
    private final Map<String, TaskHandler> handlers;
    private final Duration lease;
    private final Duration minIdle;
    private final Duration maxIdle;
    private final Duration shutdownDeadline;
    private final int prefetch;
    private final Set<Lease> running = ConcurrentHashMap.newKeySet();
    private final Map<Lease, Future<?>> futures = new ConcurrentHashMap<>();
    /** Per queue, the tasks handlers finished that the poller has not recorded yet. */
    private final Map<String, ConcurrentLinkedQueue<Handling.Finished>> finished = new ConcurrentHashMap<>();

    private final Handling handling;

    private final List<ExecutorService> pollers = new ArrayList<>();
    private final List<ExecutorService> handlerPools = new ArrayList<>();
    private final ScheduledExecutorService timer;
    private volatile boolean stopping;
    private AutoCloseable listening = () -> {};
    private Leadership reaper = Leadership.EVERYONE;

    private Worker(Builder b) {
        this.queue = b.queue;
        this.name = b.name;
        this.concurrency = Map.copyOf(b.concurrency);
        this.handlers = Map.copyOf(b.handlers);
        this.lease = b.lease;
        this.minIdle = b.minIdle;
        this.maxIdle = b.maxIdle;
        this.shutdownDeadline = b.shutdownDeadline;
        this.prefetch = b.prefetch;
        this.handling = new Handling(queue, name, handlers, () -> stopping);
        this.timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name + "-timer").daemon().factory());
    }

    public static Builder on(Queue queue) {
        return new Builder(queue);
    }

    private Worker begin() {
        listening = queue.listenToOthers();
        reaper = queue.leadership("reaper");
        long beat = Math.max(1, lease.toMillis() / 3);
        Upkeep upkeep = new Upkeep(queue, name, running, lease, reaper);
        timer.scheduleWithFixedDelay(upkeep::heartbeatAndReap, beat, beat, TimeUnit.MILLISECONDS);
        concurrency.forEach((queueName, slots) -> {
            ExecutorService handlerThreads = Executors.newFixedThreadPool(
                    slots,
                    Thread.ofPlatform().name(name + "-" + queueName + "-", 0).factory());
            ExecutorService poller = Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name(name + "-" + queueName + "-poller").factory());
            handlerPools.add(handlerThreads);
            pollers.add(poller);
            finished.put(queueName, new ConcurrentLinkedQueue<>());
            poller.submit(() -> poll(queueName, slots, handlerThreads));
        });
        return this;
    }

    private void poll(String queueName, int slots, ExecutorService handlerThreads) {
        Semaphore free = new Semaphore(slots + prefetch);
        Signal signal = queue.signal(queueName);
        Duration idle = minIdle;
        while (!stopping) {
            try {
                if (!queue.health().permitsCalls()) {
                    // The breaker is open: a claim would be refused at once, so wait it out (or a wake-up).
                    Duration wait = queue.health().retryAfter();
                    signal.await(wait.compareTo(minIdle) > 0 ? wait : minIdle);
                    continue;
                }
                int wanted = free.availablePermits();
                List<Lease> leases = record(queueName, wanted);
                for (Lease l : leases) {
                    free.acquireUninterruptibly();
                    running.add(l);
                    futures.put(l, handlerThreads.submit(() -> {
                        try {
                            if (!handling.run(l, finished.get(queueName))) {
                                running.remove(l);
                            }
                        } finally {
                            futures.remove(l);
                            free.release();
                            signal.wake();
                        }
                    }));
                }
                idle = leases.isEmpty() ? min(idle.multipliedBy(2), maxIdle) : minIdle;
                if (leases.isEmpty() || free.availablePermits() == 0) {
                    signal.await(idle);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warn("{}: claiming from queue {} failed: {}", name, queueName, e.getMessage());
                try {
                    signal.await(maxIdle);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Records the tasks finished since the last call and claims up to {@code wanted} more, in one
     * transaction: under load, one commit covers many completions. A failed write keeps them for
     * the next call (their leases are still extended meanwhile).
     */
    private List<Lease> record(String queueName, int wanted) {
        ConcurrentLinkedQueue<Handling.Finished> pending = finished.get(queueName);
        Map<Lease, TaskOutcome> done = new LinkedHashMap<>();
        for (Handling.Finished f = pending.poll(); f != null; f = pending.poll()) {
            done.put(f.lease(), f.outcome());
        }
        if (done.isEmpty() && wanted == 0) {
            return List.of();
        }
        try {
            List<Lease> claimed = done.isEmpty()
                    ? queue.claim(queueName, wanted, name, lease)
                    : queue.completeAndClaim(done, queueName, wanted, name, lease);
            done.keySet().forEach(running::remove);
            return claimed;
        } catch (RuntimeException e) {
            done.forEach((l, outcome) -> pending.add(new Handling.Finished(l, outcome)));
            throw e;
        }
    }

    /** Tasks running right now. */
    public int inFlight() {
        return running.size();
    }

    /**
     * Stops claiming, lets running handlers finish up to the shutdown deadline, then interrupts the
     * rest and gives their tasks back to the queue (not counted as failures).
     */
    @Override
    public void close() {
        stopping = true;
        concurrency.keySet().forEach(q -> queue.signal(q).wake());
        // The pollers end first, each after the claim it may be making: every task they leased is
        // then in `running`, to finish or be given back below, and none is claimed after that.
        long deadline = System.nanoTime() + shutdownDeadline.toNanos();
        Upkeep.awaitTermination(pollers, deadline);
        Upkeep.awaitTermination(handlerPools, deadline);
        for (String queueName : concurrency.keySet()) {
            try {
                record(queueName, 0);
            } catch (RuntimeException e) {
                LOG.warn("{}: recording finished tasks of queue {} failed: {}", name, queueName, e.getMessage());
            }
        }
        for (Lease l : List.copyOf(running)) {
            Future<?> f = futures.get(l);
            if (f != null) {
                f.cancel(true);
            }
            handling.report(() -> queue.release(l), l);
        }
        pollers.forEach(ExecutorService::shutdownNow);
        handlerPools.forEach(ExecutorService::shutdownNow);
        timer.shutdownNow();
        reaper.close();
        try {
            listening.close();
        } catch (Exception e) {
            LOG.warn("{}: stopping to listen for enqueues failed: {}", name, e.getMessage());
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Which queues, how many tasks at once in each, and the handler of each task type. */
    public static final class Builder {
        private final Queue queue;
        private String name = "worker-" + ProcessHandle.current().pid();
        private final Map<String, Integer> concurrency = new HashMap<>();
        private final Map<String, TaskHandler> handlers = new HashMap<>();
        private Duration lease = Duration.ofSeconds(60);
        private Duration minIdle = Duration.ofMillis(50);
        private Duration maxIdle = Duration.ofSeconds(2);
        private Duration shutdownDeadline = Duration.ofSeconds(30);
        private int prefetch;

        private Builder(Queue queue) {
            this.queue = Objects.requireNonNull(queue, "queue");
        }

        /** The worker's name: the lease owner recorded on its tasks and attempts. */
        public Builder name(String value) {
            this.name = value;
            return this;
        }

        /** Works on {@code queueName}, at most {@code slots} tasks at once. */
        public Builder queue(String queueName, int slots) {
            if (slots < 1) {
                throw new IllegalArgumentException("slots=" + slots + ": expected 1 or more");
            }
            concurrency.put(queueName, slots);
            return this;
        }

        public Builder handler(String taskType, TaskHandler handler) {
            handlers.put(taskType, handler);
            return this;
        }

        /** How long a claim holds a task between heartbeats (sent every third of it). */
        public Builder lease(Duration value) {
            this.lease = value;
            return this;
        }

        /** The wait after an empty claim starts at {@code min} and doubles up to {@code max}. */
        public Builder idle(Duration min, Duration max) {
            this.minIdle = min;
            this.maxIdle = max;
            return this;
        }

        /**
         * Claims up to {@code extra} tasks per queue beyond its free slots, held (and their leases
         * kept alive) until a slot frees: fewer, larger transactions for short tasks. Leave it at
         * 0 for long ones, which other workers could run meanwhile.
         */
        public Builder prefetch(int extra) {
            if (extra < 0) {
                throw new IllegalArgumentException("prefetch=" + extra + ": expected 0 or more");
            }
            this.prefetch = extra;
            return this;
        }

        /** How long {@link Worker#close()} lets running handlers finish. */
        public Builder shutdownDeadline(Duration value) {
            this.shutdownDeadline = value;
            return this;
        }

        public Worker start() {
            if (concurrency.isEmpty()) {
                throw new IllegalStateException("a worker needs at least one queue: call queue(name, slots)");
            }
            return new Worker(this).begin();
        }
    }
}
