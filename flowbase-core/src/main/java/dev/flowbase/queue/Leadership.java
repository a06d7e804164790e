package dev.flowbase.queue;

/**
 * Who among the processes on one database runs a duty that must run once (the reaper): the
 * holder of a lock the database releases when the holder's connection dies, so the lead passes on
 * when its holder is killed.
 */
public interface Leadership extends AutoCloseable {
    /** Whether this process leads now, taking the lead when nobody holds it. */
    boolean lead();

    /** Gives the lead up. */
    @Override
    void close();

    /** Every process leads: for engines where duties are safe to run in each (the reaper is fenced). */
    Leadership EVERYONE = new Leadership() {
        @Override
        public boolean lead() {
            return true;
        }

        @Override
        public void close() {}
    };
}
