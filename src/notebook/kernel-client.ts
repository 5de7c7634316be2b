import { spawn, type ChildProcess } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { UptakeError } from '../errors.js';
import { guardChild, type ChildGuard } from '../util/guard-child.js';
import type { Kernelspec } from './kernelspec.js';
import { kernelEnvironment } from './kernel-environment.js';

type Zmq = typeof import('zeromq');
type Socket = import('zeromq').Dealer | import('zeromq').Subscriber | import('zeromq').Request;

const DELIMITER = Buffer.from('<IDS|MSG>');
const PROTOCOL_VERSION = '5.3';

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

export type ExecuteOutcome =
  | { kind: 'reply'; reply: KernelMessage; idle: boolean }
  | { kind: 'timeout'; interrupted: boolean; reply?: KernelMessage }
  | { kind: 'dead'; reason: string };

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

interface ConnectionInfo {
  transport: 'tcp';
  ip: string;
  shell_port: number;
  iopub_port: number;
  stdin_port: number;
  control_port: number;
  hb_port: number;
  key: string;
  signature_scheme: 'hmac-sha256';
  kernel_name: string;
}

/** The lowest port a kernel is given. */
const LOWEST_KERNEL_PORT = 10_000;
/** Where the ephemeral range starts when the system does not say: no common default starts lower. */
const EPHEMERAL_START = 32_768;

// A connection's own source port comes from the ephemeral range (Linux: ip_local_port_range; elsewhere from
// 49152): a kernel port outside it is never met by a connection to itself, nor by a listener that asked the
// system for any free port. Ports are picked at random below the range, and each is checked by binding it.
/**
 * `count` distinct ports on 127.0.0.1, free now, below the ephemeral range.
 * @example await kernelPorts(5) // [21387, 14022, 30561, 11893, 27410]
 */
export async function kernelPorts(count: number): Promise<number[]> {
  const below = Math.min(await ephemeralStart(), EPHEMERAL_START);
  const ports = new Set<number>();
  for (let attempt = 0; ports.size < count; attempt += 1) {
    if (attempt === 1000) throw new UptakeError('environment', `expected ${count} free ports on 127.0.0.1 between ${LOWEST_KERNEL_PORT} and ${below - 1} for the kernel, found ${ports.size}`);
    const port = LOWEST_KERNEL_PORT + Math.floor(Math.random() * (below - LOWEST_KERNEL_PORT));
    if (!ports.has(port) && (await isFree(port))) ports.add(port);
  }
  return [...ports];
}

async function ephemeralStart(): Promise<number> {
  try {
    const [start] = (await readFile('/proc/sys/net/ipv4/ip_local_port_range', 'utf8')).trim().split(/\s+/).map(Number);
    return Number.isInteger(start) && start > LOWEST_KERNEL_PORT ? start : EPHEMERAL_START;
  } catch {
    return EPHEMERAL_START;
  }
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

function tail(text: string, max = 2000): string {
  const trimmed = text.trim();
  return trimmed.length > max ? `...${trimmed.slice(-max)}` : trimmed;
}

/**
 * A Jupyter kernel process and the five ZeroMQ channels to it (messaging protocol 5.3, HMAC-SHA256 signed).
 * @example
 * const kernel = await KernelClient.start(await findKernelspec('tslab'), { cwd: 'notebooks' });
 * try { await kernel.execute('console.log(1)', { onIopub: console.log }) } finally { await kernel.shutdown() }
 */
export class KernelClient {
  readonly spec: Kernelspec;
  private readonly zmq: Zmq;
  private readonly connection: ConnectionInfo;
  private readonly connectionDir: string;
  private readonly process: ChildProcess;
  private readonly session = randomUUID();
  private readonly username = safeUsername();
  private readonly options: Required<Omit<KernelStartOptions, 'env' | 'signal' | 'withheld'>>;
  private readonly shell: import('zeromq').Dealer;
  private readonly control: import('zeromq').Dealer;
  private readonly stdin: import('zeromq').Dealer;
  private readonly iopub: import('zeromq').Subscriber;
  private heartbeat: import('zeromq').Request | null = null;
  private lastPongAt = 0;
  /** The kernel_info_reply content (language_info, implementation, ...). */
  kernelInfo: Record<string, unknown> = {};
  private answered = false;
  private exitReason: string | null = null;
  private output = '';
  private closed = false;
  private guard: ChildGuard | null = null;
  private readonly shellWaiters = new Map<string, (message: KernelMessage) => void>();
  private iopubListener: ((message: KernelMessage) => void) | null = null;
  private readonly deathListeners = new Set<(reason: string) => void>();
  private readonly sendQueues = new Map<Socket, Promise<void>>();
  private readonly exitHandler = () => {
    this.killNow();
    rmSync(this.connectionDir, { recursive: true, force: true });
  };

  private constructor(spec: Kernelspec, zmq: Zmq, connection: ConnectionInfo, connectionDir: string, child: ChildProcess, options: KernelStartOptions) {
    this.spec = spec;
    this.zmq = zmq;
    this.connection = connection;
    this.connectionDir = connectionDir;
    this.process = child;
    this.options = {
      cwd: options.cwd,
      startupTimeoutSec: options.startupTimeoutSec ?? 60,
      heartbeatTimeoutSec: options.heartbeatTimeoutSec ?? 30,
      interruptGraceSec: options.interruptGraceSec ?? 5,
    };
    const url = (port: number) => `tcp://${connection.ip}:${port}`;
    this.shell = new zmq.Dealer({ linger: 0 });
    this.control = new zmq.Dealer({ linger: 0 });
    this.stdin = new zmq.Dealer({ linger: 0 });
    this.iopub = new zmq.Subscriber({ linger: 0 });
    this.iopub.subscribe();
    // Only shell connects now; the others once the kernel has answered there (see connectTheRest).
    this.shell.connect(url(connection.shell_port));
    void this.readLoop(this.shell, (message) => this.shellWaiters.get(message.parent_header.msg_id ?? '')?.(message));
    void this.readLoop(this.control, (message) => this.shellWaiters.get(message.parent_header.msg_id ?? '')?.(message));
    void this.readLoop(this.stdin, () => undefined);
    void this.readLoop(this.iopub, (message) => this.iopubListener?.(message));
  }

  // A socket that connects before the kernel has bound its port retries every 0.1 s, and can meet another
  // socket there: another process's, or itself (a port of the ephemeral range can be a connection's own
  // source port). ZeroMQ never retries after such a handshake fails, so iopub stayed silent and the start
  // timed out. A kernel answering on shell has bound all its ports: the other channels connect then.
  private connectTheRest(): void {
    const url = (port: number) => `tcp://${this.connection.ip}:${port}`;
    this.control.connect(url(this.connection.control_port));
    this.stdin.connect(url(this.connection.stdin_port));
    this.iopub.connect(url(this.connection.iopub_port));
    void this.heartbeatLoop();
  }

  /** Starts the kernel described by `spec` and waits until it answers on shell and iopub. */
  static async start(spec: Kernelspec, options: KernelStartOptions): Promise<KernelClient> {
    const zmq = await import('zeromq');
    const [shell, iopub, stdin, control, hb] = await kernelPorts(5);
    const connection: ConnectionInfo = {
      transport: 'tcp',
      ip: '127.0.0.1',
      shell_port: shell,
      iopub_port: iopub,
      stdin_port: stdin,
      control_port: control,
      hb_port: hb,
      key: randomBytes(32).toString('hex'),
      signature_scheme: 'hmac-sha256',
      kernel_name: spec.name,
    };
    // The connection file lives in a guarded folder: the watchdog removes it, and ends the kernel (its
    // own process group, detached; before its pid is known, by the folder on its command line), when
    // uptake ends, even by kill -9.
    const guard = await guardChild({ kind: 'kernel' });
    const connectionDir = guard.dir;
    const connectionFile = join(connectionDir, `kernel-${randomUUID()}.json`);
    let child: ChildProcess;
    try {
      await writeFile(connectionFile, JSON.stringify(connection, null, 1), { mode: 0o600 });
      const argv = spec.argv.map((part) => part.replaceAll('{connection_file}', connectionFile).replaceAll('{resource_dir}', spec.resourceDir));
      child = spawn(argv[0], argv.slice(1), {
        cwd: options.cwd,
        env: { ...kernelEnvironment(options.env ?? process.env, options.withheld), ...spec.env, JPY_PARENT_PID: String(process.pid) },
        stdio: ['ignore', 'pipe', 'pipe'],
        detached: true,
      });
    } catch (error) {
      await rm(connectionDir, { recursive: true, force: true });
      guard.release();
      throw error;
    }
    const client = new KernelClient(spec, zmq, connection, connectionDir, child, options);
    client.guard = guard;
    if (child.pid !== undefined) guard.adopt(child.pid);
    client.watchProcess();
    const cancel = () => client.markDead('its start was cancelled');
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      if (options.signal?.aborted) cancel();
      await client.waitReady();
    } catch (error) {
      await client.shutdown();
      throw error;
    } finally {
      options.signal?.removeEventListener('abort', cancel);
    }
    return client;
  }

  private watchProcess(): void {
    const keep = (chunk: Buffer) => {
      this.output = (this.output + chunk.toString('utf8')).slice(-8000);
    };
    this.process.stdout?.on('data', keep);
    this.process.stderr?.on('data', keep);
    // (spawn says ENOENT of the program for a working directory that is not there)
    this.process.once('error', (error) => this.markDead(existsSync(this.options.cwd) ? `could not start \`${this.spec.argv[0]}\`: ${error.message}` : `could not start it in ${this.options.cwd}: no such folder`));
    this.process.once('exit', (code, signal) => this.markDead(`the kernel process exited (${signal ? `signal ${signal}` : `code ${code}`})`));
    // No signal handlers here: the program that owns the process decides what a signal means, and
    // calls shutdown() or kill(). A normal exit still takes the kernel along.
    process.on('exit', this.exitHandler);
  }

  private markDead(reason: string): void {
    if (this.exitReason) return;
    const output = tail(this.output);
    this.exitReason = output ? `${reason}; its last output: ${output}` : reason;
    for (const listener of this.deathListeners) listener(this.exitReason);
  }

  /** Why the kernel is gone, or null while it runs. */
  get deadReason(): string | null {
    return this.exitReason;
  }

  private async readLoop(socket: import('zeromq').Dealer | import('zeromq').Subscriber, handle: (message: KernelMessage) => void) {
    try {
      for await (const frames of socket) {
        const message = this.decode(frames as Buffer[]);
        if (message) handle(message);
      }
    } catch {
      // The socket was closed.
    }
  }

  private sign(parts: Array<string | Buffer>): string {
    const hmac = createHmac('sha256', this.connection.key);
    for (const part of parts) hmac.update(part);
    return hmac.digest('hex');
  }

  // A message whose signature does not match is dropped, as Jupyter's Session does.
  private decode(frames: Buffer[]): KernelMessage | null {
    const at = frames.findIndex((frame) => frame.equals(DELIMITER));
    if (at < 0 || frames.length < at + 6) return null;
    const [signature, header, parent, metadata, content, ...buffers] = frames.slice(at + 1);
    if (signature.toString() !== this.sign([header, parent, metadata, content])) return null;
    try {
      return {
        header: JSON.parse(header.toString('utf8')) as MessageHeader,
        parent_header: JSON.parse(parent.toString('utf8')) as Partial<MessageHeader>,
        metadata: JSON.parse(metadata.toString('utf8')) as Record<string, unknown>,
        content: JSON.parse(content.toString('utf8')) as Record<string, unknown>,
        buffers,
      };
    } catch {
      return null;
    }
  }

  private send(socket: import('zeromq').Dealer, msgType: string, content: Record<string, unknown>): string {
    const header: MessageHeader = {
      msg_id: randomUUID(),
      msg_type: msgType,
      session: this.session,
      username: this.username,
      date: new Date().toISOString(),
      version: PROTOCOL_VERSION,
    };
    const parts = [JSON.stringify(header), '{}', '{}', JSON.stringify(content)];
    const frames = [DELIMITER, this.sign(parts), ...parts];
    // zeromq allows one pending send per socket: queue them.
    const previous = this.sendQueues.get(socket) ?? Promise.resolve();
    const next = previous.then(() => socket.send(frames)).catch(() => undefined);
    this.sendQueues.set(socket, next);
    return header.msg_id;
  }

  private request(socket: import('zeromq').Dealer, msgType: string, content: Record<string, unknown>, timeoutMs: number): Promise<KernelMessage | null> {
    return new Promise((resolve) => {
      const msgId = this.send(socket, msgType, content);
      const finish = (message: KernelMessage | null) => {
        clearTimeout(timer);
        this.shellWaiters.delete(msgId);
        this.deathListeners.delete(onDeath);
        resolve(message);
      };
      const onDeath = () => finish(null);
      const timer = setTimeout(() => finish(null), timeoutMs);
      this.shellWaiters.set(msgId, finish);
      this.deathListeners.add(onDeath);
    });
  }

  // Ready means a kernel_info_reply on shell and any message on iopub (the subscription is live).
  private async waitReady(): Promise<void> {
    const deadline = Date.now() + this.options.startupTimeoutSec * 1000;
    let shellReady = false;
    let iopubReady = false;
    this.iopubListener = () => {
      iopubReady = true;
    };
    try {
      while (!(shellReady && iopubReady)) {
        if (this.exitReason) throw new UptakeError('notebook', `kernel \`${this.spec.name}\` died while starting: ${this.exitReason}`);
        if (Date.now() > deadline) {
          const silent = shellReady ? ': it answered on shell but published nothing on iopub' : '';
          const output = tail(this.output);
          throw new UptakeError(
            'notebook',
            `kernel \`${this.spec.name}\` did not answer within ${this.options.startupTimeoutSec} s of starting${silent} (argv: ${this.spec.argv.join(' ')})${output ? `; its last output: ${output}` : ''}`,
          );
        }
        const reply = await this.request(this.shell, 'kernel_info_request', {}, 1000);
        if (reply && !shellReady) {
          shellReady = true;
          this.answered = true;
          this.kernelInfo = reply.content;
          this.connectTheRest();
        }
        if (shellReady && !iopubReady) await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      this.iopubListener = null;
    }
  }

  // Kernels answer heartbeats on their own channel; a Request socket is replaced after a missed beat.
  private async heartbeatLoop(): Promise<void> {
    while (!this.closed && !this.exitReason) {
      const socket = new this.zmq.Request({ linger: 0, receiveTimeout: 2000 });
      this.heartbeat = socket;
      socket.connect(`tcp://${this.connection.ip}:${this.connection.hb_port}`);
      try {
        while (!this.closed) {
          await socket.send('ping');
          await socket.receive();
          this.lastPongAt = Date.now();
          await new Promise((resolve) => setTimeout(resolve, 1000));
        }
      } catch {
        // Missed a beat (or closed): start over with a fresh socket.
      } finally {
        if (!socket.closed) socket.close();
      }
    }
  }

  /** Throws unless the process runs and answered a heartbeat lately (waiting up to the heartbeat timeout). */
  async ensureAlive(): Promise<void> {
    const limit = this.options.heartbeatTimeoutSec * 1000;
    const started = Date.now();
    while (!this.exitReason) {
      if (Date.now() - this.lastPongAt < limit) return;
      if (Date.now() - started > limit) {
        this.markDead(`the kernel stopped answering heartbeats for ${this.options.heartbeatTimeoutSec} s`);
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new UptakeError('notebook', `kernel \`${this.spec.name}\` is dead: ${this.exitReason}`);
  }

  /**
   * Runs `code`; iopub messages of this request go to `onIopub`. Resolves on the execute_reply
   * (plus the idle status, or 3 s after the reply), on timeout or on the kernel's death.
   */
  execute(code: string, options: ExecuteOptions): Promise<ExecuteOutcome> {
    if (this.exitReason) return Promise.resolve({ kind: 'dead', reason: this.exitReason });
    return new Promise((resolve) => {
      let reply: KernelMessage | undefined;
      let idle = false;
      let settled = false;
      let timedOut = false;
      const timers: NodeJS.Timeout[] = [];
      const finish = (result: ExecuteOutcome) => {
        let outcome = result;
        if (settled) return;
        settled = true;
        if (timedOut && outcome.kind === 'reply') outcome = { kind: 'timeout', interrupted: true, reply: outcome.reply };
        for (const timer of timers) clearTimeout(timer);
        this.shellWaiters.delete(msgId);
        this.deathListeners.delete(onDeath);
        this.iopubListener = null;
        resolve(outcome);
      };
      const onDeath = (reason: string) => finish({ kind: 'dead', reason });
      this.deathListeners.add(onDeath);
      this.iopubListener = (message) => {
        if (message.parent_header.msg_id !== msgId) return;
        options.onIopub(message);
        if (message.header.msg_type === 'status' && message.content.execution_state === 'idle') {
          idle = true;
          if (reply) finish({ kind: 'reply', reply, idle });
        }
      };
      const msgId = this.send(this.shell, 'execute_request', {
        code,
        silent: false,
        store_history: true,
        user_expressions: {},
        allow_stdin: false,
        stop_on_error: true,
      });
      this.shellWaiters.set(msgId, (message) => {
        if (message.header.msg_type !== 'execute_reply') return;
        reply = message;
        if (idle) finish({ kind: 'reply', reply, idle });
        // Outputs may trail the reply on iopub; wait a little for the idle status (nbclient waits 4 s).
        else timers.push(setTimeout(() => finish({ kind: 'reply', reply: message, idle }), 3000));
      });
      if (options.timeoutSec && options.timeoutSec > 0) {
        timers.push(
          setTimeout(() => {
            if (reply) return;
            timedOut = true;
            this.interrupt();
            timers.push(
              setTimeout(() => {
                if (reply) finish({ kind: 'timeout', interrupted: true, reply });
                else {
                  this.killNow();
                  finish({ kind: 'timeout', interrupted: false });
                }
              }, this.options.interruptGraceSec * 1000),
            );
          }, options.timeoutSec * 1000),
        );
      }
    });
  }

  /** Interrupts the running cell: SIGINT to the kernel's process group, or an interrupt_request. */
  interrupt(): void {
    if (this.spec.interruptMode === 'message') {
      this.send(this.control, 'interrupt_request', {});
      return;
    }
    this.signal('SIGINT');
  }

  private signal(signal: NodeJS.Signals): void {
    if (this.process.pid === undefined || this.process.exitCode !== null || this.process.signalCode !== null) return;
    try {
      process.kill(-this.process.pid, signal);
    } catch {
      try {
        this.process.kill(signal);
      } catch {
        // Already gone.
      }
    }
  }

  private killNow(): void {
    this.signal('SIGKILL');
  }

  private waitExit(ms: number): Promise<boolean> {
    if (this.process.exitCode !== null || this.process.signalCode !== null || this.process.pid === undefined) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), ms);
      this.process.once('exit', () => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /** Kills the kernel's process group at once (an aborted run), then cleans up as shutdown() does. */
  async kill(): Promise<void> {
    this.markDead('it was killed: the run was aborted');
    this.killNow();
    await this.shutdown();
  }

  /** The same as shutdown(). */
  close(): Promise<void> {
    return this.shutdown();
  }

  /** Asks the kernel to shut down, then terminates and kills it; closes the sockets. Safe to call twice. */
  async shutdown(): Promise<void> {
    if (this.closed) return;
    // A kernel declared dead for missed heartbeats may still run: it is terminated all the same.
    // One that never answered (a cancelled or timed-out start) cannot be asked: it is terminated at once.
    const ask = !this.exitReason && this.answered;
    if (ask) await this.request(this.control, 'shutdown_request', { restart: false }, 2000);
    if (!(await this.waitExit(ask ? 3000 : 0))) {
      this.signal('SIGTERM');
      if (!(await this.waitExit(2000))) {
        this.killNow();
        await this.waitExit(2000);
      }
    }
    this.closed = true;
    process.removeListener('exit', this.exitHandler);
    for (const socket of [this.shell, this.control, this.stdin, this.iopub, this.heartbeat]) if (socket && !socket.closed) socket.close();
    this.process.stdout?.destroy();
    this.process.stderr?.destroy();
    await rm(this.connectionDir, { recursive: true, force: true });
    this.guard?.release();
  }
}

function safeUsername(): string {
  try {
    return userInfo().username;
  } catch {
    return 'uptake';
  }
}
