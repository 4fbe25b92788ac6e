/** Drive vitest fake timers until a condition holds (fails the test if it never does within `maxMs` of fake time). */
import { afterEach, beforeEach, vi } from 'vitest'
import { FakeBroker } from './fake-cluster.js'

export async function until(cond: () => boolean, what: string, maxMs = 120_000, stepMs = 5): Promise<void> {
  for (let t = 0; t <= maxMs; t += stepMs) {
    if (cond()) return
    await vi.advanceTimersByTimeAsync(stepMs)
  }
  throw new Error(`not reached within ${maxMs} ms of fake time: ${what}`)
}

/** Let fake time pass (timers and the promises they settle run). */
export async function pass(ms: number): Promise<void> {
  await vi.advanceTimersByTimeAsync(ms)
}

/** A promise with its resolve function (a gate a handler can wait on). */
export function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void
  const promise = new Promise<void>((r) => (open = r))
  return { promise, open }
}

/** Something a test opened and the fixture closes after it (consumers, producers). */
export interface Closable {
  close(opts?: { timeoutMs?: number }): Promise<unknown>
}

/**
 * The consumer-rule tests' fixture: before each test fake timers and a fresh FakeBroker (`setup` keeps it and creates
 * its topics); after each test every client in `open` is closed (fake time advanced until it is) and real timers
 * come back.
 */
export function useFakeBroker(setup: (broker: FakeBroker) => void, open: Closable[], closeOptions?: { timeoutMs: number }): void {
  beforeEach(() => {
    vi.useFakeTimers()
    setup(new FakeBroker())
  })
  afterEach(async () => {
    let closed = false
    const closing = Promise.all(open.splice(0).map((c) => c.close(closeOptions))).then(() => (closed = true))
    await until(() => closed, 'every client closed')
    await closing
    vi.useRealTimers()
  })
}
