// Decode throughput of a pull body: 32 records x 1 KiB body, realistic properties.
// Usage: npx tsc -b && node bench/decode.mjs [--seconds 2] [--json]
// One core, one thread; reports messages/second for three consumer access patterns.
import { performance } from 'node:perf_hooks'
import { decodeMessages } from '../packages/client/dist/protocol/message.js'
import { encodeStoreMessage } from '../packages/client/dist/protocol/message-encoder.js'
import { createUniqId } from '../packages/client/dist/protocol/message-id.js'

const args = process.argv.slice(2)
const seconds = Number(args[args.indexOf('--seconds') + 1]) || 2
const asJson = args.includes('--json')

const BATCH = 32
const records = []
for (let i = 0; i < BATCH; i++) {
  records.push(
    encodeStoreMessage({
      topic: 'TopicOrderPaySuccess',
      body: Buffer.alloc(1024, 0x61 + (i % 26)),
      queueId: 3,
      queueOffset: 1_000_000 + i,
      commitLogOffset: 5_000_000_000 + i * 1300,
      bornTimestamp: Date.now(),
      storeTimestamp: Date.now(),
      bornHost: '10.0.0.5:53412',
      storeHost: '10.0.0.1:10911',
      properties: {
        UNIQ_KEY: createUniqId(),
        KEYS: `order-${100000 + i}`,
        TAGS: 'paid',
        WAIT: 'true',
        orderType: 'normal',
        region: 'cn-east-1',
        MIN_OFFSET: '0',
        MAX_OFFSET: '1000032',
      },
    }),
  )
}
const body = Buffer.concat(records)

const scenarios = {
  // what every consumer touches: topic, offset, body size (flow control)
  plain: (msgs) => {
    let s = 0
    for (const m of msgs) s += m.queueOffset + m.body.length + m.topic.length
    return s
  },
  // + msgId and tags (scanned from the raw properties bytes, no full parse)
  'msgId+tags': (msgs) => {
    let s = 0
    for (const m of msgs) s += m.queueOffset + m.body.length + m.topic.length + m.msgId.length + (m.tags?.length ?? 0)
    return s
  },
  // + the whole properties map (handler reads message.properties)
  'all properties': (msgs) => {
    let s = 0
    for (const m of msgs) s += m.queueOffset + m.body.length + m.msgId.length + Object.keys(m.properties).length
    return s
  },
}

function run(fn) {
  let sink = 0
  // warm-up
  const warmEnd = performance.now() + 300
  while (performance.now() < warmEnd) sink += fn(decodeMessages(body, { brokerName: 'broker-a' }))
  let batches = 0
  const t0 = performance.now()
  const end = t0 + seconds * 1000
  let now = t0
  while (now < end) {
    for (let k = 0; k < 100; k++) sink += fn(decodeMessages(body, { brokerName: 'broker-a' }))
    batches += 100
    now = performance.now()
  }
  const elapsed = (now - t0) / 1000
  return { msgsPerSec: Math.round((batches * BATCH) / elapsed), nsPerMsg: Math.round((elapsed * 1e9) / (batches * BATCH)), sink }
}

const results = {}
for (const [name, fn] of Object.entries(scenarios)) results[name] = run(fn)

if (asJson) {
  process.stdout.write(JSON.stringify({ node: process.version, batch: BATCH, bodyBytes: body.length, results }, null, 2) + '\n')
} else {
  process.stdout.write(`decode: ${BATCH} x 1 KiB records per pull body (${body.length} bytes), node ${process.version}\n`)
  for (const [name, r] of Object.entries(results)) {
    process.stdout.write(`  ${name.padEnd(16)} ${(r.msgsPerSec / 1e6).toFixed(2).padStart(6)} M msgs/s  (${r.nsPerMsg} ns/msg)\n`)
  }
}
