/** A queue of a topic on one broker group (Java MessageQueue). */
export interface MessageQueue {
  topic: string
  brokerName: string
  queueId: number
}
