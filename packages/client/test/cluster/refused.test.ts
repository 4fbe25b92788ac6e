/**
 * ClientInstance: a periodic heartbeat refused by the broker ACL (what fails start()) is reported once as 'refused'
 * (the consumer then fails for good); any other heartbeat failure is only logged and retried. Fake timers, no network.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ClientInstance } from '../../src/cluster/client-instance.js'
import { RocketMQError } from '../../src/errors.js'
import { silentLogger } from '../../src/logger.js'

let ci: ClientInstance

beforeEach(() => {
  vi.useFakeTimers()
  ci = new ClientInstance({ nameServer: ['127.0.0.1:1'], logger: silentLogger, requestTimeoutMs: 1000, heartbeatIntervalMs: 1000, pollNameServerIntervalMs: 600_000 })
})

afterEach(async () => {
  await ci.close()
  vi.useRealTimers()
})

describe('periodic heartbeat', () => {
  it.each([
    ['ERR_AUTH', true],
    ['ERR_FORBIDDEN', true],
    ['ERR_TIMEOUT', false],
    ['ERR_BROKER', false],
  ] as const)('%s from the heartbeat -> refused: %s', async (code, refused) => {
    const seen: RocketMQError[] = []
    ci.onRefused((e) => seen.push(e))
    let calls = 0
    ci.sendHeartbeatToAllBrokers = async () => {
      calls++
      throw new RocketMQError(code, `heartbeat ${code}`)
    }
    ci.start()
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toBe(1)
    expect(seen.map((e) => e.code)).toEqual(refused ? [code] : [])
  })
})
