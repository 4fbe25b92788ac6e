// `npm run demo`: the whole consumption model on a real cluster, in one command. See README.md.
//   DEMO_MESSAGES=1200 DEMO_RATE=40 ROCKETMQ_NAMESRV=host:port (optional: use an existing cluster)
import { runDemo } from './demo/run-demo.js'

const controller = new AbortController()
let interrupted = 0
const onSignal = () => {
  interrupted++
  if (interrupted > 1) process.exit(130) // a second Ctrl-C: leave now (the cluster's watchdog still cleans up)
  process.stderr.write('\nInterrupted: stopping the consumers and the cluster (Ctrl-C again to leave at once)\n')
  controller.abort()
}
process.on('SIGINT', onSignal)
process.on('SIGTERM', onSignal)

const num = (name: string, dflt: number) => {
  const v = process.env[name]
  return v === undefined || v === '' ? dflt : Number(v)
}

try {
  const summary = await runDemo({
    messages: num('DEMO_MESSAGES', 1200),
    ratePerSecond: num('DEMO_RATE', 40),
    signal: controller.signal,
  })
  process.exitCode = summary.ok ? 0 : 1
} catch (e) {
  process.stderr.write(`\ndemo failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`)
  process.exitCode = 1
}
