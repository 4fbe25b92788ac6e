/**
 * What the demo shows while it runs (DemoView, drawn by render.ts) and what it returns (DemoSummary). Types only, in
 * their own file so the renderer and the runner both read them without importing each other.
 */
import type { ChildProcess } from 'node:child_process'
import type { Team } from '../teams.js'

export interface GroupSummary {
  team: Team
  group: string
  produced: number
  /** Distinct produced messages the group consumed. */
  consumed: number
  /** All deliveries, repeats included. */
  deliveries: number
  /** Deliveries beyond the first of a message (handler calls: at another member, or after a restart). */
  duplicates: number
  /** Redeliveries `dedupe` skipped at the member that had already handled them (not in `deliveries`). */
  skipped: number
  /** Produced messages the group never consumed. Must be 0. */
  lost: number
  /** Consumed messages the demo did not produce (a send that timed out but was stored). */
  unexpected: number
  /** Up to 10 lost msgIds, for diagnosis. */
  lostIds: string[]
  /** Up to 5 duplicated messages with every delivery (`instance broker:queueId@offset`), for diagnosis. */
  duplicateExamples: Array<{ msgId: string; deliveries: string[] }>
}

export interface InstanceSummary {
  label: string
  team: Team
  pid: number | undefined
  clientId: string | undefined
  consumed: number
  state: InstanceState
  exitCode: number | null
  /** Queues owned when it stopped (or now). */
  queues: string[]
}

export interface DemoSummary {
  nameServer: string
  topic: string
  queues: string[]
  produced: number
  sendFailures: number
  /** The order system's transactional sends: committed with their order row, END_TRANSACTION not delivered (left to the check-back), check-backs answered. */
  transactions: { committed: number; endErrors: number; checkBacks: number }
  groups: GroupSummary[]
  instances: InstanceSummary[]
  /** Assignment changes reported by running instances (before the final shutdown). */
  rebalances: number
  clusterStartedMs: number | null
  durationMs: number
  aborted: boolean
  /** Every group consumed every produced message. */
  ok: boolean
}

export type InstanceState = 'starting' | 'running' | 'closing' | 'stopped' | 'failed'

export interface InstanceView {
  label: string
  team: Team
  group: string
  pid: number | undefined
  clientId: string | undefined
  state: InstanceState
  queues: string[]
  consumed: number
  exitCode: number | null
  stderrTail: string[]
  child: ChildProcess
  exited: Promise<number | null>
}

export interface GroupView {
  team: Team
  group: string
  counts: Map<string, number>
  deliveries: number
  /** Redeliveries dedupe skipped. */
  skipped: number
  /** Where each message was consumed (`instance broker:queueId@offset`), kept for the duplicate report. */
  where: Map<string, string[]>
}

export interface DemoView {
  nameServer: string
  topic: string
  queues: string[]
  startedAt: number
  messages: number
  ratePerSecond: number
  produced: number
  sendFailures: number
  transactions: DemoSummary['transactions']
  phase: string
  instances: InstanceView[]
  groups: GroupView[]
  events: Array<{ at: number; text: string }>
}
