// A marketing team instance. Start as many as you like; the group shares the topic's queues between them:
//   ROCKETMQ_NAMESRV=127.0.0.1:9876 node packages/examples/dist/marketing-consumer.js
import { runTeamMain } from './team-main.js'

await runTeamMain('marketing')
