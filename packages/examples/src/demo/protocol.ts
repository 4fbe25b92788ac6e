/** Messages between the demo (parent) and its consumer instances (child processes), over the IPC channel. */
export type MemberMessage =
  | { type: 'started'; clientId: string; queues: string[] }
  | { type: 'assignment'; queues: string[] }
  /**
   * Messages handled since the last report, as `msgId broker:queueId@offset` (a msgId may repeat: a duplicate
   * delivery; the position tells a redelivery of one stored message from a message stored twice).
   */
  | { type: 'consumed'; ids: string[] }
  /** Redeliveries `dedupe` skipped since the last report (this member had handled them; the handler did not run), as msgIds. */
  | { type: 'deduplicated'; ids: string[] }
  | { type: 'closing' }
  | { type: 'closed'; drained: number; abandoned: number; committed: number }
  | { type: 'error'; message: string }

export interface MemberArgs {
  nameServer: string
  topic: string
  team: string
  group: string
  label: string
}
