/**
 * The handler pool both push transports share: jobs (a batch of messages) wait in a FIFO, at most `concurrency` run
 * at once, one timer sweeps handler deadlines (no timer per message), `drain` waits for the jobs of some queues, and
 * `close` waits for every running job up to a deadline and then abandons (seals) the rest. What a finished job means
 * (commit, send back, ack) is the transport's `settle` callback.
 */
import { RocketMQError, toRocketMQError } from '../errors.js'
import type { MessageView } from '../protocol/message.js'
import type { MessageQueue } from '../protocol/route.js'
import { Notifier } from '../util/async.js'
import type { MessageTracer, SubToken } from '../observability/message-tracer.js'
import { HandlerCall, runHandler, type HandlerOptions } from './handler.js'

export interface PoolJob {
  readonly queue: MessageQueue
  readonly messages: MessageView[]
}

/** A running job; also the handler's context. */
export class RunningJob<J extends PoolJob> extends HandlerCall {
  /** The call's SubBefore record, when message trace is on. */
  trace: SubToken | undefined = undefined
  constructor(
    readonly job: J,
    group: string,
  ) {
    super(job.queue, group)
  }
}

export interface HandlerPoolOptions<J extends PoolJob> {
  handlers: HandlerOptions
  group: string
  model: 'clustering' | 'broadcasting'
  concurrency: number
  handlerTimeoutMs: number
  /** A job finished (error undefined = success); the slot stays taken until the returned promise settles. */
  settle(job: J, error: unknown): Promise<void> | void
  /** A job that should no longer start (its queue was revoked); it is dropped unstarted. */
  stale?(job: J): boolean
  report(err: RocketMQError): void
  /** Message trace: a SubBefore record as a job starts, a SubAfter as it finishes. */
  tracer?: MessageTracer | undefined
}

export class HandlerPool<J extends PoolJob> {
  private readonly pending: Array<J | undefined> = []
  private head = 0
  readonly running = new Set<RunningJob<J>>()
  private readonly changes = new Notifier()
  private sweepTimer?: NodeJS.Timeout
  private closed = false

  constructor(private readonly o: HandlerPoolOptions<J>) {}

  /** Jobs waiting for a slot. */
  get queued(): number {
    return this.pending.length - this.head
  }

  submit(job: J): void {
    if (this.closed) return
    this.pending.push(job)
    this.pump()
  }

  /** Forget the jobs that have not started; returns them. */
  clearPending(): J[] {
    const out = this.pending.slice(this.head).filter((j): j is J => j !== undefined)
    this.pending.length = 0
    this.head = 0
    return out
  }

  private pump(): void {
    while (!this.closed && this.running.size < this.o.concurrency && this.head < this.pending.length) {
      const job = this.pending[this.head]!
      this.pending[this.head++] = undefined
      if (this.head > 1024 && this.head * 2 > this.pending.length) {
        this.pending.splice(0, this.head)
        this.head = 0
      }
      if (this.o.stale?.(job)) continue
      this.run(job)
    }
  }

  private run(job: J): void {
    const entry = new RunningJob(job, this.o.group)
    this.running.add(entry)
    this.ensureSweep()
    if (this.o.tracer) entry.trace = this.o.tracer.before(job.messages)
    runHandler(this.o.handlers, job.messages, entry, (error) => this.finish(entry, error), this.o)
  }

  /** Complete a running job once: success, failure or timeout (whichever comes first). */
  private finish(entry: RunningJob<J>, error: unknown): void {
    if (entry.done) return
    entry.done = true
    if (entry.trace) this.o.tracer?.after(entry.trace, error)
    const cleanup = () => {
      this.running.delete(entry)
      this.changes.notify()
      this.pump()
    }
    let settled: Promise<void> | void = undefined
    try {
      settled = this.o.settle(entry.job, error)
    } catch (e) {
      this.o.report(toRocketMQError(e, 'ERR_BROKER', 'completing a message failed'))
    }
    if (!settled) return cleanup()
    settled.catch((e: unknown) => this.o.report(toRocketMQError(e, 'ERR_BROKER', 'completing a message failed'))).finally(cleanup)
  }

  /** One timer checks handler deadlines for all running jobs; it stops when nothing runs. */
  private ensureSweep(): void {
    if (this.sweepTimer) return
    const timeout = this.o.handlerTimeoutMs
    const every = Math.min(1000, Math.max(10, Math.floor(timeout / 4)))
    this.sweepTimer = setInterval(() => this.sweep(), every)
    this.sweepTimer.unref()
  }

  /** Time out handlers past handlerTimeoutMs (their signal aborts; the job settles with ERR_HANDLER_TIMEOUT). */
  sweep(now = Date.now()): void {
    const timeout = this.o.handlerTimeoutMs
    for (const entry of this.running) {
      if (entry.done || now - entry.startedAt < timeout) continue
      const q = entry.queue
      const err = new RocketMQError('ERR_HANDLER_TIMEOUT', `handler did not finish within ${timeout} ms`, {
        context: { topic: q.topic, broker: q.brokerName || undefined, queueId: q.queueId >= 0 ? q.queueId : undefined, group: entry.group },
      })
      entry.abort(err)
      this.finish(entry, err)
    }
    if (this.running.size === 0 && this.sweepTimer) {
      clearInterval(this.sweepTimer)
      this.sweepTimer = undefined
    }
  }

  /** Wait until no (unsealed) running job matches, or until the signal aborts. */
  async drain(matches: (job: J) => boolean, signal: AbortSignal): Promise<void> {
    const busy = () => {
      for (const r of this.running) if (!r.sealed && matches(r.job)) return true
      return false
    }
    while (busy() && !signal.aborted) await this.changes.wait(signal)
  }

  /**
   * Stop starting jobs, wait for the running ones until `deadline` aborts, then abandon the rest: their signals abort
   * and their late outcomes are ignored. Returns how many messages finished and how many were abandoned.
   */
  async close(deadline: AbortSignal): Promise<{ drained: number; abandoned: number; abandonedJobs: J[] }> {
    this.closed = true
    let drained = 0
    for (const r of this.running) drained += r.job.messages.length
    while (this.running.size > 0 && !deadline.aborted) await this.changes.wait(deadline)
    let abandoned = 0
    const abandonedJobs: J[] = []
    for (const r of this.running) {
      abandoned += r.job.messages.length
      abandonedJobs.push(r.job)
      r.done = true
      r.sealed = true
      r.abort(new RocketMQError('ERR_CLOSED', 'consumer closed before the handler finished'))
    }
    this.running.clear()
    if (this.sweepTimer) clearInterval(this.sweepTimer)
    this.sweepTimer = undefined
    this.changes.notify()
    return { drained: drained - abandoned, abandoned, abandonedJobs }
  }
}
