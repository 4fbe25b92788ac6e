// One member of a consumer group for the group-scale part of the bench (several of these run as child processes):
//   node bench/worker-member.mjs --namesrv H:P --topic T --group G --name m7
// Starts a PushConsumer (consume from last, a handler that does nothing), prints {"started","starting"} once start()
// resolved (starting = when start() was called),
// then one line {"t","name","queues":[...]} whenever its assignment changes (checked every 10 ms). On SIGTERM it
// closes gracefully (a leave) and prints {"closed":t}; SIGKILL from the runner is the crash case.
import { PushConsumer } from '../packages/client/dist/index.js'
import { nowMs, parseArgs, required } from './lib.mjs'

const args = parseArgs()
const name = required(args, 'name')
const topic = required(args, 'topic')
const consumer = new PushConsumer({
  nameServer: required(args, 'namesrv'),
  group: required(args, 'group'),
  instanceName: `bench-member-${name}-${process.pid}`,
  subscriptions: { [topic]: '*' },
  consumeFrom: 'last',
  concurrency: 4,
  handler: () => {},
})
consumer.on('error', () => {})
const print = (o) => process.stdout.write(JSON.stringify(o) + '\n')
let last = ''
const check = () => {
  // the group's retry topic is assigned too: only the topic's own queues count
  const queues = consumer.assignment().filter((q) => q.topic === topic).map((q) => `${q.brokerName}:${q.queueId}`).sort()
  const key = queues.join(',')
  if (key !== last) {
    last = key
    print({ t: nowMs(), name, queues })
  }
}
const starting = nowMs()
await consumer.start()
print({ started: nowMs(), starting, name })
const timer = setInterval(check, 10)
check()
process.once('SIGTERM', async () => {
  clearInterval(timer)
  const t = nowMs()
  await consumer.close({ timeoutMs: 5000 })
  print({ closed: nowMs(), closeStarted: t, name })
  process.exit(0)
})
