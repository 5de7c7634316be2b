/**
 * Whether a process with this id exists on this machine (signal 0 checks without signalling).
 * @example pidIsAlive(process.pid) // true
 */
export function pidIsAlive(pid) {
    if (!Number.isInteger(pid) || pid <= 0)
        return false;
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        // EPERM: the process exists but belongs to another user.
        return error.code === 'EPERM';
    }
}
//# sourceMappingURL=pid-is-alive.js.map