// A producer in its own process, instrumented with @rocketmq-ts/opentelemetry: sends one message and reports its
// PRODUCER span's ids to the parent test over IPC, then exits.
// argv: nameServer topic
import { propagation } from '@opentelemetry/api'
import { W3CTraceContextPropagator } from '@opentelemetry/core'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { Producer } from '../../../packages/client/dist/index.js'
import { instrumentRocketMQ } from '../../../packages/opentelemetry/dist/index.js'

const [nameServer, topic] = process.argv.slice(2)
const exporter = new InMemorySpanExporter()
propagation.setGlobalPropagator(new W3CTraceContextPropagator())
const instrumentation = instrumentRocketMQ({ tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }), metrics: false })
const producer = new Producer({ nameServer })
const result = await producer.send({ topic, body: 'order paid', keys: 'otel-order' })
await producer.close()
instrumentation.disable()
const [span] = exporter.getFinishedSpans()
process.send?.({ msgId: result.msgId, traceId: span?.spanContext().traceId, spanId: span?.spanContext().spanId, kind: span?.kind, name: span?.name }, () => process.exit(0))
