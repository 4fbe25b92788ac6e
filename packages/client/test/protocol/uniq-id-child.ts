// Helper process for message-id.test.ts: prints one UNIQ_KEY.
import { createUniqId } from '../../src/protocol/message-id.js'

process.stdout.write(createUniqId() + '\n')
