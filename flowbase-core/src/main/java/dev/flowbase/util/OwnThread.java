package dev.flowbase.util;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;

/**
 * Work started on a virtual thread of its own, so that the caller can wait for it with a bound
 * (connecting, health checks) while a driver that ignores its own timeouts goes on by itself.
 */
public final class OwnThread {
    private OwnThread() {}

    public static <T> CompletableFuture<T> start(String name, Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().name(name).start(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }
}
