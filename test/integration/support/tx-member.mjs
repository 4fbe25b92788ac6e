// A transactional producer in its own process that sends half messages and never decides: its local transactions
// hang until the parent test kills the process (SIGKILL), leaving the decision to a check-back at another member.
// argv: nameServer group topic body...
import { TransactionProducer } from '../../../packages/client/dist/index.js'

const [nameServer, group, topic, ...bodies] = process.argv.slice(2)
const producer = new TransactionProducer({ nameServer, group, topics: [topic], checker: () => 'unknown' })
await producer.start()
for (const body of bodies) {
  producer
    .sendInTransaction({ topic, body, keys: body }, ({ result }) => {
      process.send?.({ type: 'half', body, msgId: result.msgId, transactionId: result.transactionId })
      return new Promise(() => {})
    })
    .catch((e) => process.send?.({ type: 'error', message: String(e) }))
}
process.on('disconnect', () => process.exit(0))
