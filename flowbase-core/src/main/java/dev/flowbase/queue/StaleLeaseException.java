package dev.flowbase.queue;

import dev.flowbase.error.ErrorCode;
import dev.flowbase.error.FlowbaseException;

/**
 * A heartbeat, completion or failure for an attempt the task has moved past: its lease expired
 * and it was taken over, cancelled or finished. What the late worker reports is not recorded.
 */
public final class StaleLeaseException extends FlowbaseException {
    private static final long serialVersionUID = 1L;

    public StaleLeaseException(Lease lease, String now) {
        super(
                ErrorCode.CONFLICT,
                "task " + lease.taskId() + " attempt " + lease.attempt() + " of " + lease.owner()
                        + " no longer holds the task (it is " + now + "): the report is not recorded");
    }
}
