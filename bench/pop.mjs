// POP drain against queue consumption, the Java POP consumer and the proxy's gRPC client: same cluster, same backlog,
// one run:
//   npm run build && node bench/pop.mjs --namesrv H:P [--proxy H:P(gRPC)] [--count 100000] [--size 1024] [--java true]
//        [--rows pop1,pop4,pop8,push1,push4,java1,grpc1,grpc4]   (a subset, in that order)
// Fills a 4-queue topic (2 per broker) with --count x --size bytes once, then drains it with a fresh group per row:
// ours by POP with 1, 4 and 8 member processes, ours by queue (push) with 1 and 4, (--java true) the Java 5.5.0
// DefaultMQPushConsumer by POP (setClientRebalance(false), 1 member), and (--proxy) our PushConsumer through the proxy's
// gRPC port (packages/proxy on the official rocketmq-client-nodejs; its new group's offsets are reset to the first
// message first, as the proxy starts a new group at the end). Per row: msgs/s over the group (first message of any
// member to the last message of any member), CPU seconds per 100k messages summed over the member processes (from
// each one's first message; the JVM's own /proc figure), and the ratio to the Java POP row. The load average is
// recorded before the fill and after the last row (2-core machine shared with other work: read ratios, not rates).
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { loadavg } from 'node:os'
import { Admin, Producer } from '../packages/client/dist/index.js'
import { RemotingClient } from '../packages/client/dist/remoting/remoting-client.js'
import { BENCH_DIR, ensureJavaBuild, javaArgs, javaExecutable, lastJsonLine, num, parseArgs, required } from './lib.mjs'

const args = parseArgs()
const nameServer = required(args, 'namesrv')
const count = num(args, 'count', 100_000)
const size = num(args, 'size', 1024)
const topic = `BenchPop_${Date.now().toString(36)}`

const before = { at: new Date().toISOString(), loadavg: loadavg().map((x) => +x.toFixed(2)) }
const admin = new Admin({ nameServer })
await admin.createTopic(topic, { queuesPerBroker: 2 })
const producer = new Producer({ nameServer })
const body = Buffer.alloc(size, 'x')
const t0 = Date.now()
for (let i = 0; i < count; i += 256) {
  const sends = []
  for (let j = i; j < Math.min(count, i + 256); j++) sends.push(producer.send({ topic, body }))
  await Promise.all(sends)
}
await producer.close()
process.stderr.write(`filled ${topic} with ${count} x ${size} B in ${Date.now() - t0} ms\n`)

/** Runs a child; resolves with its last JSON line (undefined if none) and the tail of its stderr. */
function runChild(command, argv) {
  return new Promise((resolve) => {
    const p = spawn(command, argv, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    p.stdout.on('data', (d) => (out += d))
    p.stderr.on('data', (d) => {
      process.stderr.write(d)
      err = (err + d).slice(-20_000)
    })
    p.on('exit', () => resolve({ json: lastJsonLine(out), stderr: err }))
  })
}

const run = async (command, argv) => (await runChild(command, argv)).json

async function ours(mode, members) {
  const group = `bench_${mode}_${members}_${Date.now().toString(36)}`
  if (mode === 'pop') await admin.setMessageRequestMode(group, topic, 'pop')
  const worker = join(BENCH_DIR, 'worker-push.mjs')
  const rows = await Promise.all(
    Array.from({ length: members }, () =>
      run(process.execPath, [worker, '--namesrv', nameServer, '--topic', topic, '--group', group, '--idle-ms', '4000', ...(mode === 'pop' ? ['--pop', 'true'] : [])]),
    ),
  )
  return summarize(`ours-${mode}`, members, rows)
}

function summarize(client, members, rows) {
  const consumed = rows.reduce((n, r) => n + (r?.consumed ?? 0), 0)
  const first = Math.min(...rows.map((r) => r?.firstEpochMs || Infinity))
  const last = Math.max(...rows.map((r) => r?.lastEpochMs || 0))
  const cpuMs = rows.reduce((n, r) => n + (r?.cpuMs ?? 0), 0)
  const errors = rows.flatMap((r) => r?.errors ?? [])
  return {
    client,
    members,
    consumed,
    duplicates: Math.max(0, consumed - count),
    msgsPerSec: Math.round((consumed * 1000) / Math.max(1, last - first)),
    cpuSecPer100k: +((cpuMs / 1000) * (100_000 / Math.max(1, consumed))).toFixed(2),
    perMember: rows.map((r) => r?.consumed ?? 0),
    ...(errors.length > 0 ? { errors: errors.slice(0, 3) } : {}),
  }
}

async function javaPop() {
  ensureJavaBuild(process.env.ROCKETMQ_VERSION ?? '5.5.0')
  const group = `bench_javapop_${Date.now().toString(36)}`
  await admin.setMessageRequestMode(group, topic, 'pop')
  const argv = javaArgs('bench.PushDrain', ['--namesrv', nameServer, '--topic', topic, '--group', group, '--count', String(count), '--pop', 'true'])
  // The Java client's start() sometimes fails on its own NameServer channel on this loaded machine
  // (RemotingSendRequestException "send request to <namesrv> failed" from MQClientInstance.updateTopicRouteInfoFromNameServer,
  // before it consumed anything): run it again, up to 3 attempts, and record each failure (as bench/run.mjs does).
  let r
  const startFailures = []
  for (let attempt = 1; attempt <= 3; attempt++) {
    const c = await runChild(javaExecutable(), argv)
    r = c.json
    if (r?.ok || r !== undefined || !/RemotingSendRequestException|RemotingConnectException|RemotingTimeoutException|MQClientException/.test(c.stderr)) break
    const cause = c.stderr.split('\n').filter((l) => l.startsWith('Caused by') || l.startsWith('Exception')).slice(-1)[0] ?? ''
    startFailures.push(cause.slice(0, 300))
  }
  if (!r?.ok) throw new Error(`Java POP consumer: ${JSON.stringify(r)} ${startFailures.join(' | ')}`)
  return {
    client: 'java-pop',
    members: 1,
    consumed: r.consumed,
    duplicates: Math.max(0, r.consumed - count),
    msgsPerSec: r.msgsPerSec,
    cpuSecPer100k: +((r.cpuMs / 1000) * (100_000 / Math.max(1, count))).toFixed(2),
    perMember: [r.consumed],
    ...(startFailures.length > 0 ? { startFailures } : {}),
  }
}

/** Our PushConsumer through the proxy's gRPC port (always POP there). */
async function grpc(members) {
  const group = `bench_grpc_${members}_${Date.now().toString(36)}`
  // the proxy starts a new group at the end of each queue: create the group on the masters (as mqadmin updateSubGroup)
  // and point its offsets at the first message before any member runs
  const route = await admin.topicRoute(topic)
  const remoting = new RemotingClient()
  for (const b of route.brokers) {
    const master = b.master
    const config = { groupName: group, consumeEnable: true, consumeBroadcastEnable: true, consumeMessageOrderly: false, retryQueueNums: 1, retryMaxTimes: 16, brokerId: 0, whichBrokerWhenConsumeSlowly: 1, notifyConsumerIdsChangedEnable: true }
    const res = await remoting.invoke(master, 200, {}, Buffer.from(JSON.stringify(config)), { timeoutMs: 5000 })
    if (res.code !== 0) throw new Error(`UPDATE_AND_CREATE_SUBSCRIPTIONGROUP ${group} on ${master}: code ${res.code} ${res.remark ?? ''}`)
  }
  await remoting.close()
  await admin.resetOffset(group, topic, { timestamp: 0 })
  const worker = join(BENCH_DIR, 'worker-push.mjs')
  const rows = await Promise.all(
    Array.from({ length: members }, () => run(process.execPath, [worker, '--proxy', proxy, '--topic', topic, '--group', group, '--idle-ms', '8000', '--timeout-ms', '240000'])),
  )
  return summarize('grpc-proxy', members, rows)
}

const uptime = () => ({ at: new Date().toISOString(), loadavg: loadavg().map((x) => +x.toFixed(2)) })
const results = []
const wanted = typeof args.rows === 'string' ? new Set(args.rows.split(',')) : undefined
const proxy = typeof args.proxy === 'string' ? args.proxy : undefined
const plan = [
  ['pop', 1],
  ['pop', 4],
  ['pop', 8],
  ['push', 1],
  ['push', 4],
  ...(args.java === 'true' || args.java === true ? [['java', 1]] : []),
  ...(proxy ? [['grpc', 1], ['grpc', 4]] : []),
]
// --rows also sets the order (e.g. java1 first, to see whether the order moves the ratios)
const order = wanted ? [...wanted].map((name) => plan.find(([m, n]) => `${m}${n}` === name)).filter(Boolean) : plan
for (const [mode, members] of order) {
  try {
    const r = mode === 'java' ? await javaPop() : mode === 'grpc' ? await grpc(members) : await ours(mode, members)
    results.push(r)
    process.stderr.write(`${JSON.stringify(r)}\n`)
  } catch (e) {
    // a row that fails is reported with its error (code, message, context: whose connection, which request)
    const error = { code: e?.code, message: e?.message, context: e?.context, cause: e?.cause?.message }
    results.push({ client: mode, members, error })
    process.stderr.write(`row ${mode}${members} failed: ${JSON.stringify(error)}\n`)
  }
}
const after = uptime()
await admin.close()
const java = results.find((r) => r.client === 'java-pop' && !r.error)
if (java) {
  for (const r of results) {
    if (r.error) continue
    r.ratioToJavaPop = +(r.msgsPerSec / java.msgsPerSec).toFixed(2)
    r.cpuRatioToJavaPop = +(r.cpuSecPer100k / java.cpuSecPer100k).toFixed(2)
  }
}
process.stdout.write(JSON.stringify({ topic, count, size, before, after, results }, null, 2) + '\n')
