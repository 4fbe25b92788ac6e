/** A message received through the proxy, shaped as the remoting transport's MessageView. */
import { MessageView } from '@rocketmq-ts/client/internal'
import type { NjsMessageView } from './transport.js'

/**
 * What the proxy cannot tell (POP hides the queue): `queueId` is -1, `brokerName` is '', `commitLogOffset`,
 * `storeTimestamp`, `sysFlag` and `bodyCRC` are 0, `storeHost` is ''. `queueOffset` is the offset in the (unknown)
 * queue. `reconsumeTimes` is the proxy's delivery attempt minus one. `msgId` is the message id (UNIQ_KEY).
 */
export class ProxyMessageView extends MessageView {
  /** @internal the gRPC client's view: its receipt handle acks, renews and retries this message. */
  readonly _grpc: NjsMessageView
  private readonly _bornHostText: string

  /** @internal built by the proxy engine from the gRPC client's message */
  constructor(v: NjsMessageView) {
    super()
    this._grpc = v
    this.topic = v.topic
    this.queueId = -1
    this.queueOffset = v.offset ?? -1
    this.bornTimestamp = v.bornTimestamp?.getTime() ?? 0
    this.reconsumeTimes = Math.max(0, (v.deliveryAttempt ?? 1) - 1)
    this.body = v.body
    this._bornHostText = v.bornHost ?? ''
    for (const [k, value] of v.properties) this.setProperty(k, value)
    this.setProperty('UNIQ_KEY', v.messageId)
    if (v.keys.length > 0) this.setProperty('KEYS', v.keys.join(' '))
    if (v.tag !== undefined && v.tag !== '') this.setProperty('TAGS', v.tag)
    if (v.messageGroup !== undefined && v.messageGroup !== '') this.setProperty('__SHARDINGKEY', v.messageGroup)
    this.setProperty('RECONSUME_TIME', String(this.reconsumeTimes))
  }

  override get bornHost(): string {
    return this._bornHostText
  }

  override get storeHost(): string {
    return ''
  }

  override get offsetMsgId(): string {
    return ''
  }
}
