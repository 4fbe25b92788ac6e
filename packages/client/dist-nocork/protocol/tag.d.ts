/**
 * Tag expressions and SubscriptionData (reference/remoting-protocol.md §5.5, §7.1; Java FilterAPI).
 */
export type ExpressionType = 'TAG' | 'SQL92';
/** The subscription as sent in heartbeats (fastjson names of Java SubscriptionData). */
export interface SubscriptionData {
    topic: string;
    subString: string;
    tagsSet: string[];
    codeSet: number[];
    expressionType: ExpressionType;
    subVersion: number;
    classFilterMode: false;
}
export declare const SUB_ALL = "*";
/** Java `String.hashCode()` over UTF-16 code units. */
export declare function javaHashCode(s: string): number;
/**
 * Java `FilterAPI.buildSubscriptionData`: for TAG expressions, empty or `*` means all
 * (`subString="*"`, empty sets); otherwise split on `||`, trim, skip empty pieces.
 * SQL92 expressions are passed through untouched with empty sets.
 */
export declare function buildSubscriptionData(topic: string, expression: string | {
    sql: string;
}, subVersion: number): SubscriptionData;
/**
 * Client-side re-check (§5.5 step 2, Java PullAPIWrapper.processPullResult): with a non-empty tagsSet,
 * keep only messages whose TAGS is in the set (the broker filters by hash code only). SQL92 and `*`
 * subscriptions keep everything.
 */
export declare function matchesTags(sub: Pick<SubscriptionData, 'tagsSet' | 'expressionType' | 'classFilterMode'>, tag: string | undefined): boolean;
//# sourceMappingURL=tag.d.ts.map