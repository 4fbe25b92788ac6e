export { RocketMQError, BrokerResponseError, isRocketMQError } from './errors.js'
export type { ErrorCode, ErrorContext } from './errors.js'
export { silentLogger, consoleLogger } from './logger.js'
export type { Logger } from './logger.js'
