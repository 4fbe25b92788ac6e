export interface Credentials {
    accessKey: string;
    secretKey: string;
    /** Sent (and signed) as `SecurityToken` when given; open-source brokers do not check it. */
    securityToken?: string | undefined;
}
export declare const ACCESS_KEY_FIELD = "AccessKey";
export declare const SECURITY_TOKEN_FIELD = "SecurityToken";
export declare const SIGNATURE_FIELD = "Signature";
/** The bytes the signature covers: sorted extField values (without `Signature`) then the body. */
export declare function signedContent(extFields: Readonly<Record<string, string>>, body?: Buffer): Buffer;
export declare function calculateSignature(content: Buffer, secretKey: string): string;
/** A new extFields object with `AccessKey`, `SecurityToken` (if any) and `Signature` added; the input is untouched. */
export declare function signExtFields(extFields: Readonly<Record<string, string>> | undefined, body: Buffer | undefined, credentials: Credentials): Record<string, string>;
//# sourceMappingURL=acl.d.ts.map