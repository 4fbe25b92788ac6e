// A minimal in-memory NameServer+broker on one TCP port, to compare client CPU per message without a JVM.
// node bench/fake-broker.mjs PORT TOPIC   (4 queues of endless 1 KiB messages; then e.g.
//   /usr/bin/time -f %U node bench/worker-pull.mjs --namesrv 127.0.0.1:PORT --topic TOPIC --group g1 --count 300000)
// Measures the client's CPU per message with no broker JVM competing for the cores (A/B of two checkouts).
import net from 'node:net'
import { encodeCommand, FrameDecoder } from '../packages/client/dist/remoting/codec.js'
import { encodeStoreMessage } from '../packages/client/dist/protocol/message-encoder.js'

const port = Number(process.argv[2]); const topic = process.argv[3]
const addr = `127.0.0.1:${port}`
const body1k = Buffer.alloc(1024, 120)
// One pull body of 32 records; QUEUEOFFSET (record start + 20, int64) and QUEUEID (+12) patched per pull.
const recs = []; for (let i = 0; i < 32; i++) recs.push(encodeStoreMessage({ topic, body: body1k, queueId: 0, queueOffset: i, properties: { UNIQ_KEY: 'AC110001000018B4AAC2' + String(i).padStart(12, '0'), WAIT: 'true', TAGS: 'TagA' } }))
const recLen = recs[0].length
const clients = new Set()
const json = (o) => Buffer.from(JSON.stringify(o))
const route = json({ brokerDatas: [{ brokerName: 'broker-a', cluster: 'c', brokerAddrs: { 0: addr } }], queueDatas: [{ brokerName: 'broker-a', readQueueNums: 4, writeQueueNums: 4, perm: 6, topicSysFlag: 0 }] })
function respond(sock, req, code, extFields = {}, body) {
  sock.write(encodeCommand({ code, language: 'JAVA', version: 401, opaque: req.opaque, flag: 1, extFields, ...(body ? { body } : {}) }))
}
net.createServer((sock) => {
  sock.setNoDelay(true)
  const dec = new FrameDecoder()
  sock.on('error', () => {})
  sock.on('data', (chunk) => {
    for (const req of dec.push(chunk)) {
      const e = req.extFields ?? {}
      switch (req.code) {
        case 105: respond(sock, req, 0, {}, route); break
        case 34: { try { const id = JSON.parse(req.body.toString()).clientID; clients.add(id); sock.once('close', () => clients.delete(id)) } catch {} respond(sock, req, 0); break }
        case 38: respond(sock, req, 0, {}, json({ consumerIdList: [...clients] })); break
        case 14: respond(sock, req, 22); break
        case 15: respond(sock, req, 0); break
        case 30: respond(sock, req, 0, { offset: '1000000000' }); break
        case 31: respond(sock, req, 0, { offset: '0' }); break
        case 35: clients.delete(e.clientID); respond(sock, req, 0); break
        case 11: {
          const off = Number(e.queueOffset); const qid = Number(e.queueId); const n = Math.min(32, Number(e.maxMsgNums))
          const buf = Buffer.allocUnsafe(recLen * n)
          for (let i = 0; i < n; i++) {
            recs[i].copy(buf, i * recLen)
            buf.writeInt32BE(qid, i * recLen + 12)
            buf.writeBigInt64BE(BigInt(off + i), i * recLen + 20)
          }
          respond(sock, req, 0, { nextBeginOffset: String(off + n), minOffset: '0', maxOffset: '1000000000', suggestWhichBrokerId: '0' }, buf)
          break
        }
        default: respond(sock, req, 0)
      }
    }
  })
}).listen(port, '127.0.0.1', () => console.log('fake broker on', addr))
