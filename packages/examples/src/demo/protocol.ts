/** Messages between the demo (parent) and its consumer instances (child processes), over the IPC channel. */
export type MemberMessage =
  | { type: 'started'; clientId: string; queues: string[] }
  | { type: 'assignment'; queues: string[] }
  /** msgIds handled since the last report (a msgId may repeat: that is a duplicate delivery). */
  | { type: 'consumed'; ids: string[] }
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
