package dev.flowbase.schema;

import dev.flowbase.db.Database;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * A scratch space that a shutdown hook removes if the process is interrupted (SIGINT, SIGTERM)
 * before it is closed. The hook is registered before the space is created, so no moment exists in
 * which an interruption leaves it behind. A SIGKILL runs no hook; {@link ScratchNames#stale} lets
 * the next run catch what that leaves.
 */
final class OnInterrupt implements ScratchSpace {
    private final Runnable dropByName;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Thread hook;
    private volatile ScratchSpace scratch;

    private OnInterrupt(Runnable dropByName) {
        this.dropByName = dropByName;
        this.hook = new Thread(this::interrupted, "flowbase-scratch-cleanup");
    }

    /**
     * @param dropByName removes the space by its name, whether or not it exists yet, over a
     *     connection of its own
     * @param create makes the space
     */
    static ScratchSpace guard(Runnable dropByName, Supplier<ScratchSpace> create) {
        OnInterrupt guarded = new OnInterrupt(dropByName);
        Runtime.getRuntime().addShutdownHook(guarded.hook);
        try {
            guarded.scratch = create.get();
        } catch (RuntimeException e) {
            guarded.unhook();
            throw e;
        }
        return guarded;
    }

    @Override
    public Database database() {
        return scratch.database();
    }

    @Override
    public void close() {
        unhook();
        closeOnce();
    }

    private void unhook() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: it removes the space itself, once
        }
    }

    private void closeOnce() {
        if (closed.compareAndSet(false, true)) {
            scratch.close();
        }
    }

    /**
     * The shutdown hook. The interrupted command may be unwinding at the same moment and closing the
     * live database's pool, so the space is dropped by name over a connection of the hook's own.
     */
    private void interrupted() {
        if (closed.compareAndSet(false, true)) {
            ScratchSpace made = scratch;
            if (made != null) {
                made.database().close();
            }
            dropByName.run();
        }
    }
}
