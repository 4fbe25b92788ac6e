/**
 * One consumer instance of the demo, in its own process: the real team consumer (runConsumer) plus reporting to the
 * demo over IPC. SIGTERM/SIGINT close it gracefully; so does the demo going away (IPC disconnect).
 */
import { consoleLogger } from '@rocketmq-ts/client'
import { runConsumer } from '../team-consumer.js'
import { TEAMS, type Team } from '../teams.js'
import type { MemberArgs, MemberMessage } from './protocol.js'

const args = JSON.parse(process.argv[2] ?? '{}') as MemberArgs
if (!TEAMS.includes(args.team as Team)) throw new Error(`unknown team ${args.team}`)

function send(m: MemberMessage): Promise<void> {
  return new Promise((resolve) => {
    if (!process.connected || !process.send) return resolve()
    process.send(m, undefined, {}, () => resolve())
  })
}

let pending: string[] = []
let skipped: string[] = []
const flush = async () => {
  if (skipped.length > 0) {
    const ids = skipped
    skipped = []
    await send({ type: 'deduplicated', ids })
  }
  if (pending.length === 0) return
  const ids = pending
  pending = []
  await send({ type: 'consumed', ids })
}
const timer = setInterval(() => void flush(), 200)

// Only the order topic's queues (the assignment also lists the group's %RETRY% queues).
const queueNames = (qs: ReadonlyArray<{ topic: string; brokerName: string; queueId: number }>) =>
  qs.filter((q) => q.topic === args.topic).map((q) => `${q.brokerName}:${q.queueId}`)

const consumer = await runConsumer(args.team as Team, {
  nameServer: args.nameServer,
  topic: args.topic,
  group: args.group,
  consumeFrom: 'first',
  rebalanceIntervalMs: 5000,
  logger: consoleLogger((process.env['DEMO_LOG_LEVEL'] as 'error' | undefined) ?? 'error'),
  onConsumed: (m) => void pending.push(`${m.msgId} ${m.brokerName}:${m.queueId}@${m.queueOffset}`),
  onDeduplicated: (m) => void skipped.push(m.msgId),
  onAssignment: (queues) => void send({ type: 'assignment', queues: queueNames(queues) }),
})
await send({ type: 'started', clientId: consumer.clientId, queues: queueNames(consumer.assignment()) })

let closing = false
async function shutdown(code: number): Promise<void> {
  if (closing) return
  closing = true
  await send({ type: 'closing' })
  const r = await consumer.close()
  clearInterval(timer)
  await flush()
  await send({ type: 'closed', drained: r.drained, abandoned: r.abandoned, committed: r.committed.length })
  process.exit(code)
}
const onSignal = () => void shutdown(0).catch(() => process.exit(1))
process.on('SIGTERM', onSignal)
process.on('SIGINT', onSignal)
process.on('disconnect', onSignal)
