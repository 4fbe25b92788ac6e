// A PullConsumer with auto-commit in its own process, so the test can SIGKILL it (no close, no final commit).
// argv: nameServer group topic expectedBacklog firstPoll autoCommitIntervalMs
// Reports JSON lines on fd 4 with fs.writeSync (synchronous: nothing else runs between a report and what follows).
//  1. waits until the readers fetched the whole backlog, reports 'ready'
//  2. polls exactly `firstPoll` messages, reports 'polled'
//  3. at the first auto-commit covering them (an 'offset.committed' event), synchronously polls more messages, reports
//     'frozen' with those and the last committed offsets, then blocks its thread for good: no timer (auto-commit)
//     and no socket callback can run before the parent kills it.
import { writeSync } from 'node:fs'
import { PullConsumer } from '../../../packages/client/dist/index.js'

const [nameServer, group, topic, backlogArg, firstPollArg, intervalArg] = process.argv.slice(2)
const backlog = Number(backlogArg)
const firstPoll = Number(firstPollArg)
const report = (msg) => writeSync(4, `${JSON.stringify(msg)}\n`)
const view = (m) => ({ msgId: m.msgId, brokerName: m.brokerName, queueId: m.queueId, offset: m.queueOffset })
const key = (q) => `${q.brokerName}/${q.queueId}`

process.on('disconnect', () => process.exit(0))
try {
  const consumer = new PullConsumer({
    nameServer,
    group,
    subscriptions: { [topic]: '*' },
    consumeFrom: 'first',
    autoCommit: true,
    autoCommitIntervalMs: Number(intervalArg),
  })
  let fetched = 0
  let onFetch = () => {}
  consumer.on('pull.completed', (p) => {
    if (p.queue.topic !== topic) return
    fetched += p.messages
    onFetch()
  })
  await consumer.start()
  await new Promise((resolve) => {
    onFetch = () => fetched >= backlog && resolve()
    onFetch()
  })
  report({ type: 'ready', queues: consumer.assignment().filter((q) => q.topic === topic), fetched })

  const polled = []
  while (polled.length < firstPoll) polled.push(...(await consumer.poll({ max: firstPoll - polled.length, timeoutMs: 5000 })))
  report({ type: 'polled', messages: polled.map(view) })

  const lastCommit = new Map()
  let frozen = false
  consumer.on('offset.committed', ({ offsets }) => {
    for (const o of offsets) if (o.queue.topic === topic) lastCommit.set(key(o.queue), o.offset)
    const sum = [...lastCommit.values()].reduce((s, x) => s + x, 0)
    if (frozen || sum !== firstPoll) return
    frozen = true
    // poll() takes cached messages synchronously (before its first await): they are marked consumed now, and only
    // microtasks run until the report below; then the thread blocks, so no later auto-commit can store them.
    const more = consumer.poll({ max: 10, timeoutMs: 0 })
    void more.then((batch) => {
      report({ type: 'frozen', messages: batch.map(view), lastCommit: Object.fromEntries(lastCommit) })
      // Bounded, so an orphan (parent gone before its SIGKILL) still ends.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000)
      process.exit(2)
    })
  })
} catch (e) {
  report({ type: 'error', message: String(e?.stack ?? e) })
  process.exit(1)
}
