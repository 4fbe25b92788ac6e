/**
 * The public view of one received message (reference/remoting-protocol.md §6). Built by the decoder
 * (message-decoder.ts): plain fields are set eagerly, hosts/properties/ids are computed on first access from the
 * raw record bytes.
 */
import { longToHex16, formatIPv6 } from './address.js';
import { NOT_ASCII, defineData, parseProperties, scanProperty } from './properties.js';
/** MessageSysFlag bits (§6.3). */
export const SysFlag = {
    COMPRESSED: 0x1,
    MULTI_TAGS: 0x2,
    TRANSACTION_NOT_TYPE: 0x0,
    TRANSACTION_PREPARED_TYPE: 0x4,
    TRANSACTION_COMMIT_TYPE: 0x8,
    TRANSACTION_ROLLBACK_TYPE: 0xc,
    TRANSACTION_MASK: 0xc,
    BORNHOST_V6: 0x10,
    STOREHOST_V6: 0x20,
    NEED_UNWRAP: 0x40,
    INNER_BATCH: 0x80,
    COMPRESSION_TYPE_MASK: 0x700,
};
/** MessageConst property keys used by the client (§6.4). */
export const MessageConst = {
    KEYS: 'KEYS',
    TAGS: 'TAGS',
    WAIT: 'WAIT',
    DELAY: 'DELAY',
    RETRY_TOPIC: 'RETRY_TOPIC',
    REAL_TOPIC: 'REAL_TOPIC',
    REAL_QID: 'REAL_QID',
    TRANSACTION_PREPARED: 'TRAN_MSG',
    PRODUCER_GROUP: 'PGROUP',
    MIN_OFFSET: 'MIN_OFFSET',
    MAX_OFFSET: 'MAX_OFFSET',
    ORIGIN_MESSAGE_ID: 'ORIGIN_MESSAGE_ID',
    RECONSUME_TIME: 'RECONSUME_TIME',
    MAX_RECONSUME_TIMES: 'MAX_RECONSUME_TIMES',
    CONSUME_START_TIME: 'CONSUME_START_TIME',
    UNIQ_KEY: 'UNIQ_KEY',
    MSG_REGION: 'MSG_REGION',
    TRACE_ON: 'TRACE_ON',
    INNER_NUM: 'INNER_NUM',
    INNER_BASE: 'INNER_BASE',
    TRANSACTION_ID: '__transactionId__',
    SHARDING_KEY: '__SHARDINGKEY',
    DLQ_ORIGIN_TOPIC: 'DLQ_ORIGIN_TOPIC',
    DLQ_ORIGIN_MESSAGE_ID: 'DLQ_ORIGIN_MESSAGE_ID',
};
export const KEY_SEPARATOR = ' ';
const EMPTY = Buffer.alloc(0);
/**
 * One received message. Plain fields are decoded eagerly (cheap numbers, the topic, the body view);
 * `bornHost`, `storeHost`, `properties`, `keys`, `tags`, `msgId` and `offsetMsgId` are computed on first
 * access from the raw record bytes, which the view keeps referenced (so a view pins its pull frame).
 *
 * Hosts are rendered as `ip:port` for IPv4 and `[ipv6]:port` (RFC 5952 compressed, bracketed) for IPv6.
 * Fields are mutable on purpose: the consumer restores `topic` for retried messages and adds `offsetDelta`
 * to `queueOffset` (§5.5).
 */
export class MessageView {
    /** The topic (the original topic for a retried message; without namespace). */
    topic = '';
    /** Set by the caller (the broker the batch was pulled from). */
    brokerName = '';
    /** The queue's index on its broker. */
    queueId = 0;
    /** The message's offset in its queue. */
    queueOffset = 0;
    /** Its physical offset in the broker's CommitLog. */
    commitLogOffset = 0;
    /** As stored, with bit 0 (COMPRESSED) cleared when the body was decompressed (Java does the same). */
    sysFlag = 0;
    /** User flag. */
    flag = 0;
    /** When the producer created it (epoch ms, the producer's clock). */
    bornTimestamp = 0;
    /** When the broker stored it (epoch ms, the broker's clock). */
    storeTimestamp = 0;
    /** How many times it was delivered again after a failure (0 on the first delivery). */
    reconsumeTimes = 0;
    /** For a transactional message: the CommitLog offset of its prepared half; 0 otherwise. */
    preparedTransactionOffset = 0;
    /** The CRC32 of the body as stored (of the compressed bytes when it was compressed). */
    bodyCRC = 0;
    /** TOTALSIZE of the record (of the inner entry for unwrapped batch members). */
    storeSize = 0;
    /** A view into the pull frame, or a fresh buffer when the body had to be decompressed. */
    body = EMPTY;
    /** @internal buffer holding the host fields (the outer record for inner-batch members). */
    _hostBuf = EMPTY;
    /** @internal */
    _bornHostPos = 0;
    /** @internal */
    _storeHostPos = 0;
    /** @internal buffer holding the raw properties bytes. */
    _propBuf = EMPTY;
    /** @internal */
    _propStart = 0;
    /** @internal */
    _propEnd = 0;
    /** @internal parsed properties, set on first `properties` access or `setProperty`. */
    _props = undefined;
    /** @internal properties set before the stored ones were parsed. */
    _extraProps = undefined;
    /** @internal */
    _offsetMsgId = undefined;
    /** The producer's address as the broker saw it: `ip:port` or `[ipv6]:port`. */
    get bornHost() {
        return formatHost(this._hostBuf, this._bornHostPos, (this.sysFlag & SysFlag.BORNHOST_V6) !== 0);
    }
    /** The storing broker's address: `ip:port` or `[ipv6]:port`. */
    get storeHost() {
        return formatHost(this._hostBuf, this._storeHostPos, (this.sysFlag & SysFlag.STOREHOST_V6) !== 0);
    }
    /** All properties, parsed on first access (treat it as read-only; see parseProperties). */
    get properties() {
        let props = this._props;
        if (props === undefined) {
            props = parseProperties(this._propBuf.toString('utf8', this._propStart, this._propEnd));
            const extra = this._extraProps;
            if (extra !== undefined) {
                for (const k of Object.keys(extra))
                    defineData(props, k, extra[k]);
                this._extraProps = undefined;
            }
            this._props = props;
        }
        return props;
    }
    /** A property by name; reads the raw bytes without parsing the whole set when possible. */
    getProperty(name) {
        const props = this._props;
        if (props !== undefined)
            return Object.hasOwn(props, name) ? props[name] : undefined;
        const extra = this._extraProps;
        if (extra !== undefined && Object.hasOwn(extra, name))
            return extra[name];
        const r = scanProperty(this._propBuf, this._propStart, this._propEnd, name);
        return r === NOT_ASCII ? this.properties[name] : r;
    }
    /**
     * Add or replace a property (the consumer sets MIN_OFFSET/MAX_OFFSET/CONSUME_START_TIME). Does not force
     * the stored properties to be parsed: additions are kept aside and merged on first `properties` access.
     */
    setProperty(name, value) {
        if (this._props !== undefined)
            defineData(this._props, name, value);
        else
            defineData((this._extraProps ??= {}), name, value);
    }
    /** KEYS split on ' ' (empty pieces dropped). */
    get keys() {
        const k = this.getProperty(MessageConst.KEYS);
        if (k === undefined)
            return [];
        return k.split(KEY_SEPARATOR).filter((s) => s.length > 0);
    }
    /** The TAGS property (one tag), if any. */
    get tags() {
        return this.getProperty(MessageConst.TAGS);
    }
    /** The client message id (UNIQ_KEY) when present, else the offset msgId (Java MessageClientExt.getMsgId). */
    get msgId() {
        return this.getProperty(MessageConst.UNIQ_KEY) ?? this.offsetMsgId;
    }
    /** Uppercase hex of storeHost ip ‖ port ‖ commitLogOffset (§6.5). */
    get offsetMsgId() {
        if (this._offsetMsgId === undefined) {
            const v6 = (this.sysFlag & SysFlag.STOREHOST_V6) !== 0;
            const p = this._storeHostPos;
            this._offsetMsgId =
                this._hostBuf.toString('hex', p, p + (v6 ? 20 : 8)).toUpperCase() + longToHex16(this.commitLogOffset);
        }
        return this._offsetMsgId;
    }
    /** The queue it came from, usable as a MessageQueue (`seek`, `commit`, `pause`). */
    get queue() {
        return { topic: this.topic, broker: this.brokerName, brokerName: this.brokerName, queueId: this.queueId };
    }
    /** A plain object for logging and `JSON.stringify`: the fields and properties, the body as its length. */
    toJSON() {
        return {
            topic: this.topic,
            brokerName: this.brokerName,
            queueId: this.queueId,
            queueOffset: this.queueOffset,
            commitLogOffset: this.commitLogOffset,
            msgId: this.msgId,
            offsetMsgId: this.offsetMsgId,
            tags: this.tags,
            keys: this.keys,
            properties: { ...this.properties },
            sysFlag: this.sysFlag,
            flag: this.flag,
            bornTimestamp: this.bornTimestamp,
            bornHost: this.bornHost,
            storeTimestamp: this.storeTimestamp,
            storeHost: this.storeHost,
            reconsumeTimes: this.reconsumeTimes,
            bodyLength: this.body.length,
        };
    }
    [Symbol.for('nodejs.util.inspect.custom')]() {
        return this.toJSON();
    }
}
/** `ip:port` / `[ipv6]:port` of the 8- or 20-byte host field at p. */
function formatHost(b, p, v6) {
    if (!v6)
        return `${b[p]}.${b[p + 1]}.${b[p + 2]}.${b[p + 3]}:${b.readInt32BE(p + 4)}`;
    return `[${formatIPv6(b, p)}]:${b.readInt32BE(p + 16)}`;
}
//# sourceMappingURL=message-view.js.map