/**
 * Tag expressions and SubscriptionData (reference/remoting-protocol.md §5.5, §7.1; Java FilterAPI).
 */
export const SUB_ALL = '*';
/** Java `String.hashCode()` over UTF-16 code units. */
export function javaHashCode(s) {
    let h = 0;
    for (let i = 0; i < s.length; i++)
        h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
    return h;
}
/**
 * Java `FilterAPI.buildSubscriptionData`: for TAG expressions, empty or `*` means all
 * (`subString="*"`, empty sets); otherwise split on `||`, trim, skip empty pieces.
 * SQL92 expressions are passed through untouched with empty sets.
 */
export function buildSubscriptionData(topic, expression, subVersion) {
    if (typeof expression !== 'string') {
        return { topic, subString: expression.sql, tagsSet: [], codeSet: [], expressionType: 'SQL92', subVersion, classFilterMode: false };
    }
    const trimmed = expression.trim();
    if (trimmed === '' || trimmed === SUB_ALL) {
        return { topic, subString: SUB_ALL, tagsSet: [], codeSet: [], expressionType: 'TAG', subVersion, classFilterMode: false };
    }
    const tagsSet = [];
    const codeSet = [];
    for (const piece of expression.split('||')) {
        const tag = piece.trim();
        if (tag.length === 0 || tagsSet.includes(tag))
            continue; // Java uses Sets
        tagsSet.push(tag);
        codeSet.push(javaHashCode(tag));
    }
    return { topic, subString: expression, tagsSet, codeSet, expressionType: 'TAG', subVersion, classFilterMode: false };
}
/**
 * Client-side re-check (§5.5 step 2, Java PullAPIWrapper.processPullResult): with a non-empty tagsSet,
 * keep only messages whose TAGS is in the set (the broker filters by hash code only). SQL92 and `*`
 * subscriptions keep everything.
 */
export function matchesTags(sub, tag) {
    if (sub.expressionType !== 'TAG' || sub.classFilterMode || sub.tagsSet.length === 0)
        return true;
    return tag !== undefined && sub.tagsSet.includes(tag);
}
//# sourceMappingURL=tag.js.map