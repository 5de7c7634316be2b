import type { Row } from './kpi.js';
/**
 * A stable pseudonym: `u_` + the first 10 hex digits of HMAC-SHA256(salt, user id).
 * @example pseudonym('alice@example.com', 'uptake') // 'u_' followed by 10 hex digits, the same on every run
 */
export declare function pseudonym(userId: string, salt: string): string;
/**
 * Replaces every `user_id` value in every table by its pseudonym (run before alerts, so their messages show pseudonyms too).
 * @example pseudonymizeUserIds({ power_users: [{ user_id: 'u1' }] }, 'salt').power_users[0].user_id // 'u_…'
 */
export declare function pseudonymizeUserIds(tables: Record<string, Row[]>, salt: string): Record<string, Row[]>;
