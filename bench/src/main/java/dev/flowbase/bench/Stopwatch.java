package dev.flowbase.bench;

/** Wall-clock seconds of one run of some work. */
final class Stopwatch {
    private Stopwatch() {}

    static double seconds(Runnable work) {
        long start = System.nanoTime();
        work.run();
        return (System.nanoTime() - start) / 1e9;
    }
}
