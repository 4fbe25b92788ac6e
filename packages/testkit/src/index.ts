export { ROCKETMQ_VERSION, ROCKETMQ_IMAGE } from './version.js'
export { TestkitError, type TestkitErrorCode } from './errors.js'
export {
  startCluster,
  attachCluster,
  externalCluster,
  DEFAULT_JVM_OPTIONS,
  type Cluster,
  type ClusterAddresses,
  type StartClusterOptions,
  type CreateTopicOptions,
  type AdminResult,
  type JvmOptions,
  type ClusterSecurity,
  brokerAuthProperties,
  resolveVersion,
  versionFeatures,
  writeLegacyLogback,
  LEGACY_JDK17_FLAGS,
  type VersionFeatures,
} from './cluster.js'
export { createTestPki, type TestPki } from './pki.js'
export { ensureJars, ROCKETMQ_ARTIFACTS, rocketmqArtifacts, rocketmqMajor, type EnsureJarsOptions, type JarSet, type ProgressSink } from './jars.js'
export { cleanupStaleRuns, readState, type BrokerAddresses, type ClusterState, type NodeState, type ProxyAddresses, type StartTimings } from './state.js'
export {
  CLUSTER_NAME,
  BROKER_NAMES,
  BROKER_NODES,
  DEFAULT_TOPICS,
  portPlan,
  brokerSpecs,
  brokerProperties,
  proxyConfig,
  toPropertiesText,
  type BrokerName,
  type BrokerNode,
  type BrokerNodeSpec,
  type NodeName,
  type PortOptions,
  type PortPlan,
  type PropertyValue,
} from './topology.js'
export {
  remotingCall,
  type RemotingReply,
  getTopicRoute,
  getClusterInfo,
  createTopicOnBroker,
  updateBrokerConfigAt,
  getBrokerConfigAt,
  getBrokerVersionAt,
  getTopicConfigsAt,
  createUserAt,
  createAclAt,
  aclSign,
  type AdminSecurity,
  type AuthUser,
  type AuthAclEntry,
  type BrokerTopicConfig,
  parseLenientJson,
  type TopicRoute,
  type ClusterInfo,
  type BrokerData,
  type QueueData,
  type TopicSpec,
} from './remoting.js'
export { projectRoot, defaultCacheDir, defaultRunRoot, cliStateFile } from './paths.js'
export { pollUntil, processInspection, setProcessInspection, type ProcessInspection } from './proc.js'
export { parseCli, USAGE, type CliCommand } from './cli-args.js'
