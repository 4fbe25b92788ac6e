/** The SEND_BATCH_MESSAGE (320) body the producer sends (reference/remoting-protocol.md §6.7). */
import { RocketMQError } from '../errors.js';
import { encodeProperties } from './properties.js';
/**
 * §6.7 / Java `MessageDecoder.encodeMessages`: concatenated
 * `TOTALSIZE MAGIC(0) BODYCRC(0) FLAG BODYLEN body PROPLEN props` entries.
 */
export function encodeBatchBody(messages) {
    const props = messages.map((m) => Buffer.from(encodeProperties(m.properties), 'utf8'));
    let size = 0;
    for (let i = 0; i < messages.length; i++) {
        if (props[i].length > 32767) {
            throw new RocketMQError('ERR_MESSAGE_ENCODE', `Properties of batch message ${i} exceed 32767 bytes`);
        }
        size += 22 + messages[i].body.length + props[i].length;
    }
    const out = Buffer.allocUnsafe(size);
    let p = 0;
    for (let i = 0; i < messages.length; i++) {
        const m = messages[i];
        const pr = props[i];
        const total = 22 + m.body.length + pr.length;
        p = out.writeInt32BE(total, p);
        p = out.writeInt32BE(0, p);
        p = out.writeInt32BE(0, p);
        p = out.writeInt32BE(m.flag ?? 0, p);
        p = out.writeInt32BE(m.body.length, p);
        p += m.body.copy(out, p);
        p = out.writeInt16BE(pr.length, p);
        p += pr.copy(out, p);
    }
    return out;
}
//# sourceMappingURL=batch-body.js.map