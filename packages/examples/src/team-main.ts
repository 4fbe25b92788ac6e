/** The body of the `<team>-consumer.js` entry points: run one instance until SIGTERM/SIGINT. */
import { consoleLogger } from '@rocketmq-ts/client'
import { nameServerFromEnv, onShutdown } from './shutdown.js'
import { formatQueues, runConsumer } from './team-consumer.js'
import { TEAM_GROUPS, type Team } from './teams.js'

export async function runTeamMain(team: Team): Promise<void> {
  const nameServer = nameServerFromEnv()
  const topic = process.env['ORDER_TOPIC']
  const say = (line: string) => process.stdout.write(`[${team} ${process.pid}] ${line}\n`)
  const consumer = await runConsumer(team, {
    nameServer,
    ...(topic ? { topic } : {}),
    logger: consoleLogger('warn'),
    onAssignment: (queues) => say(`owns ${queues.length} queue(s): ${formatQueues(queues) || '-'}`),
    onConsumed: (m, result) => say(`${m.keys[0] ?? m.msgId} [${m.tags}] ${result ?? 'already done'} (${m.brokerName}:${m.queueId}@${m.queueOffset})`),
    onDeduplicated: (m, orderId) => say(`${orderId} redelivered (${m.brokerName}:${m.queueId}@${m.queueOffset}): skipped by dedupe, handled here before`),
  })
  say(`started in ${TEAM_GROUPS[team]} as ${consumer.clientId} (NameServer ${nameServer}); Ctrl-C to stop`)
  onShutdown(async () => {
    say('closing: draining in-flight messages and committing offsets')
    const r = await consumer.close()
    say(`closed: drained ${r.drained}, abandoned ${r.abandoned}, committed ${r.committed.length} queue offset(s)`)
  })
}
