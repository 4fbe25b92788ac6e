/** Drive vitest fake timers until a condition holds (fails the test if it never does within `maxMs` of fake time). */
import { vi } from 'vitest'

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
