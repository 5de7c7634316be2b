import { createHmac } from 'node:crypto';
/**
 * A stable pseudonym: `u_` + the first 10 hex digits of HMAC-SHA256(salt, user id).
 * @example pseudonym('alice@example.com', 'uptake') // 'u_' followed by 10 hex digits, the same on every run
 */
export function pseudonym(userId, salt) {
    return `u_${createHmac('sha256', salt).update(userId).digest('hex').slice(0, 10)}`;
}
/**
 * Replaces every `user_id` value in every table by its pseudonym (run before alerts, so their messages show pseudonyms too).
 * @example pseudonymizeUserIds({ power_users: [{ user_id: 'u1' }] }, 'salt').power_users[0].user_id // 'u_…'
 */
export function pseudonymizeUserIds(tables, salt) {
    const result = {};
    for (const [name, rows] of Object.entries(tables)) {
        result[name] = rows.map((row) => typeof row.user_id === 'string' ? { ...row, user_id: pseudonym(row.user_id, salt) } : row);
    }
    return result;
}
//# sourceMappingURL=pseudonymize-user-ids.js.map