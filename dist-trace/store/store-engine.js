import { createHash } from 'node:crypto';
/**
 * A blob's key: its bytes' SHA-256, in hexadecimal.
 * @example blobKey(new Uint8Array([97, 98, 99])) // 'ba7816bf…'
 */
export function blobKey(bytes) {
    return createHash('sha256').update(bytes).digest('hex');
}
/**
 * A queue of statements for one connection: each runs once the one asked for before it is done, whatever became
 * of it (see StoreEngine: a caller may ask for the next before awaiting the last).
 * @example const inTurn = statementQueue(); await inTurn(() => client.query('COMMIT'))
 */
export function statementQueue() {
    let behind = Promise.resolve();
    return (statement) => {
        const result = behind.then(statement, statement);
        behind = result.catch(() => undefined);
        return result;
    };
}
//# sourceMappingURL=store-engine.js.map