/**
 * rocketmq-ts: a small terminal view of a cluster, built on `Admin`.
 *
 *   rocketmq-ts describe-group <group> --name-server 127.0.0.1:9876 [--topic T]... [--retry] [--json]
 *   rocketmq-ts topic-route <topic> --name-server ...
 *   rocketmq-ts topic-stats <topic> --name-server ...
 *
 * `--name-server` defaults to $ROCKETMQ_NAMESRV. Exit codes: 0 ok, 1 failed (the error code is printed), 2 usage.
 */
import { parseArgs } from 'node:util';
import { Admin } from './index.js';
import { RETRY_PREFIX } from './protocol/namespace.js';
import { isRocketMQError } from './errors.js';
const USAGE = `usage:
  rocketmq-ts describe-group <group> [--name-server host:port] [--topic T]... [--retry] [--json]
  rocketmq-ts topic-route <topic> [--name-server host:port] [--json]
  rocketmq-ts topic-stats <topic> [--name-server host:port] [--json]
options:
  -n, --name-server  NameServer address(es), 'host:port;host:port' (default $ROCKETMQ_NAMESRV)
  -t, --topic        describe-group: also look at this topic (repeatable)
      --retry        describe-group: include the group's %RETRY% queues
      --json         print the result as JSON
      --timeout      request timeout in ms (default 3000)
  -h, --help`;
/** Left-aligned columns, two spaces apart. */
export function table(header, rows) {
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ').trimEnd();
    return [line(header), ...rows.map(line)].join('\n');
}
const time = (ms) => (ms === undefined ? '-' : new Date(ms).toISOString().replace('T', ' ').slice(0, 19));
export function renderGroup(d) {
    const out = [];
    out.push(`group ${d.group}: ${d.state}${d.messageModel ? `, ${d.messageModel}` : ''}${d.consumeType ? `, ${d.consumeType}` : ''}, ${d.members.length} member(s), total lag ${d.totalLag}`);
    if (d.members.length > 0) {
        out.push('');
        out.push(table(['MEMBER', 'ADDRESS', 'LANGUAGE', 'VERSION', 'QUEUES', 'SUBSCRIPTIONS'], d.members.map((m) => [
            m.clientId,
            m.address,
            m.language,
            m.version,
            m.runningInfoError ? `? (${m.runningInfoError.code})` : String(m.queues.filter((q) => !q.topic.startsWith(RETRY_PREFIX)).length),
            m.subscriptions.filter((s) => !s.topic.startsWith(RETRY_PREFIX)).map((s) => `${s.topic}=${s.type === 'SQL92' ? `sql(${s.expression})` : s.expression}`).join(' '),
        ])));
    }
    out.push('');
    out.push(table(['TOPIC', 'BROKER', 'QID', 'OWNER', 'COMMITTED', 'BROKER-MAX', 'LAG', 'INFLIGHT', 'LAST-CONSUMED', 'SLAVE'], d.queues.map((q) => [
        q.queue.topic,
        q.queue.brokerName,
        String(q.queue.queueId),
        q.owner ?? '-',
        String(q.committedOffset),
        String(q.brokerOffset),
        String(q.lag),
        String(q.inflight),
        time(q.lastConsumeTimestamp),
        q.readFromSlave === undefined ? '?' : q.readFromSlave ? 'yes' : 'no',
    ])));
    return out.join('\n');
}
function renderRoute(r) {
    return table(['BROKER', 'CLUSTER', 'MASTER', 'REPLICAS', 'READ', 'WRITE', 'PERM'], r.brokers.map((b) => [b.brokerName, b.cluster, b.master ?? '(down)', b.replicas.map((x) => `${x.brokerId}=${x.address}`).join(' '), String(b.readQueues), String(b.writeQueues), String(b.perm)]));
}
function renderStats(s) {
    return table(['BROKER', 'QID', 'MIN', 'MAX', 'LAST-STORED'], s.queues.map((q) => [q.queue.brokerName, String(q.queue.queueId), String(q.minOffset), String(q.maxOffset), time(q.lastStoreTimestamp)]));
}
export async function main(argv, io = { out: (s) => void process.stdout.write(`${s}\n`), err: (s) => void process.stderr.write(`${s}\n`) }) {
    let parsed;
    try {
        parsed = parseArgs({
            args: argv,
            strict: true,
            allowPositionals: true,
            options: {
                'name-server': { type: 'string', short: 'n' },
                topic: { type: 'string', short: 't', multiple: true },
                retry: { type: 'boolean' },
                json: { type: 'boolean' },
                timeout: { type: 'string' },
                help: { type: 'boolean', short: 'h' },
            },
        });
    }
    catch (e) {
        io.err(`${e instanceof Error ? e.message : String(e)}\n${USAGE}`);
        return 2;
    }
    const { values, positionals } = parsed;
    if (values.help) {
        io.out(USAGE);
        return 0;
    }
    const [command, name, ...extra] = positionals;
    if (command === undefined || name === undefined || extra.length > 0 || !['describe-group', 'topic-route', 'topic-stats'].includes(command)) {
        io.err(USAGE);
        return 2;
    }
    const nameServer = values['name-server'] ?? process.env['ROCKETMQ_NAMESRV'];
    if (nameServer === undefined || nameServer === '') {
        io.err(`give --name-server host:port (or set ROCKETMQ_NAMESRV)\n${USAGE}`);
        return 2;
    }
    const timeout = values.timeout === undefined ? undefined : Number(values.timeout);
    if (timeout !== undefined && (!Number.isInteger(timeout) || timeout <= 0)) {
        io.err(`--timeout must be a positive integer (ms), got '${values.timeout}'`);
        return 2;
    }
    let admin;
    try {
        admin = new Admin({ nameServer, ...(timeout === undefined ? {} : { requestTimeoutMs: timeout }) });
        if (command === 'describe-group') {
            const d = await admin.describeGroup(name, { ...(values.topic ? { topics: values.topic } : {}), includeRetryTopic: values.retry === true });
            io.out(values.json ? JSON.stringify(d, (k, v) => (k === 'runningInfoError' && v instanceof Error ? { code: v.code, message: v.message } : v), 2) : renderGroup(d));
        }
        else if (command === 'topic-route') {
            const r = await admin.topicRoute(name);
            io.out(values.json ? JSON.stringify(r, null, 2) : renderRoute(r));
        }
        else {
            const s = await admin.topicStats(name);
            io.out(values.json ? JSON.stringify(s, null, 2) : renderStats(s));
        }
        return 0;
    }
    catch (e) {
        io.err(isRocketMQError(e) ? `${e.code}: ${e.message}` : String(e));
        return 1;
    }
    finally {
        await admin?.close().catch(() => undefined);
    }
}
//# sourceMappingURL=cli.js.map