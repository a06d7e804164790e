// The admin page's only script of its own. Pages are HTML from the server; this adds what needs a
// browser: forms that call the JSON API (with the session's CSRF token), a confirmation naming what
// a rollback undoes, the dashboard's live updates and charts, and the logs' live tail.
'use strict';

const csrf = () => document.querySelector('meta[name="csrf-token"]').content;

function say(out, text, failed) {
    if (!out) return;
    out.textContent = text;
    out.classList.toggle('error', Boolean(failed));
}

async function callApi(method, url, body) {
    const response = await fetch(url, {
        method,
        credentials: 'same-origin',
        headers: Object.assign({ Accept: 'application/json', 'X-CSRF-Token': csrf() },
            body === undefined ? {} : { 'Content-Type': 'application/json' }),
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const answer = text ? JSON.parse(text) : null;
    if (!response.ok) {
        const problem = answer || {};
        throw new Error((problem.title || response.status) + ': ' + (problem.detail || ''));
    }
    return answer;
}

function bodyOf(form) {
    const body = {};
    for (const el of form.elements) {
        if (!el.name) continue;
        body[el.name] = el.type === 'checkbox' ? el.checked : el.value;
    }
    return body;
}

function summary(answer, field) {
    if (answer === null) return 'Done.';
    if (field) return String(answer[field]);
    if (answer.provider) return 'Connected: ' + answer.provider + ' ' + answer.serverVersion + ', round trip ' + answer.roundTripMs.toFixed(2) + ' ms, TLS ' + (answer.tls ? 'on' : 'off') + '.';
    if (answer.executed) return answer.dryRun ? answer.executed.length + ' script(s) would run.' : 'Applied ' + answer.executed.length + ' script(s).';
    if (answer.undone) return 'Undone: ' + answer.undone.map((u) => u.version).join(', ') + '.';
    if (answer.problems) return answer.problems.length === 0 ? 'Valid: every applied migration matches its script.' : answer.problems.map((p) => p.detail || JSON.stringify(p)).join('; ');
    if (answer.changes) return 'Repaired: ' + answer.changes.length + ' change(s).';
    if (answer.status && answer.id) return 'Now ' + answer.status.toLowerCase() + '.';
    if (answer.enabled !== undefined) return 'Debug mode is ' + (answer.enabled ? 'on' : 'off') + '.';
    return JSON.stringify(answer);
}

function confirmDialog(text) {
    const dialog = document.getElementById('confirm');
    document.getElementById('confirm-text').textContent = text;
    return new Promise((resolve) => {
        dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
        dialog.showModal();
    });
}

document.addEventListener('submit', async (event) => {
    const form = event.target;
    if (!form.dataset.api) return;
    event.preventDefault();
    const [method, url] = form.dataset.api.split(' ');
    const out = document.getElementById(form.dataset.show);
    const body = method === 'GET' ? undefined : bodyOf(form);
    try {
        if (form.dataset.confirmRollback !== undefined) {
            const preview = await callApi(method, url, Object.assign({}, body, { dryRun: true }));
            const versions = preview.undone.map((u) => u.version + ' (' + u.description + ')');
            if (!(await confirmDialog('Roll back to version ' + body.to + '? This undoes ' + versions.join(', ') + '.'))) {
                say(out, 'Nothing was rolled back.');
                return;
            }
            body.confirm = true;
        }
        const answer = await callApi(method, url, body);
        say(out, summary(answer, form.dataset.field));
        if (form.dataset.reload !== undefined) setTimeout(() => location.reload(), 600);
    } catch (e) {
        say(out || form, e.message, true);
        if (!out) alert(e.message);
    }
});

function badge(text) {
    const span = document.createElement('span');
    const t = String(text).toLowerCase();
    span.className = 'badge ' + (t === 'ok' ? 'good' : t === 'warning' ? 'busy' : 'bad');
    span.textContent = t;
    return span;
}

function charts() {
    const data = document.getElementById('history');
    if (!data || !window.Chart) return null;
    const points = JSON.parse(data.textContent);
    const labels = points.map((p) => new Date(p.at).toISOString().substring(11, 19));
    const line = (id, sets) => new Chart(document.getElementById(id), {
        type: 'line',
        data: { labels: labels.slice(), datasets: sets.map(([label, key]) => ({ label, data: points.map((p) => p[key]), tension: 0.2 })) },
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
    });
    return [
        line('depth-chart', [['ready', 'ready'], ['running', 'running'], ['dead', 'dead']]),
        line('throughput-chart', [['attempts ended', 'ended']]),
    ];
}

function addPoint(made, p) {
    if (!made || !p) return;
    const label = new Date(p.at).toISOString().substring(11, 19);
    const [depth, throughput] = made;
    if (depth.data.labels[depth.data.labels.length - 1] === label) return;
    for (const [chart, keys] of [[depth, ['ready', 'running', 'dead']], [throughput, ['ended']]]) {
        chart.data.labels.push(label);
        keys.forEach((k, i) => chart.data.datasets[i].data.push(p[k]));
        if (chart.data.labels.length > 240) {
            chart.data.labels.shift();
            chart.data.datasets.forEach((d) => d.data.shift());
        }
        chart.update();
    }
}

function liveDashboard(root) {
    const made = charts();
    const events = new EventSource(root.dataset.live);
    events.addEventListener('status', (e) => {
        const s = JSON.parse(e.data);
        const r = s.report;
        document.getElementById('verdict').replaceChildren(badge(r.verdict));
        const body = document.querySelector('#checks-h ~ .scroll tbody');
        if (body) {
            body.replaceChildren(...r.checks.map((c) => {
                const tr = document.createElement('tr');
                const th = document.createElement('th');
                th.scope = 'row';
                th.textContent = c.name;
                const state = document.createElement('td');
                state.append(badge(c.verdict));
                const detail = document.createElement('td');
                detail.textContent = c.detail;
                tr.append(th, state, detail);
                return tr;
            }));
        }
        const meter = document.getElementById('pool-meter');
        meter.max = r.pool.max;
        meter.value = r.pool.active;
        document.getElementById('pool-text').textContent = s.poolText;
        const alerts = document.getElementById('alerts');
        alerts.replaceChildren(...(s.alerts.length === 0 ? [Object.assign(document.createElement('li'), { className: 'empty', textContent: 'No alert is on.' })]
            : s.alerts.map((a) => {
                const li = document.createElement('li');
                li.append(badge(a.severity), ' ', Object.assign(document.createElement('strong'), { textContent: a.name }), ': ' + a.detail);
                return li;
            })));
        root.dataset.updated = r.at;
        addPoint(made, s.point);
    });
}

function followLogs(box) {
    let events = null;
    box.addEventListener('change', () => {
        if (events) {
            events.close();
            events = null;
        }
        if (!box.checked) return;
        const query = new URLSearchParams(new FormData(box.form));
        events = new EventSource(box.dataset.follow + '?' + query);
        events.addEventListener('line', (e) => {
            const body = document.querySelector('#log-lines tbody');
            const template = document.createElement('template');
            template.innerHTML = JSON.parse(e.data).row; // rendered and escaped by the server
            const row = template.content.firstElementChild;
            row.classList.add('new');
            body.prepend(row);
        });
    });
}

// The queue page's list of task changes, from GET /api/events (the session's cookie is the key):
// newest first, the last 20; EventSource reconnects with Last-Event-ID by itself.
const TASK_CHANGES = ['enqueued', 'claimed', 'succeeded', 'retrying', 'dead', 'timed_out', 'cancelled', 'released'];
function liveTaskChanges(list) {
    const events = new EventSource(list.dataset.events);
    TASK_CHANGES.forEach((change) => events.addEventListener('task.' + change, (e) => {
        const t = JSON.parse(e.data);
        list.querySelector('li.empty')?.remove();
        const li = document.createElement('li');
        li.dataset.task = t.task;
        li.dataset.change = t.change;
        li.textContent = new Date().toLocaleTimeString() + ' · ' + t.change.replace('_', ' ') + ' · queue ' + t.queue
            + ' · task ' + t.task.slice(0, 8) + (t.attempt > 0 ? ' · attempt ' + t.attempt : '');
        list.prepend(li);
        while (list.children.length > 20) list.lastElementChild.remove();
    }));
}

/** The analytics page's charts: one line per queue, from the points the page carries. */
function analyticsCharts() {
    const data = document.getElementById('analytics-data');
    if (!data || !window.Chart) return;
    const points = JSON.parse(data.textContent);
    const labels = [...new Set(points.map((p) => p.bucket))].sort();
    const queues = [...new Set(points.map((p) => p.queue))].sort();
    const chart = (id, value) => new Chart(document.getElementById(id), {
        type: 'line',
        data: {
            labels: labels.map((b) => b.substring(0, 16).replace('T', ' ')),
            datasets: queues.map((q) => ({
                label: q,
                data: labels.map((b) => {
                    const p = points.find((x) => x.queue === q && x.bucket === b);
                    return p ? value(p) : null;
                }),
                tension: 0.2,
            })),
        },
        options: { animation: false, responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } },
    });
    chart('attempts-chart', (p) => p.succeeded + p.failed);
    chart('failure-chart', (p) => Math.round(1000 * p.failureRate) / 10);
}

document.addEventListener('DOMContentLoaded', () => {
    analyticsCharts();
    const live = document.querySelector('[data-live]');
    if (live) liveDashboard(live);
    const follow = document.querySelector('[data-follow]');
    if (follow) followLogs(follow);
    const changes = document.querySelector('[data-events]');
    if (changes) liveTaskChanges(changes);
});
