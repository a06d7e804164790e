'use strict';

const { FlowbaseError, invalid } = require('./errors');

/**
 * Takes tasks of one queue through the HTTP worker protocol, at most `concurrency` at a time. Each
 * claimed task is handed to `onTask` and kept alive by heartbeats until the flow answers it or
 * `answerTimeoutSeconds` pass; then it is let go, its lease runs out and the server's reaper
 * returns it to the queue. Stopping gives every held task back at once.
 */
class TaskWorker {
    constructor(o) {
        this.o = Object.assign({ concurrency: 1, leaseSeconds: 30, answerTimeoutSeconds: 300, pollMs: 250, maxPollMs: 2000 }, o);
        this.held = new Map(); // task id -> {attempt, heartbeat, deadline}
        this.stopped = false;
        this.idleMs = this.o.pollMs;
        this.wakeUp = () => {};
        this.queues = this.o.client.api.queues; // @flowbase/client's worker protocol
    }

    start() {
        this.running = this.loop();
        return this;
    }

    async loop() {
        while (!this.stopped) {
            const free = this.o.concurrency - this.held.size;
            if (free <= 0) {
                await this.pause(); // woken when a task is answered or let go
                continue;
            }
            let claimed = [];
            try {
                claimed = await this.queues.claim(this.o.queue, {
                    worker: this.o.worker,
                    max: Math.min(free, 100),
                    leaseSeconds: this.o.leaseSeconds,
                });
            } catch (e) {
                this.o.onError(e);
            }
            if (this.stopped) {
                claimed.forEach((c) => this.giveBack(c.task.id, c.attempt));
                break;
            }
            claimed.forEach((c) => this.hold(c));
            this.changed();
            if (claimed.length > 0) {
                this.idleMs = this.o.pollMs;
            } else {
                await this.pause(this.idleMs);
                this.idleMs = Math.min(this.idleMs * 2, this.o.maxPollMs);
            }
        }
    }

    /** Waits `ms`, or until woken; without `ms`, only until woken. */
    pause(ms) {
        return new Promise((resolve) => {
            const timer = ms === undefined ? null : setTimeout(resolve, ms);
            this.wakeUp = () => {
                clearTimeout(timer);
                resolve();
            };
        });
    }

    hold(claimed) {
        const id = claimed.task.id;
        const attempt = claimed.attempt;
        const every = Math.max(500, (this.o.leaseSeconds * 1000) / 3);
        const heartbeat = setInterval(() => {
            this.queues
                .heartbeat(id, attempt, this.o.leaseSeconds)
                .catch((e) => {
                    if (e instanceof FlowbaseError && e.status === 409) {
                        this.letGo(id); // taken over or cancelled: the flow's answer would be refused anyway
                    }
                    this.o.onError(e);
                });
        }, every);
        const deadline = setTimeout(() => {
            this.letGo(id);
            this.o.onTimeout(claimed);
        }, this.o.answerTimeoutSeconds * 1000);
        this.held.set(id, { attempt, heartbeat, deadline });
        this.o.onTask(claimed);
    }

    /** Stops renewing a task's lease and frees its slot; the lease then runs out on the server. */
    letGo(id) {
        const h = this.held.get(id);
        if (h) {
            clearInterval(h.heartbeat);
            clearTimeout(h.deadline);
            this.held.delete(id);
            this.changed();
            this.wakeUp();
        }
        return h;
    }

    /** The flow's answer: complete with `result`, or fail with `error` when it is given. */
    async answer(id, { error, result }) {
        const h = this.letGo(id);
        if (!h) {
            throw invalid(
                `task ${id} is not held by this worker: it was answered already, or its answer came after the ` +
                    `answer timeout and the task went back to its queue`,
            );
        }
        return error === undefined ? this.queues.complete(id, h.attempt, result) : this.queues.fail(id, h.attempt, error);
    }

    giveBack(id, attempt) {
        return this.queues.release(id, attempt).catch((e) => this.o.onError(e));
    }

    /** Stops claiming and gives every held task back, ready at once for another worker. */
    async stop() {
        this.stopped = true;
        this.wakeUp();
        await this.running;
        const held = [...this.held.entries()];
        held.forEach(([id]) => this.letGo(id));
        await Promise.all(held.map(([id, h]) => this.giveBack(id, h.attempt)));
    }

    changed() {
        this.o.onChange(this.held.size);
    }
}

module.exports = { TaskWorker };
