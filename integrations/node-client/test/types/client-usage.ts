// Compiled by test/types.test.mjs under `tsc --noEmit --strict`: a program as a user writes it.
// The test also compiles it with `idempotencyKey` misspelt, which must not compile.
import { createClient, FlowbaseError, type Task } from '@flowbase/client';

export async function main(url: string, apiKey: string): Promise<void> {
    const client = createClient({ url, apiKey, timeoutMs: 5000, retry: { deadlineMs: 10000 } });
    const task: Task = await client.tasks.create({ name: 'summarise', queue: 'llm', idempotencyKey: 'doc-42', parameters: { doc: 42 } });
    const id: string | null = task.id;
    for await (const failed of client.tasks.list({ status: 'failed' })) {
        console.log(failed.name, failed.errorMessage);
    }
    const worker = client.work('llm', async (t, { attempt, signal }) => ({ id: t.id, attempt, aborted: signal.aborted }), { concurrency: 4, batch: 8 });
    worker.on('late', (late) => console.warn(late.task.id, late.error.code));
    await worker.stop();
    try {
        await client.workflows.update(String(id), { status: 'ACTIVE' }, { ifMatch: 1 });
    } catch (e) {
        if (e instanceof FlowbaseError && e.code === 'precondition-failed') {
            console.log(e.status, e.detail, e.errors, e.retryAfter);
        }
    }
}
