/**
 * Issue 12: a background failure nobody listens to is not silent. With no `error` listener and no logger, the first
 * error of each code becomes a Node process warning; with a listener or a logger, no warning (they hear it).
 */
import { afterEach, describe, expect, it } from 'vitest'
import { PushConsumer } from '../../src/consumer/push-consumer.js'
import { RocketMQError } from '../../src/errors.js'
import { UNHEARD_ERROR_WARNING, silentLogger, warnUnheard, type Logger } from '../../src/logger.js'
import { FakeBroker } from '../support/fake-cluster.js'
import { until, useFakeBroker } from '../support/drive.js'

let broker: FakeBroker
const open: PushConsumer[] = []
const warnings: (Error & { code?: string })[] = []
const onWarning = (w: Error & { code?: string }): void => {
  if (w.name === UNHEARD_ERROR_WARNING) warnings.push(w)
}

useFakeBroker((b) => {
  broker = b
  b.topic('T')
  warnings.length = 0
  process.on('warning', onWarning)
}, open, { timeoutMs: 10 })
afterEach(() => {
  process.off('warning', onWarning)
})

let n = 0
function consumer(extra: Record<string, unknown>): PushConsumer {
  const c = new PushConsumer(
    { nameServer: '127.0.0.1:9876', group: `G_unheard_${++n}`, subscriptions: { T: '*' }, handler: () => {}, ...extra },
    { cluster: broker.factory(`c${n}`) },
  )
  open.push(c)
  return c
}

const failingHook = (): Promise<never> => Promise.reject(new Error('onAssign exploded'))

describe('an error nobody hears', () => {
  it('onAssign throws, no listener, no logger: a process warning names the group, the code and the cause, once per code', async () => {
    const c = consumer({ onAssign: failingHook })
    await c.start()
    await until(() => warnings.length > 0, 'a process warning for the failed onAssign')
    expect(warnings).toHaveLength(1)
    expect(warnings[0]!.code).toBe('ERR_BROKER')
    expect(warnings[0]!.message).toContain(`RocketMQ consumer G_unheard_${n}`)
    expect(warnings[0]!.message).toContain('onAssign hook failed')
    expect(warnings[0]!.message).toContain("consumer.on('error'")
    // the consumer survived: it owns the queues although the hook failed
    expect(c.assignment().length).toBeGreaterThan(0)
  })

  it('warnUnheard: once per code and source; never with a logger of its own', () => {
    const seen = new Set<string>()
    const e1 = new RocketMQError('ERR_BROKER', 'first')
    expect(warnUnheard(e1, silentLogger, seen, 'src')).toBe(true)
    expect(warnUnheard(new RocketMQError('ERR_BROKER', 'second'), silentLogger, seen, 'src')).toBe(false)
    expect(warnUnheard(new RocketMQError('ERR_TIMEOUT', 'third'), silentLogger, seen, 'src')).toBe(true)
    expect(warnUnheard(new RocketMQError('ERR_AUTH', 'fourth'), { ...silentLogger }, new Set(), 'src')).toBe(false)
  })

  it('with an error listener: the listener gets it, no warning', async () => {
    const c = consumer({ onAssign: failingHook })
    const heard: RocketMQError[] = []
    c.on('error', (e) => heard.push(e))
    await c.start()
    await until(() => heard.length > 0, 'the listener hears the failed onAssign')
    expect(heard[0]!.message).toContain('onAssign hook failed')
    expect(warnings).toHaveLength(0)
  })

  it('with a logger: logged at level error, no warning', async () => {
    const lines: { obj: object; msg?: string }[] = []
    const logger: Logger = { debug: () => {}, info: () => {}, warn: () => {}, error: (obj, msg) => void lines.push({ obj, msg }) }
    const c = consumer({ onAssign: failingHook, logger })
    await c.start()
    await until(() => lines.some((l) => l.msg?.includes('onAssign hook failed') === true), 'the logger gets the failed onAssign')
    expect(warnings).toHaveLength(0)
  })
})
