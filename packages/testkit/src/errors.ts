/** Stable codes of the testkit's errors. */
export type TestkitErrorCode =
  | 'ERR_TESTKIT_JAR_FETCH'
  | 'ERR_TESTKIT_JAVA'
  | 'ERR_TESTKIT_PORT_IN_USE'
  | 'ERR_TESTKIT_START_TIMEOUT'
  | 'ERR_TESTKIT_PROCESS_EXITED'
  | 'ERR_TESTKIT_REMOTING'
  | 'ERR_TESTKIT_ADMIN'
  | 'ERR_TESTKIT_TIMEOUT'
  | 'ERR_TESTKIT_STATE'
  | 'ERR_TESTKIT_EXTERNAL_CLUSTER'
  | 'ERR_TESTKIT_ARGUMENT'
  | 'ERR_TESTKIT_PKI'
  /** The chosen RocketMQ version has no such feature (e.g. the proxy or ACL 2.0 on 4.x). */
  | 'ERR_TESTKIT_UNSUPPORTED_VERSION'
  /** stop() found a process of the cluster still running after SIGKILL */
  | 'ERR_TESTKIT_STOP'

/** Every error the kit throws: match on `code`. */
export class TestkitError extends Error {
  /** The stable error code. */
  readonly code: TestkitErrorCode
  /** Details: the node, the address, the command that failed, ... */
  readonly context: Record<string, unknown>
  /**
   * An error with a stable code.
   * @param code the stable code
   * @param message what happened and what to do
   * @param options the cause and details
   */
  constructor(code: TestkitErrorCode, message: string, options: { cause?: unknown; context?: Record<string, unknown> } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'TestkitError'
    this.code = code
    this.context = options.context ?? {}
  }
}
