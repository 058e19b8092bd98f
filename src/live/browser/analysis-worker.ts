/**
 * The islands' analysis worker (loaded through Vite's `?worker` import by analysis-worker-client.ts):
 * analyze, simulate, the view and the Mermaid text, off the page's main thread. Receives
 * `{ id, state }`, answers `{ id, result }` or `{ id, error }` with plain data only.
 */
import { analyzeState, plain } from '../model/analyze-state.ts';
import type { AnalysisRequest, AnalysisResponse } from './analysis-worker-client.ts';

const scope = self as unknown as {
  addEventListener(type: 'message', listener: (event: MessageEvent<AnalysisRequest>) => void): void;
  postMessage(message: AnalysisResponse): void;
};

scope.addEventListener('message', (event) => {
  const { id, state } = event.data;
  let response: AnalysisResponse;
  try {
    response = { id, result: plain(analyzeState(state)) };
  } catch (error) {
    response = { id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(response);
});
