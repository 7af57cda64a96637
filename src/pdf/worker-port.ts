// The worker side of a WorkerPool: the same messages whether the worker runs as a
// thread (parentPort) or as a child process (its IPC channel). A process whose pool
// has gone exits at once: nothing it could still compute has anyone to go to.
import { parentPort } from 'node:worker_threads';

export interface WorkerPort {
  post(message: unknown): void;
  onMessage(listener: (message: unknown) => void): void;
}

export function workerPort(): WorkerPort {
  if (parentPort) {
    const port = parentPort;
    return { post: (message) => port.postMessage(message), onMessage: (listener) => port.on('message', listener) };
  }
  if (process.send) {
    process.on('disconnect', () => process.exit(0));
    return {
      post: (message) => {
        if (process.connected) process.send?.(message);
      },
      onMessage: (listener) => process.on('message', listener),
    };
  }
  throw new Error('this script runs as a worker of a WorkerPool (a worker thread or a child process with IPC)');
}
