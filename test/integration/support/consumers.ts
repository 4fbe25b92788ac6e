/** Helpers for consumer tests: produce with ids, collect deliveries, child-process members. */
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll } from 'vitest'
import { Producer, type MessageQueue, type MessageView } from '@rocketmq-ts/client'
import type { Cluster } from '@rocketmq-ts/testkit'
import { clusterControl } from '../helpers.js'

/**
 * Sends `n` messages and returns their ids in send order. `queues`: message j goes to `queues[j % queues.length]`, for
 * tests that need every queue to get messages (without it the producer picks, and its latency fault avoidance may
 * put a broker that answered one send slowly on a loaded machine aside, so that broker's queues get nothing).
 */
export async function produce(
  producer: Producer,
  topic: string,
  n: number,
  opts: { prefix?: string; tags?: (i: number) => string; queues?: readonly MessageQueue[] } = {},
): Promise<string[]> {
  const ids: string[] = []
  const prefix = opts.prefix ?? 'm'
  const queues = opts.queues ?? []
  // Batches of 16 sends in flight keep it fast without reordering guarantees we do not need.
  for (let i = 0; i < n; i += 16) {
    const chunk = []
    for (let j = i; j < Math.min(n, i + 16); j++) {
      const message = { topic, body: `${prefix}-${j}`, keys: [`${prefix}-${j}`], tags: opts.tags?.(j) ?? 'T' }
      chunk.push(queues.length > 0 ? producer.send(message, { queue: queues[j % queues.length]! }) : producer.send(message))
    }
    for (const r of await Promise.all(chunk)) ids.push(r.msgId)
  }
  return ids
}

export class Collector {
  readonly counts = new Map<string, number>()
  readonly messages: MessageView[] = []
  private waiters: Array<() => void> = []

  add = (m: MessageView): void => {
    this.counts.set(m.msgId, (this.counts.get(m.msgId) ?? 0) + 1)
    this.messages.push(m)
    const w = this.waiters
    this.waiters = []
    for (const f of w) f()
  }

  addId(id: string): void {
    this.counts.set(id, (this.counts.get(id) ?? 0) + 1)
    const w = this.waiters
    this.waiters = []
    for (const f of w) f()
  }

  get unique(): number {
    return this.counts.size
  }

  get duplicates(): number {
    let d = 0
    for (const c of this.counts.values()) d += c - 1
    return d
  }

  missing(ids: readonly string[]): string[] {
    return ids.filter((id) => !this.counts.has(id))
  }

  /** Resolves when `cond` holds, re-checked at every delivery; rejects after timeoutMs with `what` and the state. */
  async until(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs
    while (!cond()) {
      const remaining = deadline - Date.now()
      if (remaining <= 0) throw new Error(`timed out waiting for ${what} (unique=${this.unique}, duplicates=${this.duplicates})`)
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.min(remaining, 1000))
        this.waiters.push(() => {
          clearTimeout(t)
          resolve()
        })
      })
    }
  }
}

export interface ChildMember {
  proc: ChildProcess
  clientId: string
  queues: MessageQueue[]
  closed: Promise<void>
  close(): Promise<void>
}

/** Start a group member in a child process; deliveries are added to `collector`. */
export async function startChildMember(nameServer: string, group: string, topic: string, collector: Collector, onAssignment?: (q: MessageQueue[]) => void): Promise<ChildMember> {
  const script = fileURLToPath(new URL('./member.mjs', import.meta.url))
  const proc = fork(script, [nameServer, group, topic], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const member = { proc, clientId: '', queues: [] as MessageQueue[] } as ChildMember
  member.closed = new Promise<void>((resolve) => proc.once('exit', () => resolve()))
  member.close = async () => {
    if (proc.exitCode !== null || proc.signalCode !== null) return
    proc.send({ type: 'close' })
    await member.closed
  }
  await new Promise<void>((resolve, reject) => {
    proc.on('message', (msg: { type: string; msgId: string; clientId: string; queues: MessageQueue[] }) => {
      if (msg.type === 'message') collector.addId(msg.msgId)
      else if (msg.type === 'assignment') {
        member.queues = msg.queues
        onAssignment?.(msg.queues)
      } else if (msg.type === 'started') {
        member.clientId = msg.clientId
        member.queues = msg.queues
        resolve()
      }
    })
    proc.once('exit', (code) => reject(new Error(`member exited early with ${code}`)))
  })
  return member
}

export interface Closable {
  close(): Promise<unknown>
}

export interface ConsumerSuite {
  /** The run's cluster (valid inside tests). */
  readonly cluster: Cluster
  /** One producer for the file. */
  readonly producer: Producer
  /** Close this after the file's tests (consumers a test could not close itself). */
  track<T extends Closable>(c: T): T
}

/** The lifecycle every consumer test file shares: cluster handle and producer before, close everything after. */
export function consumerSuite(): ConsumerSuite {
  let cluster: Cluster | undefined
  let producer: Producer | undefined
  const open: Closable[] = []
  beforeAll(async () => {
    cluster = await clusterControl()
    producer = new Producer({ nameServer: cluster.nameServer })
  })
  afterAll(async () => {
    for (const c of open.splice(0)) await c.close().catch(() => undefined)
    await producer?.close()
  })
  return {
    get cluster() {
      if (!cluster) throw new Error('consumerSuite: cluster used outside a test')
      return cluster
    },
    get producer() {
      if (!producer) throw new Error('consumerSuite: producer used outside a test')
      return producer
    },
    track: (c) => {
      open.push(c)
      return c
    },
  }
}
