/**
 * The page's side of the analysis worker: one worker for every island of the page, started
 * on first use, requests matched to answers by id. `analyzeOffThread` rejects when there is
 * no worker (no `Worker` in this browser, or it failed to start or crashed); the store then
 * analyzes on the main thread, as it does without a worker.
 */
import AnalysisWorker from './analysis-worker.ts?worker';
import type { AnalysisResult } from '../model/analyze-state.ts';
import type { ShareState } from '../model/share-state.ts';

export interface AnalysisRequest {
  readonly id: number;
  readonly state: ShareState;
}

export type AnalysisResponse = { readonly id: number; readonly result: AnalysisResult } | { readonly id: number; readonly error: string };

interface Waiting {
  resolve(result: AnalysisResult): void;
  reject(error: Error): void;
}

let worker: Worker | undefined;
/** Set once the worker could not start or died: every later request fails at once. */
let broken: Error | undefined;
let nextId = 0;
const waiting = new Map<number, Waiting>();

function fail(error: Error): void {
  broken = error;
  worker?.terminate();
  worker = undefined;
  for (const w of waiting.values()) w.reject(error);
  waiting.clear();
}

function start(): Worker | undefined {
  if (worker || broken) return worker;
  if (typeof Worker === 'undefined') {
    broken = new Error('This browser has no Web Workers.');
    return undefined;
  }
  try {
    worker = new AnalysisWorker();
  } catch (error) {
    broken = error instanceof Error ? error : new Error(String(error));
    return undefined;
  }
  worker.addEventListener('message', (event: MessageEvent<AnalysisResponse>) => {
    const answer = event.data;
    const w = waiting.get(answer.id);
    if (!w) return;
    waiting.delete(answer.id);
    if ('result' in answer) w.resolve(answer.result);
    else w.reject(new Error(answer.error));
  });
  // The script did not load (blocked, missing) or threw outside a request: no worker from now on.
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    fail(new Error(`The analysis worker failed: ${event.message || 'it did not start'}`));
  });
  worker.addEventListener('messageerror', () => fail(new Error('The analysis worker sent an unreadable message.')));
  return worker;
}

/** Starts the worker ahead of the first request (it loads while the reader reads). */
export function warmUp(): void {
  start();
}

export function analyzeOffThread(state: ShareState): Promise<AnalysisResult> {
  const w = start();
  if (!w) return Promise.reject(broken);
  const id = ++nextId;
  return new Promise<AnalysisResult>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    try {
      w.postMessage({ id, state } satisfies AnalysisRequest);
    } catch (error) {
      waiting.delete(id);
      reject(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
