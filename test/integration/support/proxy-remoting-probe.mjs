// Probe: what our remoting transport can do through the 5.x proxy's remoting port (used by hand and by pop.test.ts).
// argv: proxyRemoting nameServer topic. Prints one JSON line per step: { step, ok, detail }.
import { Admin, Producer, PushConsumer, PullConsumer } from '../../../packages/client/dist/index.js'

const [proxy, nameServer, topic] = process.argv.slice(2)
const out = (step, ok, detail) => console.log(JSON.stringify({ step, ok, detail: String(detail ?? '').slice(0, 300) }))
const timeout = (p, ms, what) => Promise.race([p, new Promise((_, rej) => setTimeout(() => rej(new Error(`${what}: no answer within ${ms} ms`)), ms))])

const admin = new Admin({ nameServer: proxy })
try {
  const r = await timeout(admin.topicRoute(topic), 10_000, 'route')
  out('route', true, JSON.stringify(r.brokers.map((b) => [b.brokerName, b.master])))
} catch (e) { out('route', false, e.message) }
await admin.close()

const producer = new Producer({ nameServer: proxy })
try {
  const s = await timeout(producer.send({ topic, body: 'via-proxy' }), 10_000, 'send')
  out('send', true, `${s.queue.brokerName}/${s.queue.queueId}@${s.queueOffset}`)
} catch (e) { out('send', false, e.message) }

for (const mode of ['queue', 'pop']) {
  const got = []
  const c = new PushConsumer({ nameServer: proxy, group: `probe_${mode}_${Date.now()}`, subscriptions: { [topic]: '*' }, consumeFrom: 'first', ...(mode === 'pop' ? { pop: { invisibleTimeMs: 5000 } } : {}), handler: (m) => void got.push(m.body.toString()) })
  const errors = []
  c.on('error', (e) => errors.push(`${e.code}: ${e.message}`))
  c.on('pull.error', (e) => errors.push(`pull.error ${e.error.code}: ${e.error.message}`))
  try {
    await timeout(c.start(), 20_000, `${mode} start`)
    const t0 = Date.now()
    while (got.length === 0 && Date.now() - t0 < 15_000) await new Promise((r) => setTimeout(r, 200))
    out(`consume-${mode}`, got.length > 0, `received ${got.length}; assignment ${JSON.stringify(c.assignment())}; errors ${errors.slice(0, 3).join(' | ')}`)
  } catch (e) { out(`consume-${mode}`, false, `${e.code ?? ''} ${e.message}; errors ${errors.slice(0, 3).join(' | ')}`) }
  await timeout(c.close({ timeoutMs: 2000 }), 15_000, 'close').catch((e) => out(`close-${mode}`, false, e.message))
}
await producer.close()
process.exit(0)
