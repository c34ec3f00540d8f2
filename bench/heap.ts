import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let collect: (() => void) | undefined;

/**
 * JS heap + external (Buffer) bytes after a full garbage collection: what a set of objects
 * holds, whichever ran before it in this process. (RSS is not: freed heap is not given back.)
 */
export function retainedBytes(): number {
  if (!collect) {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  }
  collect();
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
}
