import { RocketMQError, isRocketMQError, isTransportError } from '../errors.js'
import type { Logger } from '../logger.js'
import { parseTopicRoute, type TopicRouteData } from '../protocol/route.js'
import { getRouteInfo, type Invoker } from './broker-api.js'

/**
 * Talks to the NameServers: round-robin from a random start, fails over to the next address on a connection
 * error, and reports every address tried when none answers.
 */
export class NameServerClient {
  private index: number

  constructor(
    private readonly invoker: Invoker,
    readonly addresses: readonly string[],
    private readonly timeoutMs: number,
    private readonly logger: Logger,
  ) {
    this.index = Math.floor(Math.random() * addresses.length)
  }

  /** The topic's route, or undefined when the NameServer does not know the topic. */
  async getTopicRoute(topic: string, timeoutMs = this.timeoutMs): Promise<TopicRouteData | undefined> {
    const errors: string[] = []
    for (let i = 0; i < this.addresses.length; i++) {
      const address = this.addresses[(this.index + i) % this.addresses.length]!
      try {
        const body = await getRouteInfo(this.invoker, address, topic, timeoutMs)
        this.index = (this.index + i) % this.addresses.length
        return body === undefined ? undefined : parseTopicRoute(body)
      } catch (e) {
        // A NameServer that answered with an error is authoritative; only transport failures fail over. A peer that
        // sends bytes which are not RocketMQ frames (another service on that port) counts as unreachable.
        if (isRocketMQError(e) && !isTransportError(e)) throw e
        const notRocketMQ = isRocketMQError(e) && (e.code === 'ERR_FRAME_TOO_LARGE' || e.code === 'ERR_MALFORMED_FRAME')
        errors.push(`${address}: ${notRocketMQ ? 'answered with something that is not the RocketMQ protocol (another service on that port?)' : e instanceof Error ? e.message : String(e)}`)
        this.logger.warn({ address, topic, err: e }, 'NameServer request failed; trying the next one')
      }
    }
    throw new RocketMQError(
      'ERR_NAMESERVER_UNREACHABLE',
      `No NameServer answered (${errors.join('; ')}). Check the 'nameServer' option and that a NameServer is running there.`,
      { retriable: true, context: { topic, addresses: [...this.addresses] } },
    )
  }
}
