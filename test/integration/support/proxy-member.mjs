// A PushConsumer through the proxy (gRPC) in its own process: rocketmq-client-nodejs verifies the proxy against the
// default roots only, so a test that uses the kit's throw-away CA starts this process with
// GRPC_DEFAULT_SSL_ROOTS_FILE_PATH=<ca.pem> (read by @grpc/grpc-js when it loads).
// argv[2]: JSON of the PushConsumer options without the handler. Reports { type: 'started', clientId },
// { type: 'message', topic, body, msgId }, { type: 'error', code, message } (start failed); { type: 'close' } ends it.
import { PushConsumer } from '../../../packages/client/dist/index.js'
import '../../../packages/proxy/dist/index.js'

const options = JSON.parse(process.argv[2])
const consumer = new PushConsumer({
  ...options,
  handler: async (m) => {
    process.send?.({ type: 'message', topic: m.topic, body: m.body.toString(), msgId: m.msgId })
  },
})
process.on('message', async (cmd) => {
  if (cmd?.type === 'close') {
    await consumer.close()
    process.exit(0)
  }
})
process.on('disconnect', () => process.exit(0))
setTimeout(() => process.exit(3), 5 * 60_000).unref()
try {
  await consumer.start()
  process.send?.({ type: 'started', clientId: consumer.clientId })
} catch (e) {
  process.send?.({ type: 'error', code: e?.code, message: String(e?.message ?? e) })
  process.exit(2)
}
