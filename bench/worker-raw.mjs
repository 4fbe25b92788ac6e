// The ceiling: a raw puller on our remoting connection (RemotingClient + broker-api pullMessage), no consumer around it.
//   node bench/worker-raw.mjs --namesrv H:P --topic T --group G --count 100000 [--max 32]
// One long-polling pull in flight on every readable queue of the topic (masters), starting at offset 0, each answer's
// next offset pulled at once; no offset commits, no flow control, no handler, no decode beyond what pullMessage does
// (it returns lazy MessageViews). The subscription goes with every pull (sysFlag SUBSCRIPTION), so the group needs no
// heartbeat. Prints one JSON line like worker-push.mjs: msgs/s from the first message to the count-th, and CPU.
import { RemotingClient } from '../packages/client/dist/remoting/remoting-client.js'
import { PullSysFlag, getRouteInfo, pullMessage } from '../packages/client/dist/cluster/broker-api.js'
import { parseTopicRoute } from '../packages/client/dist/protocol/route.js'
import { contextSwitches, cpuMsSince, nowMs, num, parseArgs, procMemory, required } from './lib.mjs'

const args = parseArgs()
const count = num(args, 'count', 100_000)
const max = num(args, 'max', 32)
const timeoutMs = num(args, 'timeout-ms', 300_000)
const topic = required(args, 'topic')
const group = required(args, 'group')
const client = new RemotingClient({})

const t0 = nowMs()
const cpu0 = process.cpuUsage()
const routeBody = await getRouteInfo(client, required(args, 'namesrv'), topic, 5000)
if (!routeBody) throw new Error(`no route for ${topic}`)
const route = parseTopicRoute(routeBody)
const queues = []
for (const qd of route.queueDatas) {
  const bd = route.brokerDatas.find((b) => b.brokerName === qd.brokerName)
  const address = bd?.brokerAddrs.get(0)
  if (!address) continue
  for (let q = 0; q < qd.readQueueNums; q++) queues.push({ address, mq: { topic, brokerName: qd.brokerName, queueId: q } })
}

let consumed = 0
let firstAt = 0
let lastAt = 0
let cpuFirst = null
let cpuWindow = null
let pulls = 0
let done = false
const errors = []
let resolveDone
const finished = new Promise((resolve) => (resolveDone = resolve))
const timer = setTimeout(() => resolveDone('timeout'), timeoutMs)

async function loop({ address, mq }) {
  let offset = 0
  while (!done) {
    let r
    try {
      r = await pullMessage(
        client,
        address,
        { consumerGroup: group, mq, queueOffset: offset, maxMsgNums: max, sysFlag: PullSysFlag.SUSPEND | PullSysFlag.SUBSCRIPTION, commitOffset: 0, suspendTimeoutMillis: 15_000, subscription: '*', subVersion: Date.now(), expressionType: 'TAG' },
        { timeoutMs: 30_000 },
      )
    } catch (e) {
      if (done) return
      errors.push(`${mq.brokerName}:${mq.queueId} ${e?.code}: ${e?.message}`)
      await new Promise((r) => setTimeout(r, 100))
      continue
    }
    pulls++
    if (r.status === 'FOUND' || r.status === 'OFFSET_ILLEGAL' || r.status === 'NO_MATCHED_MSG') offset = r.nextBeginOffset
    const n = r.messages.length
    if (n === 0) continue
    if (consumed === 0) {
      firstAt = nowMs()
      cpuFirst = process.cpuUsage()
    }
    consumed += n
    if (consumed >= count && !done) {
      lastAt = nowMs()
      cpuWindow = cpuMsSince(cpuFirst)
      done = true
      resolveDone('count')
    }
  }
}

for (const q of queues) void loop(q)
const reason = await finished
clearTimeout(timer)
done = true
const ok = reason === 'count'
const ms = ok ? lastAt - firstAt : nowMs() - firstAt
const cpuTotalMs = cpuMsSince(cpu0)
await client.close()
const proc = procMemory()
process.stdout.write(
  JSON.stringify({
    client: 'raw-pull',
    ok,
    consumed,
    ms: Math.round(ms),
    msgsPerSec: ok && ms > 0 ? Math.round((count * 1000) / ms) : 0,
    startMs: Math.round(firstAt ? firstAt - t0 : -1),
    queues: queues.length,
    pulls,
    cpuMs: cpuWindow === null ? null : Math.round(cpuWindow),
    cpuTotalMs: Math.round(cpuTotalMs),
    peakRssMiB: proc?.hwm ? +(proc.hwm / 1024 / 1024).toFixed(1) : null,
    errors: errors.slice(0, 5),
    errorCount: errors.length,
    ...contextSwitches(),
  }) + '\n',
)
process.exit(ok ? 0 : 2)
