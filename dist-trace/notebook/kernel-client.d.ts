import type { Kernelspec } from './kernelspec.js';
export interface MessageHeader {
    msg_id: string;
    msg_type: string;
    session: string;
    username: string;
    date: string;
    version: string;
}
export interface KernelMessage<Content = Record<string, unknown>> {
    header: MessageHeader;
    parent_header: Partial<MessageHeader>;
    metadata: Record<string, unknown>;
    content: Content;
    buffers: Buffer[];
}
export type ExecuteOutcome = {
    kind: 'reply';
    reply: KernelMessage;
    idle: boolean;
} | {
    kind: 'timeout';
    interrupted: boolean;
    reply?: KernelMessage;
} | {
    kind: 'dead';
    reason: string;
};
export interface KernelStartOptions {
    /** Working directory of the kernel process. */
    cwd: string;
    startupTimeoutSec?: number;
    /** Missing heartbeats for this long between cells mean the kernel is dead. */
    heartbeatTimeoutSec?: number;
    /** After an interrupt, wait this long for the cell to stop before killing the kernel. */
    interruptGraceSec?: number;
    env?: NodeJS.ProcessEnv;
    /** Variables never given to the kernel, besides those `kernelMayRead` refuses: the config's secrets (`configSecretNames`). */
    withheld?: string[];
    /** Cancels a start still under way: the kernel is stopped and `start` rejects. */
    signal?: AbortSignal;
}
export interface ExecuteOptions {
    /** 0 or undefined: no limit. */
    timeoutSec?: number;
    onIopub(message: KernelMessage): void;
}
/**
 * `count` distinct ports on 127.0.0.1, free now, below the ephemeral range.
 * @example await kernelPorts(5) // [21387, 14022, 30561, 11893, 27410]
 */
export declare function kernelPorts(count: number): Promise<number[]>;
/**
 * A Jupyter kernel process and the five ZeroMQ channels to it (messaging protocol 5.3, HMAC-SHA256 signed).
 * @example
 * const kernel = await KernelClient.start(await findKernelspec('tslab'), { cwd: 'notebooks' });
 * try { await kernel.execute('console.log(1)', { onIopub: console.log }) } finally { await kernel.shutdown() }
 */
export declare class KernelClient {
    readonly spec: Kernelspec;
    private readonly zmq;
    private readonly connection;
    private readonly connectionDir;
    private readonly process;
    private readonly session;
    private readonly username;
    private readonly options;
    private readonly shell;
    private readonly control;
    private readonly stdin;
    private readonly iopub;
    private heartbeat;
    private lastPongAt;
    /** The kernel_info_reply content (language_info, implementation, ...). */
    kernelInfo: Record<string, unknown>;
    private answered;
    private exitReason;
    private output;
    private closed;
    private guard;
    private readonly shellWaiters;
    private iopubListener;
    private readonly deathListeners;
    private readonly sendQueues;
    private readonly exitHandler;
    private constructor();
    private connectTheRest;
    /** Starts the kernel described by `spec` and waits until it answers on shell and iopub. */
    static start(spec: Kernelspec, options: KernelStartOptions): Promise<KernelClient>;
    private watchProcess;
    private markDead;
    /** Why the kernel is gone, or null while it runs. */
    get deadReason(): string | null;
    private readLoop;
    private sign;
    private decode;
    private send;
    private request;
    private waitReady;
    private heartbeatLoop;
    /** Throws unless the process runs and answered a heartbeat lately (waiting up to the heartbeat timeout). */
    ensureAlive(): Promise<void>;
    /**
     * Runs `code`; iopub messages of this request go to `onIopub`. Resolves on the execute_reply
     * (plus the idle status, or 3 s after the reply), on timeout or on the kernel's death.
     */
    execute(code: string, options: ExecuteOptions): Promise<ExecuteOutcome>;
    /** Interrupts the running cell: SIGINT to the kernel's process group, or an interrupt_request. */
    interrupt(): void;
    private signal;
    private killNow;
    private waitExit;
    /** Kills the kernel's process group at once (an aborted run), then cleans up as shutdown() does. */
    kill(): Promise<void>;
    /** The same as shutdown(). */
    close(): Promise<void>;
    /** Asks the kernel to shut down, then terminates and kills it; closes the sockets. Safe to call twice. */
    shutdown(): Promise<void>;
}
